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

/** Milliseconds from navigation start to the map's first idle (the mark the app and the bare page set). */
export async function waitIdleMark(page: Page, timeout = IDLE_LIMIT_MS): Promise<number> {
  let t: unknown;
  try {
    const handle = await page.waitForFunction(
      (name) => performance.getEntriesByName(name)[0]?.startTime ?? null,
      IDLE_MARK,
      { timeout, polling: 100 },
    );
    t = await handle.jsonValue();
  } catch (e) {
    if (e instanceof Error && e.name === 'TimeoutError')
      throw new StallError(`no first idle of the map within ${timeout / 1000} s`);
    throw e;
  }
  if (typeof t !== 'number') throw new Error('the idle mark has no time');
  return t;
}
