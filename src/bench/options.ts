// The command line of `npm run bench`.

export const SECTIONS = ['sizes', 'load', 'click', 'memory', 'ingest', 'search'] as const;
export type Section = (typeof SECTIONS)[number];

export interface Options {
  /** the large corpus; null: generate 10,000 articles with src/corpus/cli.ts */
  corpus: string | null;
  /** load runs per page and corpus (at least MIN_RUNS) */
  runs: number;
  only: Section[];
  json: string | null;
}

export const MIN_RUNS = 9;
export const USAGE = `usage: npm run bench -- [--corpus DIR] [--runs N] [--only ${SECTIONS.join(',')}] [--json FILE]`;

const isSection = (s: string): s is Section => (SECTIONS as readonly string[]).includes(s);

export function parseOptions(argv: readonly string[]): Options {
  const o: Options = { corpus: null, runs: MIN_RUNS, only: [...SECTIONS], json: null };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[i + 1];
    if (flag === '--help' || flag === '-h') throw new Error(USAGE);
    if (value === undefined) throw new Error(`${flag} needs a value\n${USAGE}`);
    i++;
    if (flag === '--corpus') o.corpus = value;
    else if (flag === '--json') o.json = value;
    else if (flag === '--runs') {
      const n = Number(value);
      if (!Number.isInteger(n) || n < MIN_RUNS) throw new Error(`--runs must be an integer ≥ ${MIN_RUNS}`);
      o.runs = n;
    } else if (flag === '--only') {
      const names = value.split(',').map((s) => s.trim());
      const bad = names.filter((s) => !isSection(s));
      if (bad.length > 0) throw new Error(`--only: unknown section ${bad.join(', ')}\n${USAGE}`);
      o.only = names.filter(isSection);
    } else throw new Error(`unknown option ${flag}\n${USAGE}`);
  }
  return o;
}
