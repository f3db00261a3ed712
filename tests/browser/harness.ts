// Real browser tests: headless Chromium with WebGL (SwiftShader) against the production build served locally.
// The browser is launched as the benchmark launches it (src/bench/browser.ts), so `npm test` needs nothing but
// Node and npm. Every request outside localhost is aborted and counted.
import { existsSync } from 'node:fs';
import type { Browser, Frame, Page } from 'playwright-core';
import { type PreviewServer, preview } from 'vite';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { mapSettled } from '../../src/bench/app-page.ts';
import { type BenchPage, chromiumPath, freshPage, launch } from '../../src/bench/browser.ts';

export { chromiumPath, launch };

export interface Served {
  url: string;
  close(): Promise<void>;
}

export async function serveBuild(): Promise<Served> {
  if (!existsSync('dist/index.html'))
    throw new Error('dist/ is missing: run `npm run build` first (npm test does)');
  const server: PreviewServer = await preview({
    preview: { host: '127.0.0.1', port: 4180, strictPort: false, open: false },
    logLevel: 'silent',
  });
  const url = server.resolvedUrls?.local[0];
  if (url === undefined) throw new Error('preview server has no URL');
  return { url, close: () => server.close() };
}

/** A page in a fresh context where every request outside localhost is aborted and counted (the bench's too). */
export type Guarded = BenchPage;

export function guardedPage(browser: Browser, viewport = { width: 1600, height: 900 }): Promise<Guarded> {
  return freshPage(browser, viewport, 'reduce');
}

/** Open the app and wait until the data is loaded and the map has drawn everything (first idle). */
export async function openApp(page: Page, base: string, query = ''): Promise<void> {
  await page.goto(`${base}${query}`);
  await waitIdle(page);
}

/** Wait until the app in a page or frame is ready and, with a map, the map has drawn (first idle). */
export async function waitIdle(page: Page | Frame, timeout = 20_000): Promise<void> {
  await page.waitForFunction(() => window.corridors !== undefined, null, { timeout });
  await page.evaluate(() => window.corridors?.ready);
  await mapSettled(page);
  // With a MapLibre map the panels are drawn only after its first idle (src/map/after-map-idle.ts). A promise, not
  // the performance mark: some tests give the page a clock of their own, performance.now included.
  await page.evaluate(() => window.corridors?.panelsDrawn);
  await dataSettled(page, timeout);
}

/**
 * Wait until no panel is waiting for data: mentions and article texts arrive in files of their own after a
 * selection (src/data/loader.ts), and a busy panel carries aria-busy until they are drawn.
 */
export async function dataSettled(page: Page | Frame, timeout = 20_000): Promise<void> {
  await page.waitForFunction(() => document.querySelector('[aria-busy="true"]') === null, null, { timeout });
}

export async function panelHeading(page: Page): Promise<string> {
  return ((await page.locator('#panel-heading').textContent()) ?? '').trim();
}

export interface BrowserSuite {
  readonly browser: Browser;
  readonly served: Served;
  /** a fresh guarded page for each test */
  readonly g: Guarded;
}

/**
 * The usual set-up of a browser test file: one browser and one preview server for the file, a fresh guarded page
 * (own context, network guard, error log) for every test.
 */
export function browserSuite(viewport?: { width: number; height: number }): BrowserSuite {
  let browser: Browser | undefined;
  let served: Served | undefined;
  let g: Guarded | undefined;
  beforeAll(async () => {
    [browser, served] = await Promise.all([launch(), serveBuild()]);
  });
  afterAll(async () => {
    await browser?.close();
    await served?.close();
  });
  beforeEach(async () => {
    await g?.context.close();
    if (browser === undefined) throw new Error('the browser did not start');
    g = await guardedPage(browser, viewport);
  });
  const must = <T>(v: T | undefined, what: string): T => {
    if (v === undefined) throw new Error(`${what} is not ready`);
    return v;
  };
  return {
    get browser() {
      return must(browser, 'the browser');
    },
    get served() {
      return must(served, 'the preview server');
    },
    get g() {
      return must(g, 'the page');
    },
  };
}
