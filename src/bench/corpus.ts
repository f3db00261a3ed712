// The corpora the bench measures: the seed articles as they are, a large synthetic corpus from the generator
// (src/corpus/cli.ts), and the first quarter of the large one for the scaling check.
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { articleFiles } from './files.ts';
import { ROOT, run } from './proc.ts';

export const SEEDS_DIR = path.join(ROOT, 'geo/articles');
const GENERATOR = path.join(ROOT, 'src/corpus/cli.ts');

/** `npm run corpus -- --n N --out DIR`: the seeds plus N−5 generated articles in a new folder. */
export async function generateCorpus(n: number, outDir: string, limitMs: number): Promise<void> {
  if (!existsSync(GENERATOR))
    throw new Error(
      `the corpus generator (src/corpus/cli.ts) is not in this branch: pass --corpus DIR with ${n} articles`,
    );
  await run(
    'the corpus generator',
    process.execPath,
    ['--import', 'tsx', GENERATOR, '--n', String(n), '--out', outDir],
    limitMs,
  );
}

/**
 * The first quarter of a corpus (by file name) in a new folder, always with the seed articles among them, so the
 * scaling check compares like with like.
 */
export function quarterOf(corpusDir: string, outDir: string): number {
  const seeds = new Set(articleFiles(SEEDS_DIR));
  const all = articleFiles(corpusDir);
  const want = Math.max(1, Math.round(all.length / 4));
  const chosen = [...all.filter((f) => seeds.has(f)), ...all.filter((f) => !seeds.has(f))].slice(0, want);
  mkdirSync(outDir, { recursive: true });
  for (const f of chosen) copyFileSync(path.join(corpusDir, f), path.join(outDir, f));
  return chosen.length;
}
