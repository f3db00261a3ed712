// The embed as an editor's readers meet it: on a news-article page of another origin, through the loader
// snippet, with the map's pages served under the strict CSP (embed-harness.ts). Issue 6's acceptance list.
import type { Browser, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  contextLosses,
  cspProblems,
  embedFrames,
  frameIdle,
  HOST,
  type HostServer,
  installProbes,
  type Probed,
  STRICT_CSP,
  serveHost,
  serveStrict,
  snippet,
  TIGHTEST_CSP,
} from './embed-harness.ts';
import { type Guarded, guardedPage, launch, type Served } from './harness.ts';

let browser: Browser;
let served: Served;
let hostServer: HostServer;
let g: Guarded;
let probed: Probed;

beforeAll(async () => {
  [browser, served] = await Promise.all([launch(), serveStrict()]);
  hostServer = await serveHost(served.url);
});
afterAll(async () => {
  await g?.context.close();
  await browser?.close();
  await served?.close();
  await hostServer?.close();
});

async function open(viewport = { width: 1280, height: 900 }): Promise<Page> {
  await g?.context.close();
  g = await guardedPage(browser, viewport);
  probed = await installProbes(g.context, g.page);
  return g.page;
}
beforeEach(async () => {
  await open();
});

/** The frame inside the index-th embed div, once it exists. */
async function frameOf(page: Page, index = 0): Promise<Frame> {
  const iframe = page.locator('[data-corridors]').nth(index).locator('iframe');
  await iframe.waitFor({ state: 'attached', timeout: 20_000 });
  const frame = await (await iframe.elementHandle())?.contentFrame();
  if (!frame) throw new Error(`embed ${index} has no frame`);
  return frame;
}

/** What the probes (embed-harness.ts) recorded on the host page. */
interface HostProbes {
  __cls: { total: number; entries: unknown[] };
  __frames: { max: number; now: number };
  __events: { type: string; detail: Record<string, unknown>; index: number }[];
}
const host = <K extends keyof HostProbes>(page: Page, key: K) =>
  page.evaluate((k) => (window as unknown as HostProbes)[k], key);
const events = (page: Page) => host(page, '__events');
const divHeight = (page: Page, index = 0) =>
  page
    .locator('[data-corridors]')
    .nth(index)
    .evaluate((d) => d.getBoundingClientRect().height);

/** A screen point (page coordinates) in the embed where the map's hit test finds exactly one feature. */
async function pointOnSomeFeature(frame: Frame): Promise<{ id: string; x: number; y: number }> {
  const hit = await frame.evaluate(() => {
    const map = window.corridors?.map;
    if (!map) throw new Error('no map');
    const r = map.getCanvas().getBoundingClientRect();
    for (let y = 40; y < r.height - 40; y += 6) {
      for (let x = 60; x < r.width - 60; x += 6) {
        const ids = [
          ...new Set(
            map
              .queryRenderedFeatures(
                [
                  [x - 3, y - 3],
                  [x + 3, y + 3],
                ],
                { layers: ['feature-line-hit', 'feature-points'] },
              )
              .map((f) => f.properties.id),
          ),
        ];
        if (ids.length === 1 && typeof ids[0] === 'string')
          return { id: ids[0], x: r.left + x, y: r.top + y };
      }
    }
    return null;
  });
  if (hit === null) throw new Error('no point on the map with exactly one feature');
  const box = await (await frame.frameElement()).boundingBox();
  if (box === null) throw new Error('frame has no box');
  return { id: hit.id, x: box.x + hit.x, y: box.y + hit.y };
}

describe('embed on a news page (loader snippet, strict CSP on the map pages)', () => {
  it('reserves its height, shows the placeholder, loads near the viewport, and never shifts the layout', async () => {
    const page = g.page;
    await page.goto(`${HOST}host.html`);
    // Before the map exists: the height is reserved and the placeholder picture is shown.
    const div = page.locator('[data-corridors]');
    await expect.poll(() => div.getAttribute('data-corridors-state')).toMatch(/placeholder|loading|live/);
    expect(await divHeight(page)).toBe(480);
    const img = div.locator('img');
    await expect.poll(() => img.evaluate((i) => (i as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
    expect(await img.getAttribute('src')).toBe(`${served.url}data/placeholder.svg`);

    await expect.poll(() => div.getAttribute('data-corridors-state'), { timeout: 30_000 }).toBe('live');
    const frame = await frameOf(page);
    await frameIdle(frame);
    expect(await frame.evaluate(() => window.corridors?.store.getState().selected)).toBe('rail-btk');
    expect(await frame.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await divHeight(page)).toBe(480);

    // Read the article through to the end, and back.
    const bottom = await page.evaluate(() => document.documentElement.scrollHeight);
    for (let y = 0; y <= bottom; y += 250) {
      await page.mouse.move(20, 20);
      await page.evaluate((top) => window.scrollTo(0, top), y);
      await page.waitForTimeout(50);
    }
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.waitForTimeout(300);
    const cls = await host(page, '__cls');
    expect(cls.entries).toEqual([]);
    expect(cls.total).toBe(0);
    // The observer does see a shift when there is one: a banner pushed in above the text.
    await page.evaluate(() => {
      const banner = document.createElement('div');
      banner.textContent = 'Breaking news';
      banner.className = 'late-banner';
      banner.style.height = '120px';
      document.querySelector('article')?.prepend(banner);
    });
    await expect.poll(async () => (await host(page, '__cls')).total).toBeGreaterThan(0);
    expect(cspProblems(probed)).toEqual([]);
    expect(g.offsite).toEqual([]);
    expect(g.pageErrors).toEqual([]);
  });

  it('lets a wheel over the map scroll the page; zooming takes Ctrl', async () => {
    const page = g.page;
    await page.goto(`${HOST}host.html`);
    const frame = await frameOf(page);
    await frameIdle(frame);
    await page.evaluate(() => window.scrollTo(0, 0));
    const box = await page.locator('[data-corridors] iframe').boundingBox();
    if (box === null) throw new Error('no iframe box');
    const zoom = () => frame.evaluate(() => window.corridors?.map?.getZoom() ?? -1);
    const zoom0 = await zoom();
    await frame.evaluate(() => {
      const w = window as unknown as { coop: number };
      w.coop = 0;
      window.corridors?.map?.on('cooperativegestureprevented', () => w.coop++);
    });
    await page.mouse.move(box.x + box.width / 2, box.y + 200);
    await page.mouse.wheel(0, 300);
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(100);
    expect(await zoom()).toBe(zoom0);
    // MapLibre says how to zoom instead, in the embed's language.
    await expect
      .poll(() => frame.evaluate(() => (window as unknown as { coop: number }).coop))
      .toBeGreaterThan(0);
    await expect(frame.locator('.maplibregl-desktop-message').textContent()).resolves.toBe(
      'Use Ctrl + scroll to zoom the map',
    );

    const y1 = await page.evaluate(() => window.scrollY);
    const box2 = await page.locator('[data-corridors] iframe').boundingBox();
    if (box2 === null) throw new Error('no iframe box');
    await page.mouse.move(box2.x + box2.width / 2, box2.y + 200);
    await page.keyboard.down('Control');
    await page.mouse.wheel(0, -300);
    await page.keyboard.up('Control');
    await expect.poll(zoom).toBeGreaterThan(zoom0);
    expect(await page.evaluate(() => window.scrollY)).toBe(y1);
    expect(cspProblems(probed)).toEqual([]);
  });

  it('sends a click on the map to the host as an event, and the frame follows the panel’s height', async () => {
    const page = g.page;
    await page.goto(`${HOST}host.html`);
    const frame = await frameOf(page);
    await frameIdle(frame);
    await page.evaluate(() =>
      document.querySelector('[data-corridors]')?.scrollIntoView({ block: 'center' }),
    );
    await frame.evaluate(() => window.corridors?.map?.jumpTo({ center: [50, 41.5], zoom: 4.2 }));
    await frameIdle(frame);
    const historyBefore = await page.evaluate(() => history.length);
    const target = await pointOnSomeFeature(frame);
    await page.mouse.click(target.x, target.y);

    await expect
      .poll(async () => (await events(page)).filter((e) => e.type === 'corridors:select'))
      .toEqual([{ type: 'corridors:select', detail: { id: target.id }, index: 0 }]);
    expect(await frame.evaluate(() => window.corridors?.store.getState().selected)).toBe(target.id);
    // The panel opened on the click, and the frame grew to show all of it.
    await expect.poll(() => frame.locator('#panel').isVisible()).toBe(true);
    const contentHeight = () => frame.evaluate(() => Math.ceil(document.body.getBoundingClientRect().height));
    await expect.poll(() => divHeight(page)).toBeGreaterThan(480);
    await expect.poll(async () => (await divHeight(page)) === (await contentHeight())).toBe(true);
    const iframeHeight = await page.locator('[data-corridors] iframe').evaluate((f) => f.clientHeight);
    expect(iframeHeight).toBe(await divHeight(page));
    // Closing the panel gives the height back.
    await frame.locator('#embed-panel-toggle').click();
    await expect.poll(() => divHeight(page)).toBe(480);
    // The reader's back button still belongs to the article: the embed wrote no history.
    expect(await page.evaluate(() => history.length)).toBe(historyBefore);

    // The language switch inside the embed reaches the host as well.
    await frame.locator('.lang-switch [data-lang="ru"]').click();
    await expect
      .poll(async () => (await events(page)).filter((e) => e.type === 'corridors:lang').map((e) => e.detail))
      .toEqual([{ lang: 'ru' }]);
    expect(cspProblems(probed)).toEqual([]);
  });

  it('takes commands from the host, and ignores forged or malformed messages', async () => {
    const page = g.page;
    await page.goto(`${HOST}host.html`);
    const frame = await frameOf(page);
    await frameIdle(frame);
    const selected = () => frame.evaluate(() => window.corridors?.store.getState().selected);

    // The documented way: a CustomEvent on the div.
    await page.evaluate(() =>
      document
        .querySelector('[data-corridors]')
        ?.dispatchEvent(new CustomEvent('corridors:command', { detail: { select: 'pipeline-btc' } })),
    );
    await expect.poll(selected).toBe('pipeline-btc');
    await page.evaluate(() =>
      document
        .querySelector('[data-corridors]')
        ?.dispatchEvent(new CustomEvent('corridors:command', { detail: { lang: 'ru' } })),
    );
    await expect.poll(() => frame.evaluate(() => window.corridors?.store.getState().lang)).toBe('ru');
    const eventsBefore = (await events(page)).length;
    const heightBefore = await divHeight(page);

    // 1. Messages to the host that do not come from the loader's frame: the host page itself, and a frame of the
    //    map's own origin that the loader did not make.
    await page.evaluate(() => {
      window.postMessage({ type: 'corridors:height', height: 900 }, '*');
      window.postMessage({ type: 'corridors:select', id: 'rail-btk' }, '*');
    });
    await page.evaluate((src) => {
      const f = document.createElement('iframe');
      f.src = src;
      f.id = 'intruder';
      document.body.appendChild(f);
    }, `${served.url}embed.html?static=1`);
    const intruder = await (await page.locator('#intruder').elementHandle())?.contentFrame();
    if (!intruder) throw new Error('no intruder frame');
    // The handle can be taken while the new frame is still about:blank: wait for its own page first, and give the
    // static embed as long as the other embeds get (frameIdle) on a busy machine.
    await intruder.waitForURL(/embed\.html/, { timeout: 30_000 });
    await intruder.waitForFunction(() => window.corridors !== undefined, null, { timeout: 30_000 });
    await intruder.evaluate(() => {
      parent.postMessage({ type: 'corridors:height', height: 900 }, '*');
      parent.postMessage({ type: 'corridors:select', id: 'rail-btk' }, '*');
      parent.postMessage({ type: 'corridors:lang', lang: 'en' }, '*');
      // …and a command to the real embed, which takes commands from its parent only.
      for (let i = 0; i < parent.frames.length; i++)
        parent.frames[i]?.postMessage({ type: 'corridors:command', select: 'rail-btk' }, '*');
    });

    // 2. Malformed messages from the real frame.
    await frame.evaluate(() => {
      const bad: unknown[] = [
        { type: 'corridors:height', height: Number.NaN },
        { type: 'corridors:height', height: Number.POSITIVE_INFINITY },
        { type: 'corridors:height', height: 1e9 },
        { type: 'corridors:height', height: -20 },
        { type: 'corridors:height', height: '900' },
        { type: 'corridors:height' },
        { type: 'corridors:select', id: '<img src=x onerror=alert(1)>' },
        { type: 'corridors:select', id: 42 },
        { type: 'corridors:select', id: { toString: 'rail-btk' } },
        { type: 'corridors:select' },
        { type: 'corridors:lang', lang: 'de' },
        { type: 'corridors:lang', lang: ['en'] },
        { type: ['corridors:height'], height: 900 },
        { type: 'corridors:unknown' },
        'corridors:height',
        null,
        [1, 2, 3],
        42,
      ];
      for (const m of bad) parent.postMessage(m, '*');
    });

    // 3. Malformed commands from the host to the real frame.
    await page.evaluate(() => {
      const f = document.querySelector<HTMLIFrameElement>('[data-corridors] iframe');
      for (const m of [
        { type: 'corridors:command', select: 'no-such-feature' },
        { type: 'corridors:command', select: 42 },
        { type: 'corridors:command', lang: 'de' },
        { type: 'corridors:cmd', select: 'rail-btk' },
        { select: 'rail-btk' },
        'select rail-btk',
      ])
        f?.contentWindow?.postMessage(m, '*');
      const div = document.querySelector('[data-corridors]');
      for (const detail of [
        { select: '../../etc' },
        { select: 'Rail BTK' },
        { lang: 'fr' },
        null,
        'rail-btk',
      ])
        div?.dispatchEvent(new CustomEvent('corridors:command', { detail }));
    });

    await page.waitForTimeout(800);
    expect(await selected()).toBe('pipeline-btc');
    expect(await frame.evaluate(() => window.corridors?.store.getState().lang)).toBe('ru');
    expect(await divHeight(page)).toBe(heightBefore);
    expect((await events(page)).length).toBe(eventsBefore);
    expect(await page.locator('img[src="x"]').count()).toBe(0);

    // The channel itself still works: a well-formed message from the real frame is taken.
    await frame.evaluate(() => parent.postMessage({ type: 'corridors:height', height: 612 }, '*'));
    await expect.poll(() => divHeight(page)).toBe(612);
    expect(cspProblems(probed)).toEqual([]);
  });

  it('keeps at most 8 live WebGL contexts on a page of 30 embeds, and loses none', async () => {
    const page = await open({ width: 1280, height: 800 });
    const ids = [
      'rail-btk',
      'port-kuryk',
      'pipeline-btc',
      'route-zangezur',
      'cable-caspian-fiber',
      'corridor-titr',
    ];
    const embeds = Array.from({ length: 30 }, (_, i) =>
      snippet(served.url, `f=${ids[i % ids.length]}&legend=0&lang=en`, 240, `Embed ${i + 1}`),
    ).join('\n');
    const { readFileSync } = await import('node:fs');
    const many = readFileSync('tests/fixtures/embed/many.html', 'utf8').replace('{{EMBEDS}}', embeds);
    hostServer.pages['many.html'] = many;
    await page.goto(`${HOST}many.html`);
    await expect.poll(() => page.locator('[data-corridors][data-corridors-state]').count()).toBe(30);

    let maxMaps = 0;
    const settle = async () => {
      // Intersection observers report after a rendering step; then every frame that exists has drawn its map.
      await page.evaluate(
        () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 50)))),
      );
      await expect
        .poll(() => page.locator('[data-corridors][data-corridors-state="loading"]').count(), {
          timeout: 60_000,
          interval: 250,
        })
        .toBe(0);
      let maps = 0;
      for (const f of embedFrames(page)) {
        maps += await f.evaluate(() => (window.corridors?.map ? 1 : 0)).catch(() => 0);
      }
      maxMaps = Math.max(maxMaps, maps);
    };
    await settle();
    // Only the embeds near the viewport have frames at first.
    expect((await host(page, '__frames')).now).toBe(8);
    expect(await page.locator('[data-corridors-state="placeholder"]').count()).toBe(22);

    const bottom = await page.evaluate(() => document.documentElement.scrollHeight - window.innerHeight);
    for (let y = 0; y <= bottom + 400; y += 400) {
      await page.evaluate((top) => window.scrollTo(0, top), y);
      await settle();
    }
    // A jump back to the top: the far frames go before the near ones come.
    await page.evaluate(() => window.scrollTo(0, 0));
    await settle();

    const ready = new Set(
      (await events(page)).filter((e) => e.type === 'corridors:ready').map((e) => e.index),
    );
    expect(ready.size).toBe(30);
    expect((await host(page, '__frames')).max).toBe(8);
    expect(maxMaps).toBeLessThanOrEqual(8);
    expect(await page.evaluate(() => window.CorridorsEmbed?.live())).toEqual({ frames: 8, gl: 8 });
    expect(contextLosses(probed)).toEqual([]);
    expect(cspProblems(probed)).toEqual([]);
    expect(g.pageErrors).toEqual([]);
  }, 600_000);

  it('static mode draws the SVG picture and starts no WebGL at all', async () => {
    const page = g.page;
    await page.goto(`${served.url}embed.html?embed=1&static=1&f=rail-btk&theme=dark&lang=en`);
    await frameIdle(page.mainFrame());
    expect(await page.evaluate(() => window.corridors?.map)).toBeNull();
    expect(await page.locator('canvas').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __probe: { gl: number } }).__probe.gl)).toBe(0);
    await expect(page.locator('.embed-static-map svg .svg-feature').count()).resolves.toBeGreaterThan(5);
    await expect(
      page.locator('.embed-static-map .svg-feature.is-selected').first().getAttribute('data-feature-id'),
    ).resolves.toBe('rail-btk');
    expect(await page.locator('html').getAttribute('data-theme')).toBe('dark');

    // Embedded through the loader too.
    Object.assign(hostServer.pages, {
      'static.html': `<!doctype html><meta charset="utf-8"><p>Static:</p>${snippet(served.url, 'f=port-kuryk&static=1', 400)}`,
    });
    await page.goto(`${HOST}static.html`);
    const frame = await frameOf(page);
    await frameIdle(frame);
    expect(await frame.evaluate(() => window.corridors?.map)).toBeNull();
    expect(await frame.locator('canvas').count()).toBe(0);
    expect(await frame.evaluate(() => (window as unknown as { __probe: { gl: number } }).__probe.gl)).toBe(0);
    expect(await page.evaluate(() => window.CorridorsEmbed?.live())).toEqual({ frames: 1, gl: 0 });
    expect(cspProblems(probed)).toEqual([]);
  });

  it('runs every map page under the strict CSP without a violation', async () => {
    const page = g.page;
    const tightest = await serveStrict(TIGHTEST_CSP, 4193);
    try {
      for (const [server, csp] of [
        [served, STRICT_CSP],
        [tightest, TIGHTEST_CSP],
      ] as const) {
        const paths =
          csp === STRICT_CSP
            ? [
                'index.html',
                'index.html?f=rail-btk&view=figures&lang=en',
                'embed.html',
                'embed.html?embed=1&f=port-kuryk&theme=dark&legend=0&controls=0&panel=1',
                'embed.html?static=1',
              ]
            : ['index.html?f=rail-btk', 'embed.html?f=port-kuryk&theme=dark', 'embed.html?static=1'];
        for (const path of paths) {
          const res = await page.goto(`${server.url}${path}`);
          expect(res?.headers()['content-security-policy']).toBe(csp);
          await frameIdle(page.mainFrame());
          expect(await page.evaluate(() => window.corridors?.mode)).toBe(
            path.includes('static') ? 'svg' : 'webgl',
          );
        }
      }
    } finally {
      await tightest.close();
    }
    expect(cspProblems(probed)).toEqual([]);
    expect(g.pageErrors).toEqual([]);
    // The probe does see a violation when there is one.
    await page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.inlineRan = true';
      document.head.appendChild(s);
    });
    await expect.poll(() => cspProblems(probed).length).toBeGreaterThan(0);
    expect(
      await page.evaluate(() => (window as unknown as { inlineRan?: boolean }).inlineRan),
    ).toBeUndefined();
  });

  it('gives an editor both snippets for the current state, and the loader snippet works as pasted', async () => {
    const page = g.page;
    await page.goto(`${served.url}index.html?f=rail-btk&lang=en`);
    await frameIdle(page.mainFrame());
    await page.locator('#embed-button').click();
    const dialog = page.locator('dialog.embed-dialog');
    await expect(dialog.isVisible()).resolves.toBe(true);
    await dialog.locator('select[data-flag="theme"]').selectOption('dark');
    await dialog.locator('input[data-flag="legend"]').uncheck();
    const loader = await dialog.locator('#embed-snippet-loader').inputValue();
    const iframe = await dialog.locator('#embed-snippet-iframe').inputValue();
    expect(loader).toContain('data-corridors="f=rail-btk&amp;lang=en&amp;theme=dark&amp;legend=0"');
    expect(loader).toContain(`src="${served.url}embed-loader.js"`);
    expect(iframe).toContain(
      `src="${served.url}embed.html?f=rail-btk&amp;lang=en&amp;theme=dark&amp;legend=0&amp;embed=1"`,
    );
    await dialog.locator('.embed-close').click();
    await expect.poll(() => dialog.count()).toBe(0);

    Object.assign(hostServer.pages, {
      'pasted.html': `<!doctype html><meta charset="utf-8"><h1>Pasted</h1>${loader}<p>After</p>`,
      'iframe.html': `<!doctype html><meta charset="utf-8"><h1>Iframe</h1>${iframe}<p>After</p>`,
    });
    await page.goto(`${HOST}pasted.html`);
    const frame = await frameOf(page);
    await frameIdle(frame);
    expect(await frame.evaluate(() => window.corridors?.store.getState().selected)).toBe('rail-btk');
    expect(await frame.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    expect(await frame.locator('#embed-legend').isVisible()).toBe(false);
    expect(await page.locator('[data-corridors] img').getAttribute('src')).toBe(
      `${served.url}data/placeholder-dark.svg`,
    );
    // The full-map link carries the state, not the embed's flags.
    expect(await frame.locator('#embed-full-link').getAttribute('href')).toBe(
      `${served.url}index.html?f=rail-btk&lang=en`,
    );

    await page.goto(`${HOST}iframe.html`);
    // The iframe may attach after the host page's load event: wait for it rather than look once.
    await expect.poll(() => page.frames().some((f) => f.url().includes('/embed.html'))).toBe(true);
    const plain = page.frames().find((f) => f.url().includes('/embed.html'));
    if (!plain) throw new Error('no plain iframe');
    await frameIdle(plain);
    expect(await plain.evaluate(() => window.corridors?.store.getState().selected)).toBe('rail-btk');
    expect(await plain.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(cspProblems(probed)).toEqual([]);
  });
});

declare global {
  interface Window {
    CorridorsEmbed?: { scan(): void; live(): { frames: number; gl: number } };
  }
}
