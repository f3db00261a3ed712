// The app as the bench drives it: open it in a fresh page, wait for the map, read its feature list.
import type { Browser, Frame, Page } from 'playwright-core';
import { type BenchPage, freshPage, StallError, type Viewport, waitIdleMark } from './browser.ts';

export const DESKTOP: Viewport = { width: 1280, height: 800 };

/**
 * A fresh page with the app loaded, its data in, its map at its first idle and its panels drawn. The panels come in
 * the frame after the map's first idle (src/map/after-map-idle.ts), so a bench that read the sidebar straight after
 * `ready` could find it empty: the click bench of session 16 did, once ("the sidebar lists no features").
 */
export async function openApp(
  browser: Browser,
  url: string,
  reducedMotion: 'reduce' | 'no-preference',
): Promise<BenchPage> {
  const bp = await freshPage(browser, DESKTOP, reducedMotion);
  await bp.page.goto(url);
  await waitIdleMark(bp.page);
  await bp.page.evaluate(() => window.corridors?.ready);
  await bp.page.evaluate(() => window.corridors?.panelsDrawn);
  if ((await bp.page.evaluate(() => window.corridors?.mode)) !== 'webgl')
    throw new StallError('the app fell back to its SVG map (software WebGL too slow)');
  return bp;
}

/** Every feature in the sidebar's list, in list order (composites too). */
export function featureIds(page: Page): Promise<string[]> {
  return page
    .locator('.feature-button[data-feature-id]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-feature-id') ?? ''));
}

/** Until the map has stopped moving and drawn everything it needs for the current view. */
export async function mapSettled(page: Page | Frame): Promise<void> {
  await page.evaluate(async () => {
    const map = window.corridors?.map;
    if (!map) return;
    await new Promise<void>((resolve) => {
      const check = () => {
        if (map.loaded() && !map.isMoving() && map.areTilesLoaded()) resolve();
        else {
          map.once('idle', check);
          map.triggerRepaint();
        }
      };
      check();
    });
  });
}
