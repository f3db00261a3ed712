// What the first view really downloads: every file the server sent from navigation until the map's first idle and
// a second of quiet after it, sorted by kind (classify.ts) and weighed as gzip at level 9, as a static host would
// send it. The server's log names the files (serve.ts), so even a 200 MB body is weighed from disk, never copied
// back out of the browser.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { DESKTOP } from './app-page.ts';
import { closeQuickly, freshPage, StallError, waitIdleMark } from './browser.ts';
import { ASSET_CLASSES, type AssetClass, classifyUrl } from './classify.ts';
import type { Served } from './serve.ts';

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
  /** path and size of every file served, for the JSON report */
  responses: { path: string; kind: AssetClass; raw: number; gzip: number }[];
  offsite: string[];
  /** false: the map never reached its first idle, and these are the files until the time limit (a lower bound) */
  reachedIdle: boolean;
}

export async function measureSizes(browser: Browser, site: Served): Promise<SizeFigures> {
  const bp = await freshPage(browser, DESKTOP, 'no-preference');
  let reachedIdle = true;
  site.clear();
  try {
    await bp.page.goto(site.url);
    try {
      await waitIdleMark(bp.page);
    } catch (e) {
      if (!(e instanceof StallError)) throw e;
      reachedIdle = false;
    }
    const start = Date.now();
    while (reachedIdle && Date.now() - site.lastRequestAt() < QUIET_MS && Date.now() - start < MAX_WAIT_MS)
      await new Promise((r) => setTimeout(r, 100));
  } finally {
    await closeQuickly(bp);
  }
  const responses = site.served.map((s) => {
    const body = readFileSync(s.file);
    const kind = classifyUrl(new URL(s.path, site.url).href);
    return { path: s.path, kind, raw: body.length, gzip: gzipSync(body, { level: 9 }).length };
  });
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
