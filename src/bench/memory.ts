// Memory: the JS heap after 100 select–deselect cycles against the heap after the first, each measured after a
// forced garbage collection (CDP), so only what the app keeps alive counts. Selections go through the app's API
// and each waits for two frames, so the panel, the sidebar and the map's feature-state all render every time.
// The cycles go round every feature. A feature's first selection fetches its mentions and MapLibre caches the
// tiles at its zoom: that is data the app keeps on purpose, so "the first" cycle of each feature is the warm-up
// (one pass over all features), and the goal compares the heap after 100 more cycles with the heap after it. The
// heap after the very first cycle is printed too.
import type { Page } from 'playwright-core';
import { featureIds, mapSettled } from './app-page.ts';
import { ratio } from './stats.ts';

export const CYCLES = 100;

export interface MemoryFigures {
  /** cycles after the warm-up pass */
  cycles: number;
  /** features in the list: after that many cycles every feature has been shown once */
  features: number;
  /** bytes of used JS heap after a full GC */
  afterFirst: number;
  /** after one pass over every feature: caches that fill once (MapLibre's tiles at each feature's zoom) are full */
  afterPass: number;
  afterAll: number;
  /** afterAll / afterPass: the goal (growth that data and caches filling once cannot explain) */
  ratio: number;
  /** afterAll / afterFirst, for information: includes every feature's data and tiles arriving once */
  ratioAfterFirst: number;
}

async function cycles(page: Page, ids: string[], from: number, to: number): Promise<void> {
  await page.evaluate(
    async ({ ids, from, to }) => {
      const frames = () =>
        new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r())));
      for (let i = from; i < to; i++) {
        window.corridors?.select(ids[i % ids.length] ?? null);
        await frames();
        window.corridors?.select(null);
        await frames();
      }
    },
    { ids, from, to },
  );
  await mapSettled(page);
}

async function usedHeap(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  try {
    // Twice: the first collection can leave objects whose finalisers free more on the second.
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    return usedSize;
  } finally {
    await cdp.detach();
  }
}

/** Runs the cycles in an open app (reduced motion: the camera jumps, so 100 cycles take seconds, not minutes). */
export async function measureMemory(page: Page): Promise<MemoryFigures> {
  const ids = await featureIds(page);
  const pass = ids.length;
  await cycles(page, ids, 0, 1);
  const afterFirst = await usedHeap(page);
  await cycles(page, ids, 1, pass);
  const afterPass = await usedHeap(page);
  await cycles(page, ids, pass, pass + CYCLES);
  const afterAll = await usedHeap(page);
  return {
    cycles: CYCLES,
    features: ids.length,
    afterFirst,
    afterPass,
    afterAll,
    ratio: ratio(afterAll, afterPass),
    ratioAfterFirst: ratio(afterAll, afterFirst),
  };
}
