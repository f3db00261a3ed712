// One timed pipeline run, in a process of its own (src/bench/ingest.ts pins it to one core): reads geo/ and the
// articles, validates and joins, exactly what the build does. Prints one JSON line.
//   node --import tsx src/bench/ingest-child.ts GEO_DIR ARTICLES_DIR
import { buildAppDataFromDisk } from '../pipeline/app-data.ts';
import { articleFiles, corpusBytes } from './files.ts';

const [geoDir, articlesDir] = process.argv.slice(2);
if (geoDir === undefined || articlesDir === undefined)
  throw new Error('usage: ingest-child GEO_DIR ARTICLES_DIR');
const articles = articleFiles(articlesDir).length;
const bytes = corpusBytes(articlesDir);
const t0 = performance.now();
const cpu0 = process.cpuUsage();
const result = buildAppDataFromDisk({ geoDir, articlesDir });
// A disagreement's note is written when first read (src/pipeline/compare.ts); the build writes every one into its
// data files, so they are written here too, inside the time.
let noteChars = 0;
for (const d of result.data?.joined.discrepancies ?? []) noteChars += d.note.length;
const ms = performance.now() - t0;
// CPU time as well: on a shared machine the wall time includes waiting for the core.
const cpu = process.cpuUsage(cpu0);
const cpuMs = (cpu.user + cpu.system) / 1000;
const errors = result.problems.filter((p) => p.level === 'error').length;
console.log(
  JSON.stringify({
    articles,
    joined: result.data?.joined.articles.length ?? 0,
    errors,
    bytes,
    ms,
    cpuMs,
    maxRssKB: process.resourceUsage().maxRSS,
    noteChars,
  }),
);
