// Load: navigation start to the map's first idle, the app against a bare MapLibre page with the same basemap.
// Every run is a fresh browser context (empty HTTP cache: a reader's first visit), the two pages alternate and
// swap order every pair so drift in the shared machine's load falls on both alike.
import type { Browser, Page } from 'playwright-core';
import { PANELS_MARK } from '../map/after-map-idle.ts';
import { DESKTOP } from './app-page.ts';
import { closeQuickly, freshPage, waitIdleMark, waitMark } from './browser.ts';
import { median, ratio } from './stats.ts';

export interface LoadFigures {
  /** ms from navigation start to first idle, per run */
  app: number[];
  /** ms from navigation start to the app's panels drawn (they follow the map's first idle), per app run */
  panels: number[];
  panelsMedian: number;
  bare: number[];
  appMedian: number;
  bareMedian: number;
  /** the median of app/bare over the pairs of runs */
  ratio: number;
  /** the app's map box, which the bare page's map copies */
  mapBox: { width: number; height: number };
}

/** Opens `url` in a fresh context, waits for the map's first idle, and reads what `read` needs before closing. */
async function visit<T>(
  browser: Browser,
  url: string,
  read: (page: Page, idle: number) => Promise<T>,
): Promise<T> {
  const bp = await freshPage(browser, DESKTOP, 'no-preference');
  try {
    await bp.page.goto(url);
    return await read(bp.page, await waitIdleMark(bp.page));
  } finally {
    await closeQuickly(bp);
  }
}

function timeToIdle(browser: Browser, url: string): Promise<number> {
  return visit(browser, url, async (_, idle) => idle);
}

/** The app's first idle, and when its panels were drawn: what the map gains, the reader must not lose unseen. */
function appTimes(browser: Browser, url: string): Promise<{ idle: number; panels: number }> {
  return visit(browser, url, async (page, idle) => ({
    idle,
    panels: await waitMark(page, PANELS_MARK, "the app's panels"),
  }));
}

function appMapBox(browser: Browser, url: string): Promise<{ width: number; height: number }> {
  return visit(browser, url, async (page) => {
    const box = await page.locator('#map').boundingBox();
    if (box === null) throw new Error('the app has no #map box');
    return { width: Math.round(box.width), height: Math.round(box.height) };
  });
}

export async function measureLoad(
  browser: Browser,
  appUrl: string,
  bareBase: string,
  runs: number,
): Promise<LoadFigures> {
  // Not counted: the first navigation also warms up what outlives a context (the GPU process, shader caches).
  const mapBox = await appMapBox(browser, appUrl);
  const bareUrl = `${bareBase}?w=${mapBox.width}&h=${mapBox.height}`;
  await timeToIdle(browser, bareUrl);
  const app: number[] = [];
  const panels: number[] = [];
  const bare: number[] = [];
  const pairs: number[] = [];
  for (let i = 0; i < runs; i++) {
    let a: { idle: number; panels: number };
    let b: number;
    if (i % 2 === 0) {
      a = await appTimes(browser, appUrl);
      b = await timeToIdle(browser, bareUrl);
    } else {
      b = await timeToIdle(browser, bareUrl);
      a = await appTimes(browser, appUrl);
    }
    app.push(a.idle);
    panels.push(a.panels);
    bare.push(b);
    pairs.push(ratio(a.idle, b));
  }
  return {
    app,
    panels,
    panelsMedian: median(panels),
    bare,
    appMedian: median(app),
    bareMedian: median(bare),
    ratio: median(pairs),
    mapBox,
  };
}
