import { describe, expect, it } from 'vitest';
import type { AppData } from '../../src/domain/app-data.ts';
import { LABEL_OPACITY, STATEFUL_PAINT, STATUS_LINE_LAYERS } from '../../src/map/style.ts';
import { browserSuite, openApp, panelHeading, waitIdle } from './harness.ts';
import { seedAppData } from './seed-data.ts';

const data: AppData = seedAppData();
const features = data.features.features;
const name = (id: string, lang: 'ru' | 'en' = 'ru') =>
  features.find((f) => f.properties.id === id)?.properties.name[lang] ?? `(no ${id})`;
const LINE_TYPES = ['LineString', 'MultiLineString'];
const lineFeatures = features.filter(
  (f) => f.properties.kind !== 'corridor' && f.geometry !== null && LINE_TYPES.includes(f.geometry.type),
);

const suite = browserSuite();

/** Frame the line, then find a screen point on it where the app's hit test finds that feature alone. */
async function pointOnLine(id: string): Promise<{ x: number; y: number }> {
  const f = lineFeatures.find((x) => x.properties.id === id);
  if (!f || f.geometry === null) throw new Error(id);
  const lines =
    f.geometry.type === 'LineString'
      ? [f.geometry.coordinates]
      : f.geometry.type === 'MultiLineString'
        ? f.geometry.coordinates
        : [];
  await suite.g.page.evaluate((lines) => {
    const map = window.corridors?.map;
    if (!map) throw new Error('no map');
    const all = lines.flat();
    const lons = all.map((c) => c[0] ?? 0);
    const lats = all.map((c) => c[1] ?? 0);
    map.fitBounds(
      [
        [Math.min(...lons), Math.min(...lats)],
        [Math.max(...lons), Math.max(...lats)],
      ],
      { padding: 60, duration: 0, maxZoom: 9 },
    );
  }, lines);
  await waitIdle(suite.g.page);
  const point = await suite.g.page.evaluate(
    ({ fid, lines }) => {
      const map = window.corridors?.map;
      if (!map) throw new Error('no map');
      const layers = ['feature-line-hit', 'feature-points'];
      // Walk along each segment at several fractions; take the first point where only this feature is hit.
      for (const line of lines) {
        for (let i = 0; i + 1 < line.length; i++) {
          const a = line[i];
          const b = line[i + 1];
          if (!a || !b) continue;
          for (const t of [0.5, 0.3, 0.7, 0.15, 0.85]) {
            const lon = (a[0] ?? 0) + ((b[0] ?? 0) - (a[0] ?? 0)) * t;
            const lat = (a[1] ?? 0) + ((b[1] ?? 0) - (a[1] ?? 0)) * t;
            const p = map.project([lon, lat]);
            const { width, height } = map.getCanvas().getBoundingClientRect();
            if (p.x < 20 || p.y < 20 || p.x > width - 20 || p.y > height - 20) continue;
            const hits = map.queryRenderedFeatures(
              [
                [p.x - 6, p.y - 6],
                [p.x + 6, p.y + 6],
              ],
              { layers },
            );
            const ids = [...new Set(hits.map((h) => h.properties.id))];
            if (ids.length === 1 && ids[0] === fid) {
              const r = map.getCanvas().getBoundingClientRect();
              return { x: r.left + p.x, y: r.top + p.y };
            }
          }
        }
      }
      return null;
    },
    { fid: id, lines },
  );
  if (point === null)
    throw new Error(`${id}: no point on the line where it is the only feature under the cursor`);
  return point;
}

describe('the map (production build, headless Chromium, no network)', () => {
  it('renders the bundled basemap and the features without any request leaving localhost', async () => {
    await openApp(suite.g.page, suite.served.url);
    const counts = await suite.g.page.evaluate((lineLayers) => {
      const map = window.corridors?.map;
      if (!map) return null;
      const n = (layers: string[]) => map.queryRenderedFeatures({ layers }).length;
      return {
        land: n(['land']),
        borders: n(['borders']),
        lines: n(lineLayers),
        points: n(['feature-points']),
        labels: n(['country-labels', 'feature-point-labels']),
      };
    }, Object.values(STATUS_LINE_LAYERS).flat());
    expect(counts).not.toBeNull();
    expect(counts?.land).toBeGreaterThan(0);
    expect(counts?.borders).toBeGreaterThan(0);
    expect(counts?.lines).toBeGreaterThan(5);
    expect(counts?.points).toBeGreaterThan(5);
    expect(counts?.labels).toBeGreaterThan(0);
    await expect(panelHeading(suite.g.page)).resolves.toBe('Обзор');
    await suite.g.page.screenshot({ path: 'docs/screenshot.png' });
    expect(suite.g.offsite).toEqual([]);
    expect(suite.g.pageErrors).toEqual([]);
  });

  it('sets no feature state at load when nothing is emphasised (no extra frame before the first idle)', async () => {
    await openApp(suite.g.page, suite.served.url);
    const states = await suite.g.page.evaluate(() => {
      const map = window.corridors?.map;
      if (!map) throw new Error('no map');
      const ids = map.querySourceFeatures('corridor-features').map((f) => String(f.id));
      return [...new Set(ids)].map((id) => map.getFeatureState({ source: 'corridor-features', id }));
    });
    expect(states.length).toBeGreaterThan(5);
    expect(states.filter((s) => Object.keys(s).length > 0)).toEqual([]);
  });

  it('fades the feature labels from the first dimmed feature on, and keeps their opacity constant until then', async () => {
    // A data-driven opacity is one more shader variant to compile before the first frame (style.ts).
    const { page } = suite.g;
    const opacity = () =>
      page.evaluate(() => window.corridors?.map?.getPaintProperty('feature-point-labels', 'text-opacity'));
    await openApp(page, suite.served.url);
    await expect(opacity()).resolves.toBe(1);
    await page.evaluate(() => window.corridors?.select('port-aktau'));
    await expect.poll(opacity).toEqual(LABEL_OPACITY);
    // Opened with a selection, the first view is dimmed already.
    await openApp(page, suite.served.url, '?f=port-baku');
    await expect(opacity()).resolves.toEqual(LABEL_OPACITY);
    expect(suite.g.pageErrors).toEqual([]);
  });

  it("draws the lines in the basemap's shader variants until the map first shows a state", async () => {
    // Colour by kind and width or opacity by feature-state each make a shader variant of their own, which
    // SwiftShader compiles on the CPU before the first idle (style.ts, STATEFUL_PAINT). The basemap needs 8
    // programs (background, clipping, fill, fill outline, line, dashed line, text, debug); the first view may add
    // only the circles' program.
    const { page } = suite.g;
    await page.addInitScript(() => {
      const w = window as unknown as { __linkedBeforeIdle?: number };
      w.__linkedBeforeIdle = 0;
      const link = WebGL2RenderingContext.prototype.linkProgram;
      WebGL2RenderingContext.prototype.linkProgram = function (
        this: WebGL2RenderingContext,
        p: WebGLProgram,
      ) {
        if (performance.getEntriesByName('corridors:map-idle').length === 0)
          w.__linkedBeforeIdle = (w.__linkedBeforeIdle ?? 0) + 1;
        return link.call(this, p);
      };
    });
    await openApp(page, suite.served.url);
    const linked = await page.evaluate(
      () => (window as unknown as { __linkedBeforeIdle?: number }).__linkedBeforeIdle,
    );
    expect(linked).toBeLessThanOrEqual(9);
    const paint = () =>
      page.evaluate(
        (entries) =>
          entries.map(([layer, property]) => window.corridors?.map?.getPaintProperty(layer, property)),
        STATEFUL_PAINT.map(([layer, property]) => [layer, property] as const),
      );
    const stateful = STATEFUL_PAINT.map(([, , value]) => value);
    const calm = await paint();
    for (const [i, v] of calm.entries()) expect(v, String(STATEFUL_PAINT[i]?.[0])).not.toEqual(stateful[i]);
    // the first state (a selection dims the rest) switches every layer to its state-driven paint
    await page.evaluate(() => window.corridors?.select('port-aktau'));
    await expect.poll(paint).toEqual(stateful);
    expect(suite.g.pageErrors).toEqual([]);
  });

  it('makes one WebGL context, the map’s own: no probe contexts', async () => {
    // A probe context (made to ask whether WebGL2 works, or works in software) is torn down about a second later
    // with a GPU finish that stalls the page's frames (src/map/create-map.ts): the app must not make any.
    await suite.g.page.addInitScript(() => {
      const made: string[] = [];
      (window as unknown as { __contexts: string[] }).__contexts = made;
      const getContext = HTMLCanvasElement.prototype.getContext;
      HTMLCanvasElement.prototype.getContext = function (
        this: HTMLCanvasElement,
        type: string,
        ...rest: unknown[]
      ) {
        const ctx = (getContext as (this: HTMLCanvasElement, t: string, ...r: unknown[]) => unknown).call(
          this,
          type,
          ...rest,
        );
        if (/webgl/.test(type) && ctx !== null) {
          const canvas = this as HTMLCanvasElement & { __counted?: true };
          if (canvas.__counted === undefined) {
            canvas.__counted = true;
            made.push(canvas.closest('#map') === null ? 'elsewhere' : 'map');
          }
        }
        return ctx;
      } as typeof HTMLCanvasElement.prototype.getContext;
    });
    await openApp(suite.g.page, suite.served.url);
    await expect(
      suite.g.page.evaluate(() => (window as unknown as { __contexts: string[] }).__contexts),
    ).resolves.toEqual(['map']);
    expect(suite.g.pageErrors).toEqual([]);
  });

  it('keeps the map’s size from its first canvas to its first idle: nothing above it grows mid-load', async () => {
    // The header's subtitle, once filled in with the panels, grew the header by a line after the map was made: the
    // map was resized (a new drawing buffer, every layer drawn again) before its first idle: work the bare MapLibre
    // page of the load bench never does, and a jump of the page under the reader's eyes.
    await suite.g.page.addInitScript(() => {
      const sizes: string[] = [];
      (window as unknown as { __mapSizes: string[] }).__mapSizes = sizes;
      const poll = () => {
        const canvas = document.querySelector<HTMLCanvasElement>('#map canvas');
        if (canvas !== null) {
          const size = `${canvas.width}×${canvas.height}`;
          if (sizes[sizes.length - 1] !== size) sizes.push(size);
        }
        if (performance.getEntriesByName('corridors:map-idle').length === 0) requestAnimationFrame(poll);
      };
      requestAnimationFrame(poll);
    });
    for (const query of ['', '?lang=en']) {
      await openApp(suite.g.page, suite.served.url, query);
      const sizes = await suite.g.page.evaluate(
        () => (window as unknown as { __mapSizes: string[] }).__mapSizes,
      );
      expect(sizes, query).toHaveLength(1);
      const subtitle = await suite.g.page.locator('#app-subtitle').textContent();
      expect(subtitle?.trim()).toMatch(query === '' ? /^Транспортные/ : /^Transport/);
    }
    expect(suite.g.pageErrors).toEqual([]);
  });

  it('has the header at its final size before any script runs', async () => {
    // The Embed button, added by script ~250 ms in, wrapped the subtitle: the header grew by 16 px under the
    // reader's eyes. Every control of the header is in index.html now, and scripts only wire them.
    const { page } = suite.g;
    // the load bench's window, where the button wrapped the subtitle
    await page.setViewportSize({ width: 1280, height: 800 });
    const header = () =>
      page.evaluate(async () => {
        await document.fonts.ready;
        const h = document.querySelector('.app-header') as HTMLElement;
        return { height: h.getBoundingClientRect().height, buttons: h.querySelectorAll('button').length };
      });
    await page.route(/\.m?js$/, (route) => route.abort());
    await page.goto(suite.served.url);
    const before = await header();
    await page.unrouteAll();
    await openApp(page, suite.served.url);
    expect(await header()).toEqual(before);
    // and the button works
    await page.locator('#embed-button').click();
    await expect.poll(() => page.locator('dialog[open]').count()).toBe(1);
    expect(suite.g.pageErrors).toEqual([]);
  });

  it("draws the panels after the map's first idle, in the next frame, when the map is in view", async () => {
    // Drawn while the map loaded, the panels slowed its first idle by about a tenth under SwiftShader
    // (src/map/after-map-idle.ts). When the first panel element appears, the idle mark must be set already.
    await suite.g.page.addInitScript(() => {
      const w = window as unknown as { __idleWhenDrawn?: boolean; __panelDrawn?: number };
      const seen = new MutationObserver(() => {
        if ((document.getElementById('panel')?.childElementCount ?? 0) > 0) {
          w.__panelDrawn = performance.now();
          w.__idleWhenDrawn = performance.getEntriesByName('corridors:map-idle').length > 0;
          seen.disconnect();
        }
      });
      seen.observe(document, { childList: true, subtree: true });
    });
    await openApp(suite.g.page, suite.served.url);
    const seen = await suite.g.page.evaluate(() => {
      const w = window as unknown as { __idleWhenDrawn?: boolean; __panelDrawn?: number };
      const idle = performance.getEntriesByName('corridors:map-idle')[0]?.startTime;
      const mark = performance.getEntriesByName('corridors:panels-drawn')[0]?.startTime;
      return { idleWhenDrawn: w.__idleWhenDrawn, drawn: w.__panelDrawn, idle, mark };
    });
    expect(seen.idleWhenDrawn).toBe(true);
    expect(seen.idle).toBeTypeOf('number');
    expect(seen.mark).toBeTypeOf('number');
    expect(seen.mark as number).toBeGreaterThanOrEqual(seen.idle as number);
    await expect(panelHeading(suite.g.page)).resolves.not.toBe('');
    // Opened on the Figures view, which covers the map, the panels do not wait for it.
    await openApp(suite.g.page, suite.served.url, '?view=figures');
    const marks = await suite.g.page.evaluate(() => ({
      idle: performance.getEntriesByName('corridors:map-idle')[0]?.startTime,
      panels: performance.getEntriesByName('corridors:panels-drawn')[0]?.startTime,
    }));
    expect(marks.panels).toBeTypeOf('number');
    expect(marks.idle).toBeTypeOf('number');
    expect(marks.panels as number).toBeLessThan(marks.idle as number);
    expect(suite.g.pageErrors).toEqual([]);
  });

  it("does not ask for the renderer's name while the map loads", async () => {
    // Enabling the renderer-info extension is a synchronous round trip to the GPU process, which cost the load
    // 2–20 ms under SwiftShader; the software-renderer check asks only when the map is late (map-host.ts).
    await suite.g.page.addInitScript(() => {
      const w = window as unknown as { __rendererAsked?: number[] };
      w.__rendererAsked = [];
      const proto = WebGL2RenderingContext.prototype as unknown as { getExtension(name: string): unknown };
      const get = proto.getExtension;
      proto.getExtension = function (this: WebGL2RenderingContext, name: string) {
        if (name === 'WEBGL_debug_renderer_info') w.__rendererAsked?.push(performance.now());
        return get.call(this, name);
      };
    });
    await openApp(suite.g.page, suite.served.url);
    const asked = await suite.g.page.evaluate(
      () => (window as unknown as { __rendererAsked?: number[] }).__rendererAsked,
    );
    expect(asked).toEqual([]);
    expect(suite.g.pageErrors).toEqual([]);
  });

  it('opens the panel of every line feature when its line is clicked on the canvas', async () => {
    await openApp(suite.g.page, suite.served.url);
    expect(lineFeatures.length).toBeGreaterThanOrEqual(12);
    for (const f of lineFeatures) {
      const id = f.properties.id;
      await suite.g.page.evaluate(() => window.corridors?.select(null));
      const p = await pointOnLine(id);
      await suite.g.page.mouse.click(p.x, p.y);
      await expect.poll(() => panelHeading(suite.g.page), { message: id }).toBe(name(id));
      await expect(suite.g.page.locator('.feature-panel').getAttribute('data-feature-id')).resolves.toBe(id);
    }
    expect(suite.g.offsite).toEqual([]);
  });

  it('puts the map area on an opaque layer of its own, under the canvas', async () => {
    // MapLibre's canvas is always translucent (alpha), so what lies under it is composited on every frame of the
    // map; this keeps the page's own wide tiles out of that (src/styles.css, .map-wrap).
    const cdp = await suite.g.page.context().newCDPSession(suite.g.page);
    type Layer = { layerId: string; backendNodeId?: number; drawsContent: boolean };
    let layers: Layer[] = [];
    cdp.on('LayerTree.layerTreeDidChange', (e: { layers?: Layer[] }) => {
      if (e.layers) layers = e.layers;
    });
    await cdp.send('DOM.enable');
    await cdp.send('LayerTree.enable');
    await openApp(suite.g.page, suite.served.url);
    const { root } = (await cdp.send('DOM.getDocument')) as { root: { nodeId: number } };
    const { nodeId } = (await cdp.send('DOM.querySelector', {
      nodeId: root.nodeId,
      selector: '.map-wrap',
    })) as {
      nodeId: number;
    };
    const { node } = (await cdp.send('DOM.describeNode', { nodeId })) as { node: { backendNodeId: number } };
    await expect.poll(() => layers.some((l) => l.backendNodeId === node.backendNodeId)).toBe(true);
    const background = await suite.g.page
      .locator('.map-wrap')
      .evaluate((e) => getComputedStyle(e).backgroundColor);
    expect(background).toBe('rgb(255, 255, 255)');
    await cdp.detach();
  });

  it('offers a chooser where several features lie under one click', async () => {
    await openApp(suite.g.page, suite.served.url);
    // Yevlakh: the Baku–Tbilisi–Kars railway and the BTC pipeline share this waypoint (geo-facts 2.1, 6.1).
    const p = await suite.g.page.evaluate(() => {
      const map = window.corridors?.map;
      if (!map) throw new Error('no map');
      map.jumpTo({ center: [47.15, 40.619], zoom: 7 });
      const q = map.project([47.15, 40.619]);
      const r = map.getCanvas().getBoundingClientRect();
      return { x: r.left + q.x, y: r.top + q.y };
    });
    await waitIdle(suite.g.page);
    // The overlay that holds the chooser is hidden while it is empty (no layer over the map's canvas).
    const overlay = suite.g.page.locator('#map-overlay');
    expect(await overlay.isHidden()).toBe(true);
    await suite.g.page.mouse.click(p.x, p.y);
    const options = suite.g.page.locator('.chooser .chooser-option');
    await expect.poll(() => options.count()).toBeGreaterThanOrEqual(2);
    expect(await overlay.isVisible()).toBe(true);
    const ids = await options.evaluateAll((els) => els.map((e) => e.getAttribute('data-feature-id')));
    expect(ids).toEqual(expect.arrayContaining(['rail-btk', 'pipeline-btc']));
    await suite.g.page.locator('.chooser-option[data-feature-id="pipeline-btc"]').click();
    await expect.poll(() => panelHeading(suite.g.page)).toBe(name('pipeline-btc'));
    await expect.poll(() => overlay.isHidden()).toBe(true);
  });

  it.each(['port-kuryk', 'rail-btk', 'route-zangezur', 'cable-caspian-fiber', 'pipeline-btc'])(
    'shows mentions of %s with outlet and date',
    async (id) => {
      await openApp(suite.g.page, suite.served.url, `?f=${id}`);
      await expect(panelHeading(suite.g.page)).resolves.toBe(name(id));
      const mentions = suite.g.page.locator('.feature-panel [data-section="own"] .mention');
      expect(await mentions.count()).toBeGreaterThanOrEqual(1);
      const outlets = await mentions.locator('.outlet').allTextContents();
      const dates = await mentions.locator('.date').allTextContents();
      expect(outlets.some((o) => o !== 'издание не указано' && o.trim() !== '')).toBe(true);
      expect(dates.every((d) => /\d{4}/.test(d))).toBe(true);
      // The feature's name is marked inside the sentence.
      expect(await mentions.first().locator('mark.name').count()).toBeGreaterThanOrEqual(1);
    },
  );

  it('restores ?f=rail-btk&lang=en on reload, in English', async () => {
    await openApp(suite.g.page, suite.served.url, '?f=rail-btk&lang=en');
    await expect(panelHeading(suite.g.page)).resolves.toBe(name('rail-btk', 'en'));
    await suite.g.page.reload();
    await waitIdle(suite.g.page);
    await expect(panelHeading(suite.g.page)).resolves.toBe(name('rail-btk', 'en'));
    await expect(suite.g.page.locator('html').getAttribute('lang')).resolves.toBe('en');
    await expect(
      suite.g.page.locator('.lang-switch [data-lang="en"]').getAttribute('aria-pressed'),
    ).resolves.toBe('true');
    expect(suite.g.page.url()).toContain('f=rail-btk');
  });

  it('falls back to the overview for an unknown id, and back/forward restore selections', async () => {
    await openApp(suite.g.page, suite.served.url, '?f=no-such-feature');
    await expect(panelHeading(suite.g.page)).resolves.toBe('Обзор');
    await suite.g.page.evaluate(() => window.corridors?.select('rail-btk'));
    await suite.g.page.evaluate(() => window.corridors?.select('port-kuryk'));
    await expect.poll(() => panelHeading(suite.g.page)).toBe(name('port-kuryk'));
    await suite.g.page.goBack();
    await expect.poll(() => panelHeading(suite.g.page)).toBe(name('rail-btk'));
    await suite.g.page.goForward();
    await expect.poll(() => panelHeading(suite.g.page)).toBe(name('port-kuryk'));
  });

  it('reaches every feature through the list by keyboard alone', async () => {
    await openApp(suite.g.page, suite.served.url);
    const reached = new Set<string>();
    for (let i = 0; i < 200 && reached.size < features.length; i++) {
      await suite.g.page.keyboard.press('Tab');
      const id = await suite.g.page.evaluate(
        () => (document.activeElement as HTMLElement | null)?.dataset.featureId,
      );
      if (id === undefined || reached.has(id)) continue;
      await suite.g.page.keyboard.press('Enter');
      await expect.poll(() => panelHeading(suite.g.page), { message: id }).toBe(name(id));
      reached.add(id);
    }
    expect([...reached].sort()).toEqual(features.map((f) => f.properties.id).sort());
  });

  it('opens the article from a mention with that sentence highlighted and in view', async () => {
    await openApp(suite.g.page, suite.served.url, '?f=cable-caspian-fiber');
    const first = suite.g.page.locator('.feature-panel .mention').first();
    const mentionId = await first.getAttribute('data-mention-id');
    await first.locator('.open-article').click();
    const hl = suite.g.page.locator('.article-view .sentence.highlighted');
    await expect.poll(() => hl.count()).toBe(1);
    await expect(hl.getAttribute('data-mention-id')).resolves.toBe(mentionId);
    const sentence = data.joined.mentions.find((m) => m.id === mentionId)?.text;
    await expect(hl.textContent()).resolves.toBe(sentence);
    const inView = await hl.evaluate((e) => {
      const r = e.getBoundingClientRect();
      const p = (document.getElementById('panel') as HTMLElement).getBoundingClientRect();
      return r.top >= p.top && r.bottom <= p.bottom;
    });
    expect(inView).toBe(true);
    expect(suite.g.page.url()).toContain(`m=${mentionId}`);
  });

  it('hides a kind from the map with its legend toggle, and shows it again', async () => {
    await openApp(suite.g.page, suite.served.url);
    const railsDrawn = () =>
      suite.g.page.evaluate(() => {
        const map = window.corridors?.map;
        return map
          ?.queryRenderedFeatures({ layers: ['feature-line-hit'] })
          .filter((f) => f.properties.kind === 'rail').length;
      });
    expect(await railsDrawn()).toBeGreaterThan(0);
    await suite.g.page.locator('.legend input[data-kind="rail"]').click();
    await expect.poll(railsDrawn).toBe(0);
    await suite.g.page.locator('.legend input[data-kind="rail"]').click();
    await expect.poll(railsDrawn).toBeGreaterThan(0);
  });

  it('switches the interface and the feature names to English and back', async () => {
    await openApp(suite.g.page, suite.served.url, '?f=port-kuryk');
    await suite.g.page.locator('.lang-switch [data-lang="en"]').click();
    await expect.poll(() => panelHeading(suite.g.page)).toBe(name('port-kuryk', 'en'));
    expect(suite.g.page.url()).toContain('lang=en');
    await expect(suite.g.page.locator('#feature-list-heading').textContent()).resolves.toBe('All features');
    // Quotes stay in the original language.
    await expect(suite.g.page.locator('.mention .sentence').first().getAttribute('lang')).resolves.toBe('ru');
    await suite.g.page.locator('.lang-switch [data-lang="ru"]').click();
    await expect.poll(() => panelHeading(suite.g.page)).toBe(name('port-kuryk'));
  });

  it('shows a composite with its own mentions and, separately, those of its parts', async () => {
    await openApp(suite.g.page, suite.served.url, '?f=corridor-titr');
    expect(await suite.g.page.locator('[data-section="own"] .mention').count()).toBeGreaterThan(0);
    const partGroups = await suite.g.page.locator('[data-section="parts"] .part-group h4').allTextContents();
    expect(partGroups).toEqual(expect.arrayContaining([name('rail-btk'), name('port-kuryk')]));
    await suite.g.page.locator('.nav-group .link-button', { hasText: name('rail-btk') }).click();
    await expect.poll(() => panelHeading(suite.g.page)).toBe(name('rail-btk'));
    await suite.g.page.locator('.nav-group .link-button', { hasText: name('corridor-titr') }).click();
    await expect.poll(() => panelHeading(suite.g.page)).toBe(name('corridor-titr'));
  });

  it('keeps the page itself from scrolling: long panels and briefing steps scroll inside their boxes', async () => {
    const { page } = suite.g;
    // Each box below holds visually hidden text (captions, the step counter) past its end, where its long content
    // puts it. `box` is the scroll box that must hold it: its content is taller than the box itself.
    const cases = [
      { query: '', box: '#panel', height: 900 },
      { query: '', box: '#sidebar', height: 900 },
      { query: '?f=corridor-titr', box: '#panel', height: 900 },
      { query: '?mode=briefing&step=2', box: '.briefing-content', height: 420 },
    ];
    for (const { query, box, height } of cases) {
      await page.setViewportSize({ width: 1280, height });
      await openApp(page, suite.served.url, query);
      const scroll = await page.evaluate((selector) => {
        window.scrollTo(0, 2000);
        const doc = document.scrollingElement as HTMLElement;
        const inner = document.querySelector(selector) as HTMLElement;
        return {
          y: window.scrollY,
          extra: doc.scrollHeight - window.innerHeight,
          overflows: inner.scrollHeight > inner.clientHeight,
        };
      }, box);
      expect(scroll, query).toEqual({ y: 0, extra: 0, overflows: true });
    }
  });

  it('keeps each group of header buttons on one line in a 1280 px window', async () => {
    const { page } = suite.g;
    await page.setViewportSize({ width: 1280, height: 800 });
    await openApp(page, suite.served.url);
    const lines = await page.evaluate(() =>
      ['.view-switch', '.lang-switch'].map(
        (group) =>
          new Set(
            [...document.querySelectorAll(`.app-header ${group} button`)].map((b) =>
              Math.round(b.getBoundingClientRect().top),
            ),
          ).size,
      ),
    );
    expect(lines).toEqual([1, 1]);
  });

  it('reads as one column that the page scrolls in a phone-sized window, and shows what the list chose', async () => {
    const { page } = suite.g;
    await page.setViewportSize({ width: 390, height: 844 });
    await openApp(page, suite.served.url);
    const layout = await page.evaluate(() => {
      const box = (s: string) => (document.querySelector(s) as HTMLElement).getBoundingClientRect();
      const inner = (s: string) => {
        const e = document.querySelector(s) as HTMLElement;
        return e.scrollHeight - e.clientHeight;
      };
      const header = [...document.querySelectorAll<HTMLElement>('.app-header button')].map(
        (b) => b.getBoundingClientRect().right,
      );
      return {
        order: ['#search-slot', '.map-wrap', '#panel', '#sidebar'].map((s) => Math.round(box(s).top)),
        mapShare: box('.map-wrap').height / window.innerHeight,
        pageScrolls: document.documentElement.scrollHeight > 2 * window.innerHeight,
        panelScrollsInside: inner('#panel') > 1,
        listScrollsInside: inner('#sidebar') > 1,
        sideways: document.documentElement.scrollWidth - window.innerWidth,
        headerClipped: header.filter((right) => right > window.innerWidth).length,
      };
    });
    const [search, map, panel, list] = layout.order as [number, number, number, number];
    expect(search < map && map < panel && panel < list, JSON.stringify(layout.order)).toBe(true);
    expect(layout.mapShare).toBeGreaterThan(0.5);
    const { order: _order, mapShare: _share, ...rest } = layout;
    expect(rest).toEqual({
      pageScrolls: true,
      panelScrollsInside: false,
      listScrollsInside: false,
      sideways: 0,
      headerClipped: 0,
    });
    // A feature chosen in the list, far below the panel: the page brings the panel's top back into view.
    const item = page.locator('#sidebar .feature-button[data-feature-id="port-kuryk"]');
    await item.scrollIntoViewIfNeeded();
    await item.click();
    await expect.poll(() => panelHeading(page)).toBe(name('port-kuryk'));
    const top = await page.evaluate(
      () => document.querySelector('#panel')?.getBoundingClientRect().top ?? -1,
    );
    expect(top).toBeGreaterThanOrEqual(0);
    expect(top).toBeLessThan(100);
  });

  it('gives the overview the sentences with figures that name no feature', async () => {
    await openApp(suite.g.page, suite.served.url);
    const unattached = suite.g.page.locator('[data-section="unattached"] .mention');
    expect(await unattached.count()).toBeGreaterThan(0);
    await expect(unattached.locator('mark.figure').first().textContent()).resolves.toMatch(/\d/);
  });

  it('highlights on hover with a pointer cursor and a name tooltip', async () => {
    await openApp(suite.g.page, suite.served.url);
    const p = await pointOnLine('rail-btk');
    await suite.g.page.mouse.move(p.x, p.y);
    await expect.poll(() => suite.g.page.locator('#tooltip').textContent()).toBe(name('rail-btk'));
    await expect(suite.g.page.locator('#tooltip').isVisible()).resolves.toBe(true);
    const state = await suite.g.page.evaluate(() => ({
      cursor: window.corridors?.map?.getCanvas().style.cursor,
      hover: window.corridors?.map?.getFeatureState({ source: 'corridor-features', id: 'rail-btk' }).hover,
    }));
    expect(state).toEqual({ cursor: 'pointer', hover: true });
  });
});
