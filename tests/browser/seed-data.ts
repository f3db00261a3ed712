// The data the built app serves, computed again from geo/ and the seed articles with the same pipeline, for the
// browser tests' expectations; and a way to serve other data (an injection corpus) in place of the built files.
import type { Page } from 'playwright-core';
import type { AppData } from '../../src/domain/app-data.ts';
import { buildAppDataFromDisk } from '../../src/pipeline/app-data.ts';
import { dataFiles } from '../../src/pipeline/data-files.ts';

let seeds: AppData | null = null;

export function seedAppData(): AppData {
  if (seeds !== null) return seeds;
  const result = buildAppDataFromDisk({ geoDir: 'geo', articlesDir: 'geo/articles' });
  if (result.data === null) throw new Error(JSON.stringify(result.problems));
  seeds = result.data;
  return seeds;
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
