// The data the built app serves, computed again from geo/ and the seed articles with the same pipeline, for the
// tests' expectations; the same for a generated corpus; and a way to serve other data (an injection corpus, a large
// one) in place of the built files.
import type { Page } from 'playwright-core';
import { writeCorpus } from '../../src/corpus/write-corpus.ts';
import type { AppData } from '../../src/domain/app-data.ts';
import { buildAppDataFromDisk } from '../../src/pipeline/app-data.ts';
import { dataFiles } from '../../src/pipeline/data-files.ts';

let seeds: AppData | null = null;

/** The app data of geo/ and the articles in `articlesDir`; throws with the problems when there are errors. */
export function appDataOf(articlesDir: string): AppData {
  const result = buildAppDataFromDisk({ geoDir: 'geo', articlesDir });
  if (result.data === null) throw new Error(JSON.stringify(result.problems));
  return result.data;
}

export function seedAppData(): AppData {
  seeds ??= appDataOf('geo/articles');
  return seeds;
}

/** The app data of a generated corpus (src/corpus) of `n` articles, seeds included, written into `dir`. */
export function corpusAppData(dir: string, n: number, seed: number): AppData {
  writeCorpus({ n, seed, outDir: dir, seedsDir: 'geo/articles', force: false });
  return appDataOf(dir);
}

/** Answers the app's data requests (data/<hash>/...) with files split from `data`; the basemap stays the build's. */
export async function serveAppData(page: Page, data: AppData): Promise<void> {
  const { files } = dataFiles(data, '');
  await page.route(/\/data\/[^/]+\/(.+\.json)$/, (route) => {
    const name = /\/data\/[^/]+\/(.+\.json)$/.exec(new URL(route.request().url()).pathname)?.[1] ?? '';
    if (name === 'basemap.json') return route.continue();
    const body = files.get(name);
    return body === undefined
      ? route.fulfill({ status: 404 })
      : route.fulfill({ status: 200, contentType: 'application/json', body });
  });
}
