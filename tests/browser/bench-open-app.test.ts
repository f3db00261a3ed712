// The bench's way into the app (src/bench/app-page.ts) against a stand-in page whose panels come well after its
// map is ready, as the app's do (src/map/after-map-idle.ts): the click and memory benches read the sidebar as soon
// as openApp returns, and once found it empty.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { featureIds, openApp } from '../../src/bench/app-page.ts';
import { closeQuickly, IDLE_MARK, launch } from '../../src/bench/browser.ts';
import { type Served, serveDir } from '../../src/bench/serve.ts';

// The map is "ready" and idle at once; the feature list is drawn 400 ms later.
const PAGE = `<!doctype html><meta charset="utf-8"><title>stand-in</title><ul id="list"></ul>
<script>
  performance.mark(${JSON.stringify(IDLE_MARK)});
  window.corridors = {
    mode: 'webgl',
    ready: Promise.resolve(),
    panelsDrawn: new Promise((resolve) => setTimeout(() => {
      const b = document.createElement('button');
      b.className = 'feature-button';
      b.dataset.featureId = 'rail-btk';
      document.getElementById('list').append(b);
      resolve();
    }, 400)),
  };
</script>`;

describe('bench: openApp', () => {
  let dir = '';
  let served: Served | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'bench-open-app-'));
    writeFileSync(path.join(dir, 'index.html'), PAGE);
    served = await serveDir(dir);
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await served?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('returns only when the panels are drawn, so the sidebar lists the features', async () => {
    if (browser === undefined || served === undefined) throw new Error('set-up failed');
    const bp = await openApp(browser, served.url, 'no-preference');
    try {
      expect(await featureIds(bp.page)).toEqual(['rail-btk']);
    } finally {
      await closeQuickly(bp);
    }
  });
});
