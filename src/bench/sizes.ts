// What the first view really downloads: every response from navigation until the map's first idle and a second
// of quiet after it, sorted by kind (classify.ts) and weighed as gzip at level 9, as a static host would send it.
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { DESKTOP } from './app-page.ts';
import { freshPage, StallError, waitIdleMark } from './browser.ts';
import { ASSET_CLASSES, type AssetClass, classifyUrl } from './classify.ts';

/** How long the network must stay silent after the first idle before the first view counts as complete. */
const QUIET_MS = 1000;
/** Give up waiting for quiet after this long (a page that polls forever). */
const MAX_WAIT_MS = 15_000;

export interface ClassSize {
  files: number;
  raw: number;
  gzip: number;
}

export interface SizeFigures {
  byClass: Record<AssetClass, ClassSize>;
  /** path and gzip size of every response, for the JSON report */
  responses: { path: string; kind: AssetClass; raw: number; gzip: number }[];
  offsite: string[];
  /** false: the map never reached its first idle, and these are the responses until the time limit (a lower bound) */
  reachedIdle: boolean;
}

export async function measureSizes(browser: Browser, url: string): Promise<SizeFigures> {
  const bp = await freshPage(browser, DESKTOP, 'no-preference');
  const responses: SizeFigures['responses'] = [];
  const reading: Promise<void>[] = [];
  let lastActivity = Date.now();
  let reachedIdle = true;
  bp.context.on('request', () => {
    lastActivity = Date.now();
  });
  bp.context.on('response', (r) => {
    lastActivity = Date.now();
    const u = new URL(r.url());
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return;
    reading.push(
      r.body().then(
        (body) => {
          const gzip = gzipSync(body, { level: 9 }).length;
          responses.push({ path: u.pathname, kind: classifyUrl(u.href), raw: body.length, gzip });
        },
        () => {},
      ),
    );
  });
  try {
    await bp.page.goto(url);
    try {
      await waitIdleMark(bp.page);
    } catch (e) {
      if (!(e instanceof StallError)) throw e;
      reachedIdle = false;
    }
    const start = Date.now();
    while (Date.now() - lastActivity < QUIET_MS && Date.now() - start < MAX_WAIT_MS)
      await new Promise((r) => setTimeout(r, 100));
    await Promise.all(reading);
  } finally {
    await bp.context.close();
  }
  const byClass = Object.fromEntries(ASSET_CLASSES.map((k) => [k, { files: 0, raw: 0, gzip: 0 }])) as Record<
    AssetClass,
    ClassSize
  >;
  for (const r of responses) {
    const c = byClass[r.kind];
    c.files++;
    c.raw += r.raw;
    c.gzip += r.gzip;
  }
  responses.sort((a, b) => (a.path < b.path ? -1 : 1));
  return { byClass, responses, offsite: bp.offsite, reachedIdle };
}
