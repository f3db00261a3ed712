// `xs.map(f)` for the arrays the ingest hands from one step to the next, built so that they are the same kind of
// array however far V8 has optimized the code that makes them.
//
// Why: V8's Array.prototype.map returns a packed array while its caller runs unoptimized, but a holey one once
// TurboFan has inlined it into an optimized caller. So when a step such as joinArticle is optimized, the arrays it
// passes on (each paragraph's tokens, quote marks, sentences) change elements kind, and every optimized function that
// had only seen the other kind stops at its first such array ("wrong map"), drops its code and is compiled again.
// Over the 10k corpus (Node 20) that was 26 of the 52 deoptimizations, and the recompiles were a third of
// TurboFan's compile time, all on the ingest's one core. An array grown with push is packed in every tier.
// Used where the arrays flow into the per-article steps; elsewhere `map` reads better and costs nothing extra.
export function mapPacked<T, U>(xs: readonly T[], f: (x: T, i: number) => U): U[] {
  const out: U[] = [];
  for (let i = 0; i < xs.length; i++) out.push(f(xs[i] as T, i));
  return out;
}

/**
 * mapPacked for arrays the ingest keeps to the end (a mention's feature ids and figures, an article's sentences):
 * copied to their exact length. Grown by push, a short array keeps up to 16 spare slots; over the 10k corpus's
 * mentions and sentences that was ~24 MB more peak memory than map's exactly sized arrays.
 */
export function mapPackedKept<T, U>(xs: readonly T[], f: (x: T, i: number) => U): U[] {
  return mapPacked(xs, f).slice();
}
