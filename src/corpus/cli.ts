// npm run corpus -- --n 10000 --out DIR [--seed S] [--force] [--seeds DIR]
// A synthetic corpus of articles in the articles' own form, to benchmark the ingest pipeline and the app at scale.
// Exit codes: 0 written; 2 a usage error or a refusal (DIR not empty without --force).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CorpusError, type CorpusSummary, writeCorpus } from './write-corpus.ts';

const USAGE = `usage: npm run corpus -- --n N --out DIR [--seed S] [--force] [--seeds DIR]

  --n N        articles in all: the seed articles first (all of them, or the first N when N < their number),
               then generated ones
  --out DIR    where to write; created if missing; refused if it is not empty, unless --force
  --seed S     unsigned 32-bit integer (default 1); the same N and S give byte-identical files
  --force      write into a non-empty DIR, removing the .txt files already in it (nothing else)
  --seeds DIR  the seed articles (default: geo/articles of this project)`;

const DEFAULT_SEEDS = fileURLToPath(new URL('../../geo/articles/', import.meta.url));
/** Far beyond a benchmark's needs; guards against a typo writing millions of files. */
const MAX_N = 1_000_000;

interface Args {
  n: number;
  out: string;
  seed: number;
  force: boolean;
  seeds: string;
}

class UsageError extends Error {}

function parseArgs(argv: readonly string[]): Args | 'help' {
  let n: number | null = null;
  let out: string | null = null;
  let seed = 1;
  let force = false;
  let seeds = DEFAULT_SEEDS;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) throw new UsageError(`${arg} needs a value`);
      return v;
    };
    if (arg === '--help' || arg === '-h') return 'help';
    else if (arg === '--n') n = integer(arg, value(), 0, MAX_N);
    else if (arg === '--out') out = value();
    else if (arg === '--seed') seed = integer(arg, value(), 0, 2 ** 32 - 1);
    else if (arg === '--seeds') seeds = value();
    else if (arg === '--force') force = true;
    else throw new UsageError(`unknown argument "${arg}"`);
  }
  if (n === null) throw new UsageError('--n is required');
  if (out === null) throw new UsageError('--out is required');
  return { n, out, seed, force, seeds };
}

function integer(name: string, text: string, min: number, max: number): number {
  if (!/^\d+$/.test(text) || Number(text) < min || Number(text) > max) {
    throw new UsageError(`${name} must be an integer from ${min} to ${max}, not "${text}"`);
  }
  return Number(text);
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

function describe(out: string, s: CorpusSummary): string {
  const mean = s.generated === 0 ? 0 : s.generatedBytes / s.generated;
  return [
    `wrote ${s.seeds + s.generated} articles to ${out}: ${s.seeds} seeds copied + ${s.generated} generated (${s.frontMatter} with front matter)`,
    `total size ${(s.totalBytes / 1024 / 1024).toFixed(1)} MB (${s.totalBytes} bytes)`,
    `generated articles: mean ${kb(mean)}, smallest ${kb(s.minGeneratedBytes)}, largest ${kb(s.maxGeneratedBytes)}`,
  ].join('\n');
}

function main(argv: readonly string[]): number {
  let args: Args | 'help';
  try {
    args = parseArgs(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    process.stderr.write(`corpus: ${e.message}\n${USAGE}\n`);
    return 2;
  }
  if (args === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  try {
    const summary = writeCorpus({
      n: args.n,
      seed: args.seed,
      outDir: path.resolve(args.out),
      seedsDir: path.resolve(args.seeds),
      force: args.force,
    });
    process.stdout.write(`${describe(args.out, summary)}\n`);
    return 0;
  } catch (e) {
    if (!(e instanceof CorpusError)) throw e;
    process.stderr.write(`corpus: ${e.message}\n`);
    return 2;
  }
}

process.exitCode = main(process.argv.slice(2));
