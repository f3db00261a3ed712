// Robustness in the browser (issue 7): the SVG map without WebGL, a lost WebGL context, malformed URLs, an
// article full of injection payloads, and no leaks from panels and maps created and removed many times.
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Browser, type CDPSession, chromium, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AppData } from '../../src/domain/app-data.ts';
import { LAYER } from '../../src/map/ids.ts';
import { STATUS_LINE_LAYERS } from '../../src/map/style.ts';
import { buildAppDataFromDisk } from '../../src/pipeline/app-data.ts';
import {
  chromiumPath,
  type Guarded,
  guardedPage,
  launch,
  openApp,
  panelHeading,
  type Served,
  serveBuild,
  waitIdle,
} from './harness.ts';
import { seedAppData, serveAppData } from './seed-data.ts';

const data: AppData = seedAppData();
const features = data.features.features;
const name = (id: string, lang: 'ru' | 'en' = 'ru') =>
  features.find((f) => f.properties.id === id)?.properties.name[lang] ?? `(no ${id})`;
/** What either map draws: every feature with a geometry of its own (composites are drawn through their parts). */
const drawnIds = features
  .filter((f) => f.properties.kind !== 'corridor' && f.geometry !== null)
  .map((f) => f.properties.id)
  .sort();

let browser: Browser;
let noWebgl: Browser;
let served: Served;
const pages: Guarded[] = [];

/** The honest test of "no WebGL": Chromium with its 3D APIs switched off (tech-notes.md). */
async function launchWithoutWebgl(): Promise<Browser> {
  return chromium.launch({
    executablePath: await chromiumPath(),
    headless: true,
    args: [
      '--disable-3d-apis',
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
    ],
  });
}

/**
 * Pages with WebGL are smaller than the other suites' 1600×900: MapLibre's remove() loses its context, which
 * SwiftShader takes about 2 s to do at that size and a quarter of that at this one.
 */
const SMALL = { width: 1000, height: 700 };
/** The SVG map costs nothing to remove: without WebGL, the same size as the other suites. */
const LARGE = { width: 1600, height: 900 };

async function open(b: Browser, viewport = SMALL): Promise<Guarded> {
  const g = await guardedPage(b, viewport);
  pages.push(g);
  return g;
}

beforeAll(async () => {
  [browser, noWebgl, served] = await Promise.all([launch(), launchWithoutWebgl(), serveBuild()]);
});
afterEach(async () => {
  // One page at a time: a map left drawing in an earlier test's page only slows the next one down.
  for (const g of pages.splice(0)) await g.context.close().catch(() => {});
});
afterAll(async () => {
  await browser?.close();
  await noWebgl?.close();
  await served?.close();
});

const mode = (page: Page) => page.evaluate(() => window.corridors?.mode ?? null);

/**
 * A screen point on a feature of the SVG map where no other feature is under the pointer (a point along a line,
 * or a circle's centre), or failing that, any point on it with the ids found there.
 */
function svgPoint(page: Page, id: string) {
  return page.evaluate((fid) => {
    const g = [...document.querySelectorAll<SVGGElement>('#map .svg-feature')].find(
      (x) => x.dataset.featureId === fid,
    );
    const hit = g?.querySelector<SVGGeometryElement>('.svg-hit');
    // A click elsewhere may have scrolled the page (a narrow layout scrolls); bring the map back into view.
    document.getElementById('map')?.scrollIntoView({ block: 'nearest' });
    const ctm = hit?.getScreenCTM();
    if (!g || !hit || !ctm) return null;
    const box = document.getElementById('map')?.getBoundingClientRect();
    if (!box) return null;
    const candidates: DOMPoint[] = [];
    if (hit instanceof SVGCircleElement)
      candidates.push(new DOMPoint(hit.cx.baseVal.value, hit.cy.baseVal.value));
    else {
      const total = hit.getTotalLength();
      for (let i = 1; i < 40; i++) {
        const t = (i % 2 === 0 ? i : 40 - i) / 40;
        candidates.push(hit.getPointAtLength(total * t));
      }
    }
    let fallback: { x: number; y: number; ids: string[] } | null = null;
    for (const c of candidates) {
      // Whole pixels: a mouse event's clientX and clientY are, so the test checks the pixel the click hits.
      const q = new DOMPoint(c.x, c.y).matrixTransform(ctm);
      const p = { x: Math.round(q.x), y: Math.round(q.y) };
      if (p.x < box.left + 4 || p.y < box.top + 4 || p.x > box.right - 4 || p.y > box.bottom - 4) continue;
      const under = document.elementsFromPoint(p.x, p.y);
      if (!under[0] || !document.getElementById('map')?.contains(under[0])) continue;
      const ids = [
        ...new Set(under.flatMap((e) => e.closest<SVGGElement>('.svg-feature')?.dataset.featureId ?? [])),
      ];
      if (ids.length === 1 && ids[0] === fid) return { x: p.x, y: p.y, ids };
      if (ids.includes(fid)) fallback ??= { x: p.x, y: p.y, ids };
    }
    return fallback;
  }, id);
}

/** Click a feature on the SVG map the way a reader would; through the chooser where features overlap. */
async function clickSvgFeature(page: Page, id: string): Promise<void> {
  const p = await svgPoint(page, id);
  if (p === null) throw new Error(`${id}: not on the SVG map`);
  await page.mouse.click(p.x, p.y);
  if (p.ids.length > 1) {
    const option = page.locator(`.chooser .chooser-option[data-feature-id="${id}"]`);
    await expect.poll(() => option.count(), { message: `${id}: chooser` }).toBe(1);
    await option.click();
  }
}

describe('without WebGL (Chromium with --disable-3d-apis)', () => {
  it('draws the SVG map with every feature and opens each one’s panel on a click', async () => {
    const g = await open(noWebgl, LARGE);
    await openApp(g.page, served.url);
    await expect(
      g.page.evaluate(() => ({
        webgl2: document.createElement('canvas').getContext('webgl2') !== null,
        map: window.corridors?.map ?? null,
        mode: window.corridors?.mode,
        canvases: document.querySelectorAll('#map canvas').length,
      })),
    ).resolves.toEqual({ webgl2: false, map: null, mode: 'svg', canvases: 0 });
    const drawn = await g.page.locator('#map .svg-feature').evaluateAll((gs) =>
      gs.map((x) => ({
        id: x.getAttribute('data-feature-id') ?? '',
        role: x.getAttribute('role'),
        tabindex: x.getAttribute('tabindex'),
        label: x.getAttribute('aria-label'),
        title: x.querySelector('title')?.textContent,
      })),
    );
    expect(drawn.map((d) => d.id).sort()).toEqual(drawnIds);
    for (const d of drawn) {
      expect(d).toEqual({ id: d.id, role: 'button', tabindex: '0', label: name(d.id), title: name(d.id) });
    }
    await expect(g.page.locator('#map .svg-land').count()).resolves.toBe(1);
    await expect(g.page.locator('#map .svg-borders').count()).resolves.toBe(1);
    await expect(panelHeading(g.page)).resolves.toBe('Обзор');

    for (const id of drawnIds) {
      await g.page.evaluate(() => window.corridors?.select(null));
      await clickSvgFeature(g.page, id);
      await expect.poll(() => panelHeading(g.page), { message: id }).toBe(name(id));
      await expect(g.page.locator('.feature-panel').getAttribute('data-feature-id')).resolves.toBe(id);
      // The same store action as the MapLibre click router, so the URL follows.
      expect(new URL(g.page.url()).searchParams.get('f')).toBe(id);
    }
    // A click on empty sea clears the selection, as on the WebGL map.
    const sea = await g.page.evaluate(() => {
      const r = document.getElementById('map')?.getBoundingClientRect();
      return r ? { x: r.left + r.width * 0.05, y: r.top + r.height * 0.97 } : null;
    });
    if (sea === null) throw new Error('no #map');
    await g.page.mouse.click(sea.x, sea.y);
    await expect.poll(() => panelHeading(g.page)).toBe('Обзор');
    expect(g.offsite).toEqual([]);
    expect(g.pageErrors).toEqual([]);
  });

  it('restores the panel, the language and the filters from the URL, and follows the store', async () => {
    const g = await open(noWebgl, LARGE);
    await openApp(g.page, served.url, '?f=rail-btk&lang=en');
    await expect(panelHeading(g.page)).resolves.toBe(name('rail-btk', 'en'));
    const selected = g.page.locator('#map .svg-feature.is-selected');
    await expect(
      selected.evaluateAll((gs) => gs.map((x) => x.getAttribute('data-feature-id'))),
    ).resolves.toEqual(['rail-btk']);
    await expect(g.page.locator('#map .svg-feature.is-dim').count()).resolves.toBe(drawnIds.length - 1);
    await expect(
      g.page.locator('#map .svg-feature[data-feature-id="port-kuryk"]').getAttribute('aria-label'),
    ).resolves.toBe(name('port-kuryk', 'en'));

    // Hidden kinds and status groups from the URL hide features; in dim mode they fade instead.
    await openApp(g.page, served.url, '?hk=rail,port&hs=planned');
    const kinds = () =>
      g.page
        .locator('#map .svg-feature')
        .evaluateAll((gs) => gs.map((x) => `${x.getAttribute('data-kind')}/${x.getAttribute('data-group')}`));
    const shown = await kinds();
    expect(shown.length).toBeGreaterThan(3);
    expect(
      shown.filter((k) => k.startsWith('rail/') || k.startsWith('port/') || k.endsWith('/planned')),
    ).toEqual([]);
    await openApp(g.page, served.url, '?hk=rail&mode=dim');
    const rails = g.page.locator('#map .svg-feature[data-kind="rail"]');
    await expect(rails.count()).resolves.toBeGreaterThan(5);
    await expect(
      g.page.locator('#map .svg-feature[data-kind="rail"]:not(.is-filtered)').count(),
    ).resolves.toBe(0);

    // The legend's toggle redraws the SVG map.
    await openApp(g.page, served.url);
    await g.page.locator('.legend input[data-kind="port"]').click();
    await expect.poll(() => g.page.locator('#map .svg-feature[data-kind="port"]').count()).toBe(0);
    // Keyboard: a focused feature opens its panel with Enter.
    const astana = g.page.locator('#map .svg-feature[data-feature-id="place-astana"]');
    await astana.focus();
    await g.page.keyboard.press('Enter');
    await expect.poll(() => panelHeading(g.page)).toBe(name('place-astana'));
    expect(g.pageErrors).toEqual([]);
  });

  it('ignores malformed URL parameters and keeps the defaults', async () => {
    const g = await open(noWebgl, LARGE);
    const queries = [
      '?f=<script>alert(1)</script>&lang=xx&hk=%%%&asof=99999&view=../../etc',
      '?a=../../etc/passwd&m=%00&hs=,,<b>,PLANNED&from=2025-99-99&to=abc&mode=<svg onload=alert(1)>',
      '?ho=%E0%A4%A&f=&lang=&view=&asof=2025-13-40&hk=RAIL,Port,%20rail,rail%00',
      '?f=rail-btk%00&f=javascript:alert(1)&lang=EN&view=Figures&mode=DIM',
      `?f=${'x'.repeat(5000)}&hk=${'rail;'.repeat(1000)}`,
      '?__proto__[polluted]=1&constructor[prototype][polluted]=1&f[]=a&lang[]=en',
    ];
    for (const q of queries) {
      await openApp(g.page, served.url, q);
      const s = await g.page.evaluate(() => {
        const st = window.corridors?.store.getState();
        return {
          lang: st?.lang,
          view: st?.view,
          selected: st?.selected,
          article: st?.article,
          hiddenKinds: st?.hiddenKinds,
          hiddenGroups: st?.hiddenGroups,
          hiddenOutlets: st?.hiddenOutlets,
          dateFrom: st?.dateFrom,
          dateTo: st?.dateTo,
          filterMode: st?.filterMode,
          asOf: st?.asOf,
          polluted: ({} as Record<string, unknown>).polluted ?? null,
        };
      });
      expect(s, q).toEqual({
        lang: 'ru',
        view: 'map',
        selected: null,
        article: null,
        hiddenKinds: [],
        hiddenGroups: [],
        hiddenOutlets: [],
        dateFrom: null,
        dateTo: null,
        filterMode: 'hide',
        asOf: null,
        polluted: null,
      });
      await expect(panelHeading(g.page), q).resolves.toBe('Обзор');
    }
    // The one malformed URL of the issue normalises to no query at all.
    await openApp(g.page, served.url, queries[0]);
    expect(new URL(g.page.url()).search).toBe('');
    expect(g.pageErrors).toEqual([]);
  });
});

describe('a lost WebGL context', () => {
  /** Loses the map's context through WEBGL_lose_context and waits for the event to arrive. */
  async function loseContext(page: Page): Promise<void> {
    await page.evaluate(() => {
      const w = window as unknown as Record<string, unknown>;
      const map = window.corridors?.map;
      if (!map) throw new Error('no map');
      const canvas = map.getCanvas();
      const gl = canvas.getContext('webgl2');
      const ext = gl?.getExtension('WEBGL_lose_context');
      if (!ext) throw new Error('no WEBGL_lose_context');
      w.__lostMap = map;
      w.__loseExt = ext;
      canvas.addEventListener('webglcontextlost', () => {
        w.__lost = true;
      });
      ext.loseContext();
    });
    await expect
      .poll(() => page.evaluate(() => (window as unknown as Record<string, unknown>).__lost === true))
      .toBe(true);
  }

  /** A point feature on the WebGL map, centred on screen, that is alone under the pointer: page coordinates. */
  async function pointOnMap(page: Page, candidates: string[]) {
    for (const id of candidates) {
      const f = features.find((x) => x.properties.id === id);
      if (f?.geometry?.type !== 'Point') continue;
      const [lon = 0, lat = 0] = f.geometry.coordinates;
      await page.evaluate((c) => window.corridors?.map?.jumpTo({ center: c, zoom: 6 }), [lon, lat] as [
        number,
        number,
      ]);
      await waitIdle(page);
      const p = await page.evaluate(
        (c) => {
          const map = window.corridors?.map;
          if (!map) return null;
          const r = map.getCanvas().getBoundingClientRect();
          const q = map.project(c);
          const hits = map.queryRenderedFeatures(
            [
              [q.x - 6, q.y - 6],
              [q.x + 6, q.y + 6],
            ],
            { layers: ['feature-line-hit', 'feature-points'] },
          );
          return { x: r.left + q.x, y: r.top + q.y, ids: [...new Set(hits.map((h) => h.properties.id))] };
        },
        [lon, lat] as [number, number],
      );
      if (p !== null && p.ids.length === 1 && p.ids[0] === id) return { id, x: p.x, y: p.y };
    }
    return null;
  }

  it('recovers when the context is restored: the map draws again and clicks still open panels', async () => {
    const g = await open(browser);
    await openApp(g.page, served.url, '?f=port-kuryk');
    await loseContext(g.page);
    await g.page.evaluate(() => {
      const ext = (window as unknown as Record<string, WEBGL_lose_context>).__loseExt;
      ext?.restoreContext();
    });
    await expect
      .poll(() =>
        g.page.evaluate(() => {
          const c = window.corridors;
          return (
            c?.mode === 'webgl' &&
            c.map !== null &&
            c.map !== (window as unknown as Record<string, unknown>).__lostMap
          );
        }),
      )
      .toBe(true);
    await waitIdle(g.page);
    const state = await g.page.evaluate((operational) => {
      const map = window.corridors?.map;
      if (!map) return null;
      return {
        lines: map.queryRenderedFeatures({ layers: [...operational] }).length,
        selected: map.getFeatureState({ source: 'corridor-features', id: 'port-kuryk' }).selected ?? false,
        canvases: document.querySelectorAll('#map canvas').length,
      };
    }, STATUS_LINE_LAYERS[LAYER.lineOperational] ?? []);
    expect(state).toEqual({ lines: expect.any(Number), selected: true, canvases: 1 });
    expect(state?.lines).toBeGreaterThan(0);
    await expect(panelHeading(g.page)).resolves.toBe(name('port-kuryk'));

    await g.page.evaluate(() => window.corridors?.select(null));
    await waitIdle(g.page);
    const p = await pointOnMap(g.page, ['place-astana', 'place-constanta', 'place-ceyhan', 'field-dunga']);
    if (p === null) throw new Error('no lone point feature on screen');
    await g.page.mouse.click(p.x, p.y);
    await expect.poll(() => panelHeading(g.page)).toBe(name(p.id));
    expect(g.pageErrors).toEqual([]);
  });

  it('falls back to the SVG map when the context does not come back, keeping the selection', async () => {
    const g = await open(browser);
    await openApp(g.page, served.url, '?f=rail-btk&lang=en');
    await loseContext(g.page);
    await expect.poll(() => mode(g.page), { timeout: 15_000 }).toBe('svg');
    await expect(
      g.page.evaluate(() => ({
        map: window.corridors?.map ?? null,
        canvases: document.querySelectorAll('#map canvas').length,
        svg: document.querySelectorAll('#map svg.svg-map-canvas').length,
        selected: [...document.querySelectorAll('#map .svg-feature.is-selected')].map((x) =>
          x.getAttribute('data-feature-id'),
        ),
      })),
    ).resolves.toEqual({ map: null, canvases: 0, svg: 1, selected: ['rail-btk'] });
    await expect(panelHeading(g.page)).resolves.toBe(name('rail-btk', 'en'));
    await clickSvgFeature(g.page, 'port-poti');
    await expect.poll(() => panelHeading(g.page)).toBe(name('port-poti', 'en'));
    // A remount keeps the SVG map: the context is gone for good on this page.
    await g.page.evaluate(() => window.corridors?.remount());
    await expect(mode(g.page)).resolves.toBe('svg');
    expect(g.pageErrors).toEqual([]);
  });
});

describe('untrusted article text', () => {
  const payloads = JSON.parse(readFileSync('tests/fixtures/injection/payloads.json', 'utf8')) as string[];
  const ARTICLE = '999_injection';
  let injected: AppData;
  let tmp: string;

  beforeAll(() => {
    // The real pipeline, on the seeds plus the payload article: the joined data as a build would write it.
    tmp = mkdtempSync(path.join(tmpdir(), 'corridors-injection-'));
    cpSync('geo/articles', tmp, { recursive: true });
    cpSync('tests/fixtures/injection/injection.txt', path.join(tmp, `${ARTICLE}.txt`));
    const result = buildAppDataFromDisk({ geoDir: 'geo', articlesDir: tmp });
    if (result.data === null) throw new Error(JSON.stringify(result.problems));
    injected = result.data;
  });
  afterAll(() => {
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  /** Everything in the document that article text must never become. */
  function audit(page: Page) {
    return page.evaluate(() => {
      // The head is the page's own (index.html); article text can only ever reach the body.
      const all = [...document.body.querySelectorAll('*')];
      const origin = window.location.origin;
      const FORBIDDEN = [
        'iframe',
        'object',
        'embed',
        'img',
        'video',
        'audio',
        'source',
        'base',
        'form',
        'template',
        'noscript',
        'math',
        'marquee',
        'details',
        'isindex',
        'keygen',
        'textarea',
        'x',
        'foreignObject',
        'animate',
        'set',
      ];
      const urlAttrs = ['href', 'xlink:href', 'src', 'action', 'formaction', 'data', 'srcdoc'];
      return {
        forbidden: all
          // MapLibre's own attribution control is a <details>.
          .filter((e) => FORBIDDEN.includes(e.localName) && !e.closest('.maplibregl-control-container'))
          .map((e) => e.outerHTML.slice(0, 80)),
        handlers: all.flatMap((e) =>
          [...e.attributes].filter((a) => a.name.startsWith('on')).map((a) => `${e.localName} ${a.name}`),
        ),
        scripts: [...document.scripts]
          .filter((s) => !(s.type === 'module' && s.src.startsWith(`${origin}/`)))
          .map((s) => s.outerHTML.slice(0, 80)),
        // Markup that only the page itself may put in the document (an SVG <title> is a tooltip, not this).
        styles: [...document.querySelectorAll('body style, body link, body meta, body title')].filter(
          (e) => e.namespaceURI === 'http://www.w3.org/1999/xhtml',
        ).length,
        headings: document.querySelectorAll('h1').length,
        urls: all.flatMap((e) =>
          [...e.attributes]
            .filter((a) => urlAttrs.includes(a.name))
            .flatMap((a) => {
              const u = new URL(a.value, window.location.href);
              const ok =
                (u.protocol === 'http:' || u.protocol === 'https:') &&
                (a.name === 'href' ? true : u.origin === origin);
              return ok ? [] : [`${e.localName} ${a.name}=${a.value}`];
            }),
        ),
        pwned: (window as unknown as Record<string, unknown>).__pwned ?? null,
      };
    });
  }

  async function expectClean(page: Page, where: string, dialogs: string[]): Promise<void> {
    await expect(audit(page), where).resolves.toEqual({
      forbidden: [],
      handlers: [],
      scripts: [],
      styles: 0,
      headings: 1,
      urls: [],
      pwned: null,
    });
    expect(dialogs, where).toEqual([]);
  }

  it('shows 50+ payloads as text and runs none of them: article, panels, search, figures, timeline', async () => {
    expect(new Set(payloads).size).toBeGreaterThanOrEqual(50);
    const article = injected.joined.articles.find((a) => a.id === ARTICLE);
    expect(article?.url).toBe('javascript:alert(1)');
    const mentioned = [
      ...new Set(
        injected.joined.mentions.filter((m) => m.articleId === ARTICLE).flatMap((m) => m.featureIds),
      ),
    ];
    expect(mentioned.length).toBeGreaterThanOrEqual(5);

    const g = await open(browser);
    const dialogs: string[] = [];
    g.page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await serveAppData(g.page, injected);
    await openApp(g.page, served.url, `?a=${ARTICLE}`);

    // The article: every payload is there, character for character, as text (once its file has arrived).
    await expect.poll(() => g.page.locator('.article-view:not([aria-busy])').count()).toBe(1);
    const view = g.page.locator('.article-view');
    await expect(view.getAttribute('data-article-id')).resolves.toBe(ARTICLE);
    await expect(panelHeading(g.page)).resolves.toBe(article?.title);
    const text = (await g.page.locator('.article-body').textContent()) ?? '';
    for (const p of payloads) expect(text, p).toContain(p);
    await expect(
      g.page
        .locator('.article-body *')
        .evaluateAll((es) =>
          [...new Set(es.map((e) => e.localName))].filter((t) => !['p', 'span', 'mark'].includes(t)),
        ),
    ).resolves.toEqual([]);
    // The javascript: url from the front matter is shown, not linked.
    await expect(g.page.locator('.article-meta .unsafe-link').textContent()).resolves.toBe(
      'javascript:alert(1)',
    );
    await expect(g.page.locator('.article-meta a').count()).resolves.toBe(0);
    await expect(g.page.locator('.article-meta').textContent()).resolves.toContain(article?.author ?? '?');
    await expectClean(g.page, 'article', dialogs);

    // Each feature the article names: its panel lists the payload sentences; one opens the article again.
    for (const id of mentioned) {
      await g.page.evaluate((fid) => window.corridors?.select(fid), id);
      await expect
        .poll(() => g.page.locator(`.feature-panel[data-feature-id="${id}"]:not([aria-busy])`).count())
        .toBe(1);
      const panelText = (await g.page.locator('#panel').textContent()) ?? '';
      expect(
        payloads.some((p) => panelText.includes(p)),
        id,
      ).toBe(true);
      await expectClean(g.page, `panel ${id}`, dialogs);
    }
    await g.page.evaluate(() => window.corridors?.select(null));
    await expectClean(g.page, 'overview', dialogs);
    // The outlet named by the front matter is a filter label, as text.
    await expect(g.page.locator('#sidebar').textContent()).resolves.toContain(article?.source ?? '?');

    // Search: the payload sentences come up as results, and the query itself is a payload too.
    for (const q of ['Курык', '<img src=x onerror=alert(1)>', 'javascript:alert(1)', '<script>']) {
      await g.page.locator('#search-input').fill(q);
      await expect.poll(() => g.page.locator('#search-input').getAttribute('aria-expanded')).toBe('true');
      await expectClean(g.page, `search ${q}`, dialogs);
    }
    const results = (await g.page.locator('#search-results').textContent()) ?? '';
    expect(results).toContain('<script>');
    await g.page.locator('#search-input').fill('');

    // The figures and timeline views, which list the article's sentences and its dated events.
    for (const v of ['figures', 'timeline'] as const) {
      await g.page.evaluate((view) => window.corridors?.store.getState().setView(view, 'api'), v);
      await expect.poll(() => g.page.locator('#figures').isHidden()).toBe(false);
      await expect.poll(() => g.page.locator('#figures').textContent()).not.toBe('');
      await expectClean(g.page, v, dialogs);
    }
    // The timeline's list comes a batch at a time: the whole of it, as a reader pressing "show more" would. Pressed
    // in the page: a Playwright click scrolls the button into view first, the list's end then draws the last batch
    // by itself, and a click still waiting for the button that went with it waited out its timeout.
    const pressMore = () =>
      g.page.evaluate(() => {
        const more = document.querySelector<HTMLButtonElement>('#figures .timeline-list .list-more button');
        more?.click();
        return more !== null;
      });
    for (let i = 0; i < 100 && (await pressMore()); i++);
    await expect.poll(() => g.page.locator('#figures .timeline-list .list-more').count()).toBe(0);
    const timeline = (await g.page.locator('#figures').textContent()) ?? '';
    expect(payloads.filter((p) => timeline.includes(p)).length).toBeGreaterThan(5);
    await expectClean(g.page, 'timeline, whole', dialogs);
    // Open a sentence from the figures view: the article again, with the highlight.
    await g.page.evaluate(() => window.corridors?.store.getState().setView('figures', 'api'));
    const marks = g.page.locator(`#figures [role="button"][data-mention-id^="${ARTICLE}-"]`);
    await expect.poll(() => marks.count()).toBeGreaterThan(0);
    await marks.first().focus();
    await g.page.keyboard.press('Enter');
    await expect.poll(() => g.page.locator('.article-view').getAttribute('data-article-id')).toBe(ARTICLE);
    await expect(g.page.locator('.article-body .sentence.highlighted').count()).resolves.toBe(1);
    await expectClean(g.page, 'figure mark', dialogs);
    expect(g.offsite).toEqual([]);
    expect(g.pageErrors).toEqual([]);
  });
});

/** The JS heap after garbage collection: all of it, and the part that is V8's compiled code (from a snapshot). */
async function heapOf(cdp: CDPSession): Promise<{ used: number; objects: number; code: number }> {
  for (let i = 0; i < 10; i++) await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  const chunks: string[] = [];
  const onChunk = (e: { chunk: string }) => chunks.push(e.chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
  const snap = JSON.parse(chunks.join('')) as {
    snapshot: { meta: { node_fields: string[]; node_types: [string[]] } };
    nodes: number[];
  };
  const fields = snap.snapshot.meta.node_fields;
  const types = snap.snapshot.meta.node_types[0];
  const [iType, iSize, n] = [fields.indexOf('type'), fields.indexOf('self_size'), fields.length];
  let total = 0;
  let code = 0;
  for (let i = 0; i < snap.nodes.length; i += n) {
    const size = snap.nodes[i + iSize] ?? 0;
    total += size;
    if (types[snap.nodes[i + iType] ?? 0] === 'code') code += size;
  }
  return { used: usedSize, objects: total - code, code };
}

/** How many objects with this prototype are alive (after garbage collection). */
async function liveInstances(cdp: CDPSession, prototypeExpression: string): Promise<number> {
  const group = 'live-instances';
  const proto = await cdp.send('Runtime.evaluate', { expression: prototypeExpression, objectGroup: group });
  const objectId = proto.result.objectId;
  if (objectId === undefined) throw new Error(`${prototypeExpression} is not an object`);
  const found = await cdp.send('Runtime.queryObjects', { prototypeObjectId: objectId, objectGroup: group });
  const n = await cdp.send('Runtime.callFunctionOn', {
    objectId: found.objects.objectId ?? '',
    functionDeclaration: 'function () { return this.length; }',
    returnByValue: true,
  });
  // Release the array, or the instances it holds stay alive for the next count.
  await cdp.send('Runtime.releaseObjectGroup', { objectGroup: group });
  return n.result.value as number;
}

describe('no leaks', () => {
  it('opening and closing 100 panels and removing and creating the map 20 times keeps the heap within 10%', async () => {
    const g = await open(browser, { width: 640, height: 480 });
    await openApp(g.page, served.url);
    const cdp = await g.context.newCDPSession(g.page);
    const cycle = (panels: number, maps: number) =>
      g.page.evaluate(
        async ({ ids, panels, maps }) => {
          const c = window.corridors;
          if (!c) throw new Error('no app');
          const frame = () => new Promise((r) => requestAnimationFrame(r));
          for (let i = 0; i < panels; i++) {
            c.select(ids[i % ids.length] ?? null);
            c.select(null);
            // Let the map draw now and then, so its frames (and what they allocate) are part of the cycle.
            if (i % 10 === 9) await frame();
          }
          for (let i = 0; i < maps; i++) await c.remount();
        },
        { ids: drawnIds, panels, maps },
      );
    // Warm up with the same work, so that caches exist and the code that runs is compiled: V8 keeps optimising
    // MapLibre's once-per-map functions for about 15 remounts, which would otherwise read as heap growth.
    await cycle(100, 15);
    await waitIdle(g.page);
    const before = await heapOf(cdp);
    await cycle(100, 20);
    await waitIdle(g.page);
    const after = await heapOf(cdp);
    const mb = (x: number) => (x / 1e6).toFixed(2);
    const pct = (a: number, b: number) => `${(((b - a) / a) * 100).toFixed(1)}%`;
    console.log(
      `heap objects ${mb(before.objects)} → ${mb(after.objects)} MB (${pct(before.objects, after.objects)}); ` +
        `compiled code ${mb(before.code)} → ${mb(after.code)} MB; ` +
        `usedSize ${mb(before.used)} → ${mb(after.used)} MB (${pct(before.used, after.used)})`,
    );
    // Nothing of the 20 removed maps survives: one MapLibre map, one canvas, one map container.
    await expect(liveInstances(cdp, 'window.corridors.map.constructor.prototype')).resolves.toBe(1);
    await expect(liveInstances(cdp, 'HTMLCanvasElement.prototype')).resolves.toBe(1);
    const dom = await g.page.evaluate(() => ({
      maps: document.querySelectorAll('#map.maplibregl-map, #map .maplibregl-map').length,
      mode: window.corridors?.mode,
    }));
    expect(dom).toEqual({ maps: 1, mode: 'webgl' });
    // The objects on the JS heap are what a leak grows. V8's compiled code is left out: it keeps growing for a
    // while as MapLibre's once-per-map functions (setup, remove, jumpTo…) are called often enough to be
    // optimised, and it is the engine's cache, freed under memory pressure, not something the app holds on to.
    expect(Math.abs(after.objects - before.objects) / before.objects).toBeLessThan(0.1);
    // …and, after that warm-up, the whole used heap, compiled code included.
    expect(Math.abs(after.used - before.used) / before.used).toBeLessThan(0.1);
    expect(g.pageErrors).toEqual([]);
  });
});
