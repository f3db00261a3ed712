// Headless Chromium with WebGL through SwiftShader, shared by the browser tests (tests/browser/harness.ts) and the
// benchmark so both measure the same browser. A system Chromium when there is one, otherwise the one
// @sparticuz/chromium ships inside its npm package, so nothing but Node and npm is needed.
import { existsSync } from 'node:fs';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';

const SYSTEM_CHROMIUMS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

export async function chromiumPath(): Promise<string> {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv !== undefined && existsSync(fromEnv)) return fromEnv;
  const system = SYSTEM_CHROMIUMS.find((p) => existsSync(p));
  if (system !== undefined) return system;
  const { default: packaged } = await import('@sparticuz/chromium');
  return packaged.executablePath();
}

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: await chromiumPath(),
    headless: true,
    args: [
      '--use-angle=swiftshader',
      '--enable-unsafe-swiftshader',
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      // With RenderDocument on, each navigation tears down the previous document's compositor about a second
      // later with a GPU finish; under SwiftShader that waits for every queued draw and stalls the page 0.5–1 s.
      // Any page still loading one second in paid it, so the load figure measured the stall, not the page.
      // Real GPUs finish in milliseconds, and browsers before RenderDocument (and Firefox, Safari) have no such
      // teardown. Both pages of the load figure run in this same browser.
      '--disable-features=RenderDocument',
    ],
  });
}

export interface Viewport {
  width: number;
  height: number;
}

export interface BenchPage {
  context: BrowserContext;
  page: Page;
  /** requests outside localhost that were attempted (and aborted) */
  offsite: string[];
  pageErrors: string[];
}

/**
 * A page in a fresh context: an empty HTTP cache (every run is a reader's first visit), nothing leaves localhost.
 * Interception also keeps Chromium's HTTP cache out of the way within the context, so reloads stay cold too.
 */
export async function freshPage(
  browser: Browser,
  viewport: Viewport,
  reducedMotion: 'reduce' | 'no-preference',
): Promise<BenchPage> {
  const context = await browser.newContext({ viewport, reducedMotion });
  // tsx compiles with keepNames, wrapping named functions inside page.evaluate callbacks in __name(), which a
  // page does not have.
  await context.addInitScript('globalThis.__name = (f) => f;');
  const offsite: string[] = [];
  const pageErrors: string[] = [];
  await context.route('**/*', (route) => {
    const u = new URL(route.request().url());
    if (u.hostname === '127.0.0.1' || u.hostname === 'localhost') return route.continue();
    offsite.push(u.href);
    return route.abort();
  });
  const page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  return { context, page, offsite, pageErrors };
}

export const IDLE_MARK = 'corridors:map-idle';
/** How long a page gets to reach its map's first idle; the seed app needs a few seconds under SwiftShader. */
export const IDLE_LIMIT_MS = 60_000;

/** The page did not reach its map's first idle in time: no figure that needs the map can be taken. */
export class StallError extends Error {
  override readonly name = 'StallError';
}

/**
 * Milliseconds from navigation start to the map's first idle (the mark the app and the bare page set). Its own
 * timer, not only Playwright's: a renderer busy for minutes (parsing a 200 MB JSON) cannot answer the polls that
 * Playwright's timeout rides on. A crashed page (the memory guard, guard.ts) is a stall too.
 */
export function waitIdleMark(page: Page, timeout = IDLE_LIMIT_MS): Promise<number> {
  return waitMark(page, IDLE_MARK, "the map's first idle", timeout);
}

/** Milliseconds from navigation start to a performance mark the page sets (`what` names it in a stall). */
export async function waitMark(
  page: Page,
  name: string,
  what: string,
  timeout = IDLE_LIMIT_MS,
): Promise<number> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let onCrash: () => void = () => {};
  const stalled = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new StallError(`${what} did not come within ${timeout / 1000} s`)),
      timeout,
    );
    onCrash = () => reject(new StallError(`the page crashed before ${what}`));
    page.once('crash', onCrash);
  });
  const marked = page
    .waitForFunction((n) => performance.getEntriesByName(n)[0]?.startTime ?? null, name, {
      timeout: 0,
      polling: 100,
    })
    .then((h) => h.jsonValue());
  // Whichever loses is dropped; its rejection must not surface as unhandled.
  marked.catch(() => {});
  try {
    const t = await Promise.race([marked, stalled]);
    if (typeof t !== 'number') throw new Error(`the mark ${name} has no time`);
    return t;
  } finally {
    clearTimeout(timer);
    page.off('crash', onCrash);
  }
}

/** Closes a page's context, but never waits more than a few seconds on a renderer that does not answer. */
export async function closeQuickly(bp: BenchPage, ms = 5000): Promise<void> {
  await Promise.race([bp.context.close().catch(() => {}), new Promise((r) => setTimeout(r, ms))]);
}
