// Writes a corpus: the seed articles copied byte for byte (geo/briefing.json cites their mention ids, so a build
// over the corpus must still find them), then generated articles up to --n. Article i is drawn from its own PRNG
// (rng.ts, articleSeed), so the corpus depends on nothing but --n and --seed, and a smaller corpus is a prefix of
// a larger one with the same seed.
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { listFiles } from '../pipeline/load.ts';
import { composeArticle } from './compose.ts';
import { articleFileName } from './file-names.ts';
import { articleSeed, mulberry32 } from './rng.ts';
import { harvestSentences, type SeedFile, type SentenceBank } from './sentence-bank.ts';

export interface CorpusOptions {
  /** how many articles in all, seeds included */
  n: number;
  seed: number;
  outDir: string;
  /** where the seed articles are (geo/articles) */
  seedsDir: string;
  /** write into a non-empty outDir, removing the .txt files already there */
  force: boolean;
}

export interface CorpusSummary {
  seeds: number;
  generated: number;
  frontMatter: number;
  totalBytes: number;
  generatedBytes: number;
  minGeneratedBytes: number;
  maxGeneratedBytes: number;
}

/** A refusal the user can fix (the CLI exits 2 with its message). */
export class CorpusError extends Error {
  override readonly name = 'CorpusError';
}

export interface GeneratedArticle {
  file: string;
  text: string;
  hasFrontMatter: boolean;
  /** the outlet the pipeline should read from the text (outlets.ts) */
  source: string;
}

/** Generated article `index` (5 and up: 0–4 are the seeds); pure. */
export function generateArticle(bank: SentenceBank, seed: number, index: number): GeneratedArticle {
  const key = String(index).padStart(5, '0');
  const article = composeArticle(bank, mulberry32(articleSeed(seed, index)), key);
  return {
    file: articleFileName(index, article.text),
    text: article.text,
    hasFrontMatter: article.hasFrontMatter,
    source: article.outlet.source,
  };
}

export function readSeeds(seedsDir: string): SeedFile[] {
  return listFiles(seedsDir, '.txt').map((file) => ({
    file,
    text: readFileSync(path.join(seedsDir, file), 'utf8'),
  }));
}

export function writeCorpus(options: CorpusOptions): CorpusSummary {
  const { n, seed, outDir, seedsDir, force } = options;
  const seeds = readSeeds(seedsDir);
  if (seeds.length === 0) throw new CorpusError(`no .txt seed articles in ${seedsDir}`);
  prepareOutDir(outDir, force);

  let totalBytes = 0;
  const copied = seeds.slice(0, Math.min(n, seeds.length));
  for (const s of copied) {
    copyFileSync(path.join(seedsDir, s.file), path.join(outDir, s.file));
    totalBytes += statSync(path.join(outDir, s.file)).size;
  }

  const bank = harvestSentences(seeds);
  const summary: CorpusSummary = {
    seeds: copied.length,
    generated: 0,
    frontMatter: 0,
    totalBytes,
    generatedBytes: 0,
    minGeneratedBytes: 0,
    maxGeneratedBytes: 0,
  };
  for (let index = seeds.length; index < n; index++) {
    const article = generateArticle(bank, seed, index);
    const data = Buffer.from(article.text, 'utf8');
    writeFileSync(path.join(outDir, article.file), data);
    summary.generated++;
    if (article.hasFrontMatter) summary.frontMatter++;
    summary.generatedBytes += data.length;
    summary.minGeneratedBytes =
      summary.generated === 1 ? data.length : Math.min(summary.minGeneratedBytes, data.length);
    summary.maxGeneratedBytes = Math.max(summary.maxGeneratedBytes, data.length);
  }
  summary.totalBytes += summary.generatedBytes;
  return summary;
}

function prepareOutDir(outDir: string, force: boolean): void {
  if (!existsSync(outDir)) {
    mkdirSync(outDir, { recursive: true });
    return;
  }
  if (!statSync(outDir).isDirectory()) throw new CorpusError(`${outDir} exists and is not a directory`);
  const entries = readdirSync(outDir);
  if (entries.length === 0) return;
  if (!force) {
    throw new CorpusError(
      `${outDir} is not empty (${entries.length} entries); use --force to replace its .txt files`,
    );
  }
  // Only the .txt files: the pipeline reads every .txt of the folder, so a corpus mixed with an older, larger one
  // would not be the corpus asked for; anything else in the folder is left alone.
  for (const e of entries) {
    const p = path.join(outDir, e);
    if (e.endsWith('.txt') && statSync(p).isFile()) rmSync(p);
  }
}
