// Size budgets of what a reader downloads before the map can start (issue 8): the app's own JavaScript (all but
// MapLibre and its worker) at most 60 KB gzip, and the data of the first view at most 150 KB gzip. Reads the
// production build, which `npm test` makes before it runs the tests.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

const KB = 1024;
const gz = (file: string) => gzipSync(readFileSync(path.join('dist', file)), { level: 9 }).length;

/** The scripts a page loads at start: its entry and the chunks it preloads. */
function startScripts(page: string): string[] {
  const html = readFileSync(path.join('dist', page), 'utf8');
  return [...html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+\.js)"/g)].map((m) => m[1] ?? '');
}

describe('size budgets', () => {
  it.each(['index.html', 'embed.html'])("keeps %s's own start-up JavaScript within 60 KB gzip", (page) => {
    const own = startScripts(page).filter((f) => !/maplibre/.test(f));
    const total = own.reduce((sum, f) => sum + gz(f), 0);
    console.info(`${page}: own JS ${(total / KB).toFixed(1)} KB gzip (${own.join(', ')})`);
    expect(own.length).toBeGreaterThan(0);
    expect(total).toBeLessThanOrEqual(60 * KB);
  });

  it('keeps the first view data within 150 KB gzip', () => {
    // The first view loads the core and the basemap, both under the build's content-hashed data folder.
    const version = readdirSync(path.join('dist', 'data')).find((d) => /^[0-9a-f]{12}$/.test(d)) ?? '';
    const total = gz(`data/${version}/core.json`) + gz(`data/${version}/basemap.json`);
    console.info(`first-view data ${(total / KB).toFixed(1)} KB gzip`);
    expect(total).toBeLessThanOrEqual(150 * KB);
  });
});
