// `npm run ingest -- <articles-dir> [--out file.json] [--geo geo-dir]`: joins the articles to the curated
// features and writes the joined-data contract (../shared/ARCHITECTURE.md) to --out, or to stdout. The file is
// written to a temporary name and renamed, so a reader never sees half a file, and nothing is written at all when
// geo/ or any article has an error: the previous good --out stays as it was. Every problem (geo/ and articles) is
// listed at once, one line each with file, line and hint; errors exit 1, usage mistakes 2.
import { renameSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildAppDataFromDisk } from './app-data.ts';
import { formatJoinedData } from './format-joined.ts';
import { countProblems, formatProblems, type Problem } from './problems.ts';

const USAGE = 'usage: npm run ingest -- <articles-dir> [--out file.json] [--geo geo-dir]';

export interface IngestOptions {
  articlesDir: string;
  out: string | null;
  geoDir: string;
}

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** geo/ or the articles have errors: nothing is written. The message lists every problem, warnings included. */
export class IngestError extends Error {
  override readonly name = 'IngestError';
  readonly problems: readonly Problem[];

  constructor(problems: readonly Problem[]) {
    super(
      `${countProblems(problems)} in geo/ and the articles; nothing written:\n${formatProblems(problems)}`,
    );
    this.problems = problems;
  }
}

export function parseArgs(args: readonly string[]): IngestOptions {
  let articlesDir: string | null = null;
  let out: string | null = null;
  let geoDir = 'geo';
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    const value = (): string => {
      const v = args[++i];
      if (v === undefined || v.startsWith('--')) throw new UsageError(`${arg} needs a value\n${USAGE}`);
      return v;
    };
    if (arg === '--out' || arg === '-o') out = value();
    else if (arg === '--geo') geoDir = value();
    else if (arg.startsWith('--out=')) out = arg.slice('--out='.length);
    else if (arg.startsWith('--geo=')) geoDir = arg.slice('--geo='.length);
    else if (arg.startsWith('-')) throw new UsageError(`unknown option ${arg}\n${USAGE}`);
    else if (articlesDir === null) articlesDir = arg;
    else throw new UsageError(`one articles directory expected, got also ${arg}\n${USAGE}`);
  }
  if (articlesDir === null) throw new UsageError(USAGE);
  return { articlesDir, out, geoDir };
}

/**
 * Runs the ingest: the same validation and join as the build. Returns the JSON and the warnings to show, one line
 * each; throws IngestError when anything is an error.
 */
export function ingest(options: IngestOptions): { json: string; warnings: string[] } {
  const result = buildAppDataFromDisk({ geoDir: options.geoDir, articlesDir: options.articlesDir });
  if (result.data === null) throw new IngestError(result.problems);
  return {
    json: formatJoinedData(result.data.joined),
    warnings: result.problems.filter((p) => p.level === 'warning').map((p) => formatProblems([p])),
  };
}

function writeAtomically(file: string, content: string): void {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    writeFileSync(tmp, content, 'utf8');
    renameSync(tmp, file);
  } catch (e) {
    try {
      unlinkSync(tmp);
    } catch {
      // nothing to clean up
    }
    throw e;
  }
}

function main(args: readonly string[]): number {
  try {
    const options = parseArgs(args);
    const { json, warnings } = ingest(options);
    for (const w of warnings) process.stderr.write(`ingest: ${w}\n`);
    if (options.out === null) process.stdout.write(json);
    else writeAtomically(options.out, json);
    return 0;
  } catch (e) {
    process.stderr.write(`ingest: ${e instanceof Error ? e.message : String(e)}\n`);
    return e instanceof UsageError ? 2 : 1;
  }
}

// Run only as a script, so tests can import parseArgs and ingest.
const invoked = process.argv[1] === undefined ? '' : path.resolve(process.argv[1]);
if (invoked === fileURLToPath(import.meta.url)) process.exitCode = main(process.argv.slice(2));
