// Everything one bench run measured, per corpus: what the report prints and --json writes.
import type { ClickFigures } from './click.ts';
import type { IngestFigures } from './ingest.ts';
import type { LoadFigures } from './load.ts';
import type { MemoryFigures } from './memory.ts';
import type { SearchFigures } from './search.ts';
import type { SizeFigures } from './sizes.ts';

export interface CorpusFigures {
  /** "seeds", "10k" */
  label: string;
  dir: string;
  articles: number;
  sizes?: SizeFigures;
  load?: LoadFigures;
  click?: ClickFigures;
  memory?: MemoryFigures;
  ingest?: IngestFigures;
  search?: SearchFigures;
}

export interface BenchFigures {
  seeds: CorpusFigures;
  large: CorpusFigures;
  /** the pipeline over the first quarter of the large corpus, for the scaling check */
  quarter?: IngestFigures;
  /** things a reader of the figures should know (stand-ins, unpinned runs, aborted requests, page errors) */
  notes: string[];
}

export const KB = 1024;
