// The search over one corpus, in a process of its own (src/bench/search.ts pins it to one core, as the ingest):
// the pipeline's data (not timed), then the index build and every keystroke of a set of queries typed one
// character at a time, as the search box asks while the reader types. Prints one JSON line.
//   node --import tsx src/bench/search-child.ts GEO_DIR ARTICLES_DIR
import { createCatalog } from '../data/catalog.ts';
import { buildAppDataFromDisk } from '../pipeline/app-data.ts';
import { buildSearchIndex } from '../search/search-index.ts';

/** What readers type: names in their inflections, abbreviations, Latin typing, sentences' words, figures. */
const QUERIES = [
  'порта Курык',
  'Актау',
  'btk',
  'Средним коридором',
  'Middle Corridor',
  'Зангезурского',
  'млн тонн',
  '547',
  'контейнеров 2025',
  'Тоекин',
];

const [geoDir, articlesDir] = process.argv.slice(2);
if (geoDir === undefined || articlesDir === undefined)
  throw new Error('usage: search-child GEO_DIR ARTICLES_DIR');
const { data } = buildAppDataFromDisk({ geoDir, articlesDir });
if (data === null) throw new Error(`${articlesDir}: the pipeline reported errors`);
const catalog = createCatalog(data);
const t0 = performance.now();
const index = buildSearchIndex(catalog);
const buildMs = performance.now() - t0;
const keystrokes: number[] = [];
for (const query of QUERIES) {
  for (let n = 1; n <= query.length; n++) {
    const t = performance.now();
    index.search(query.slice(0, n), 'ru');
    keystrokes.push(performance.now() - t);
  }
}
console.log(JSON.stringify({ documents: data.joined.mentions.length, buildMs, keystrokes }));
