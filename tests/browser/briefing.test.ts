// Briefing mode against the production build with the network off (issue 5): stepping with the keys moves the
// map and the URL; a reload at step=3 shows step 3; the presenter window follows the main one and drives it; the
// PNG export has the requested size and is not blank; the SVG export parses and holds the step's features; the
// handout prints one page per step.
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AppData } from '../../src/domain/app-data.ts';
import { type Guarded, guardedPage, launch, openApp, type Served, serveBuild, waitIdle } from './harness.ts';
import { seedAppData } from './seed-data.ts';

const data: AppData = seedAppData();
const steps = data.briefing.steps;
const stepAt = (n: number) => {
  const s = steps[n - 1];
  if (s === undefined) throw new Error(`the briefing has no step ${n}`);
  return s;
};

let browser: Browser;
let served: Served;
let g: Guarded;

beforeAll(async () => {
  [browser, served] = await Promise.all([launch(), serveBuild()]);
});
afterAll(async () => {
  await g?.context.close();
  await browser?.close();
  await served?.close();
});
beforeEach(async () => {
  await g?.context.close();
  g = await guardedPage(browser);
});

async function shown(page: Page): Promise<{ step: string | null; title: string; url: string }> {
  return page.evaluate(() => ({
    step: document.querySelector('.briefing-step')?.getAttribute('data-step') ?? null,
    title: document.querySelector('#briefing-step-title')?.textContent ?? '',
    url: window.location.search,
  }));
}

async function center(page: Page): Promise<[number, number]> {
  return page.evaluate(() => {
    const c = window.corridors?.map?.getCenter();
    if (!c) throw new Error('no map');
    return [Math.round(c.lng * 1000) / 1000, Math.round(c.lat * 1000) / 1000] as [number, number];
  });
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('briefing mode', () => {
  it('has a real briefing of 6 to 8 steps in the data', () => {
    expect(data.briefing.generated).toBe(false);
    expect(steps.length).toBeGreaterThanOrEqual(6);
    expect(steps.length).toBeLessThanOrEqual(8);
  });

  it('steps with the keys, moving the map and the URL', async () => {
    await openApp(g.page, served.url, '?mode=briefing&step=1');
    expect(await shown(g.page)).toMatchObject({ step: '1', title: stepAt(1).title.ru });
    expect(await g.page.evaluate(() => document.body.classList.contains('briefing'))).toBe(true);
    const c1 = await center(g.page);

    const expectStep = async (n: number) => {
      await waitIdle(g.page);
      const s = await shown(g.page);
      expect(s.step).toBe(String(n));
      expect(s.title).toBe(stepAt(n).title.ru);
      expect(new URLSearchParams(s.url).get('step')).toBe(String(n));
      expect(new URLSearchParams(s.url).getAll('mode')).toContain('briefing');
    };
    await g.page.keyboard.press('ArrowRight');
    await expectStep(2);
    const c2 = await center(g.page);
    expect(c2).not.toEqual(c1);
    // The step's features are emphasised on the map, the rest dimmed.
    const states = await g.page.evaluate((ids) => {
      const map = window.corridors?.map;
      return ids.map((id) => map?.getFeatureState({ source: 'corridor-features', id }).selected === true);
    }, stepAt(2).features);
    expect(states.every(Boolean)).toBe(true);

    await g.page.keyboard.press('PageDown');
    await expectStep(3);
    await g.page.keyboard.press('Space');
    await expectStep(4);
    await g.page.keyboard.press('PageUp');
    await expectStep(3);
    await g.page.keyboard.press('ArrowLeft');
    await expectStep(2);
    await g.page.keyboard.press('End');
    await expectStep(steps.length);
    await g.page.keyboard.press('ArrowRight'); // past the end: stays
    await expectStep(steps.length);
    await g.page.keyboard.press('Home');
    await expectStep(1);
    expect(await center(g.page)).toEqual(c1);
    await g.page.keyboard.press('5');
    await g.page.keyboard.press('Enter');
    await expectStep(5);
    // Back in history goes back a step.
    await g.page.goBack();
    await expectStep(1);
    // F toggles full screen where the browser allows it (the keydown is the user gesture it needs).
    const fullscreen = () => g.page.evaluate(() => document.fullscreenElement !== null);
    if (await g.page.evaluate(() => document.fullscreenEnabled)) {
      await g.page.keyboard.press('f');
      await g.page.waitForFunction(() => document.fullscreenElement !== null);
      await g.page.keyboard.press('f');
      await g.page.waitForFunction(() => document.fullscreenElement === null);
    }
    expect(await fullscreen()).toBe(false);
    await expectStep(1);

    await g.page.keyboard.press('Escape');
    await waitIdle(g.page);
    expect(await g.page.evaluate(() => document.body.classList.contains('briefing'))).toBe(false);
    expect(new URLSearchParams((await shown(g.page)).url).getAll('mode')).not.toContain('briefing');
    expect(await g.page.locator('#briefing').isHidden()).toBe(true);
    // Out of briefing mode, the keys are the map's and the page's again.
    await g.page.keyboard.press('ArrowRight');
    expect(new URLSearchParams((await shown(g.page)).url).get('step')).toBeNull();
    expect(g.offsite).toEqual([]);
    expect(g.pageErrors).toEqual([]);
  });

  it('opens at the step in the URL, in the language in the URL, and keeps a bad step at 1', async () => {
    await openApp(g.page, served.url, '?mode=briefing&step=3&lang=en');
    const s = await shown(g.page);
    expect(s.step).toBe('3');
    expect(s.title).toBe(stepAt(3).title.en);
    await g.page.reload();
    await waitIdle(g.page);
    expect((await shown(g.page)).step).toBe('3');
    // The map frames step 3's features: each drawn part is on screen.
    const inView = await g.page.evaluate(
      (ids) => {
        const map = window.corridors?.map;
        if (!map) return false;
        const rendered = new Set(
          map.queryRenderedFeatures({ layers: ['feature-line-hit', 'feature-points'] }).map((f) => f.id),
        );
        return ids.some((id) => rendered.has(id));
      },
      data.features.features
        .filter(
          (f) =>
            f.properties.partOf.some((p) => stepAt(3).features.includes(p)) ||
            stepAt(3).features.includes(f.properties.id),
        )
        .map((f) => f.properties.id),
    );
    expect(inView).toBe(true);

    await openApp(g.page, served.url, '?mode=briefing&step=99');
    expect(new URLSearchParams((await shown(g.page)).url).get('step')).toBe('1');
    expect((await shown(g.page)).step).toBe('1');
    expect(g.offsite).toEqual([]);
  });

  it('keeps the map beside the step in a narrow window, where the reading view turns into one column', async () => {
    await g.page.setViewportSize({ width: 800, height: 600 });
    await openApp(g.page, served.url, '?mode=briefing&step=3');
    const boxes = await g.page.evaluate(() =>
      ['.map-wrap', '#briefing'].map((s) => {
        const r = (document.querySelector(s) as HTMLElement).getBoundingClientRect();
        return { top: Math.round(r.top), left: Math.round(r.left), height: Math.round(r.height) };
      }),
    );
    type Box = { top: number; left: number; height: number };
    const [map, step] = boxes as [Box, Box];
    // side by side and as tall as the window, as in a wide one (the reading view's rows must not reach it)
    expect({ sameTop: map.top === step.top, mapFirst: map.left < step.left, mapHeight: map.height }).toEqual({
      sameTop: true,
      mapFirst: true,
      mapHeight: 600,
    });
  });

  it('enters from the header button and shows figure cards with outlet and date on every figure', async () => {
    await openApp(g.page, served.url);
    await g.page.click('#briefing-start');
    await waitIdle(g.page);
    expect(new URLSearchParams((await shown(g.page)).url).get('step')).toBe('1');
    // The step on turnover: every figure card names its outlet (or says none is named) and a date.
    const turnover = steps.findIndex((s) => s.id === 'trade-turnover') + 1;
    await g.page.evaluate((n) => window.corridors?.briefing?.go(n), turnover);
    const cards = g.page.locator('#briefing .figure-card');
    expect(await cards.count()).toBe(stepAt(turnover).figures.length);
    for (const text of await g.page.locator('#briefing .figure-card .figure-source').allTextContents()) {
      expect(text).toMatch(/\d{4}/);
    }
    expect(await g.page.locator('#briefing .figure-card.disputed').count()).toBeGreaterThan(0);
  });

  it('keeps the presenter window in step, both ways', async () => {
    await openApp(g.page, served.url, '?mode=briefing&step=2');
    const [popup] = await Promise.all([g.page.waitForEvent('popup'), g.page.keyboard.press('n')]);
    popup.on('pageerror', (e) => g.pageErrors.push(String(e)));
    await popup.waitForFunction(() => window.corridorsPresenter !== undefined);
    await popup.evaluate(() => window.corridorsPresenter?.ready);
    const presenter = async () =>
      popup.evaluate(() => ({
        step: document.querySelector('.presenter')?.getAttribute('data-step') ?? null,
        title: document.querySelector('.presenter-title')?.textContent ?? '',
        notes: document.querySelector('.presenter-notes')?.textContent ?? '',
        next: document.querySelector('.presenter-next-title')?.textContent ?? '',
        elapsed: document.querySelector('.presenter-elapsed')?.textContent ?? '',
      }));
    await popup.waitForFunction(
      () => document.querySelector('.presenter')?.getAttribute('data-step') === '2',
    );
    const p2 = await presenter();
    expect(p2.title).toBe(stepAt(2).title.ru);
    expect(p2.notes).toContain(stepAt(2).notes.ru.slice(0, 40));
    expect(p2.next).toContain(stepAt(3).title.ru);
    expect(p2.elapsed).toMatch(/^\d\d:\d\d$/);

    // The main window steps: the presenter follows.
    await g.page.bringToFront();
    await g.page.keyboard.press('ArrowRight');
    await popup.waitForFunction(
      () => document.querySelector('.presenter')?.getAttribute('data-step') === '3',
    );
    expect((await presenter()).title).toBe(stepAt(3).title.ru);
    // The presenter steps: the main window follows, URL and all.
    await popup.bringToFront();
    await popup.keyboard.press('PageDown');
    await g.page.waitForFunction(
      () => document.querySelector('.briefing-step')?.getAttribute('data-step') === '4',
    );
    expect(new URLSearchParams((await shown(g.page)).url).get('step')).toBe('4');
    // A language change in the main window reaches the presenter.
    await g.page.evaluate(() => window.corridors?.store.getState().setLang('en', 'panel'));
    await popup.waitForFunction(
      (t) => document.querySelector('.presenter-title')?.textContent === t,
      stepAt(4).title.en,
    );
    expect(g.offsite).toEqual([]);
    expect(g.pageErrors).toEqual([]);
  });

  it('exports the view as a PNG of 1920×1080 and 3840×2160 that is not blank', async () => {
    await openApp(g.page, served.url, '?mode=briefing&step=2');
    for (const scale of [1, 2]) {
      const url = await g.page.evaluate((scale) => window.corridors?.briefing?.exportPng({ scale }), scale);
      expect(url).toMatch(/^data:image\/png;base64,/);
      const bytes = Buffer.from((url ?? '').split(',')[1] ?? '', 'base64');
      expect(pngSize(bytes)).toEqual({ width: 1920 * scale, height: 1080 * scale });
      // Not blank: many colours, and both the map's water and land are there.
      const colours = await g.page.evaluate(async (url) => {
        const img = new Image();
        img.src = url;
        await img.decode();
        const c = document.createElement('canvas');
        c.width = 480;
        c.height = 270;
        const ctx = c.getContext('2d');
        if (!ctx) return 0;
        ctx.drawImage(img, 0, 0, c.width, c.height);
        const px = ctx.getImageData(0, 0, c.width, c.height).data;
        const seen = new Set<number>();
        for (let i = 0; i < px.length; i += 4)
          seen.add(((px[i] ?? 0) << 16) | ((px[i + 1] ?? 0) << 8) | (px[i + 2] ?? 0));
        return seen.size;
      }, url ?? '');
      expect(colours).toBeGreaterThan(50);
    }
    // The button offers it as a download.
    const [file] = await Promise.all([g.page.waitForEvent('download'), g.page.click('.briefing-png')]);
    expect(file.suggestedFilename()).toBe(`caspian-corridors-step-2-${stepAt(2).id}.png`);
    const path = await file.path();
    expect(pngSize(readFileSync(path))).toEqual({ width: 1920, height: 1080 });
    expect(g.offsite).toEqual([]);
    expect(g.pageErrors).toEqual([]);
  }, 300_000); // the first export compiles a new WebGL context's shaders: slow on a software renderer

  it('exports the view as an SVG that parses and holds the step’s features, names and frame', async () => {
    await openApp(g.page, served.url, '?mode=briefing&step=2&lang=en');
    const result = await g.page.evaluate((ids) => {
      const text = window.corridors?.briefing?.exportSvg() ?? '';
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      const root = doc.documentElement;
      return {
        error: doc.querySelector('parsererror')?.textContent ?? null,
        root: root.nodeName,
        ns: root.namespaceURI,
        width: root.getAttribute('width'),
        height: root.getAttribute('height'),
        found: ids.map(
          (id) =>
            doc.querySelector(`[data-feature-id="${id}"] path, [data-feature-id="${id}"] circle`) !== null,
        ),
        selected: ids.map(
          (id) => doc.querySelector(`[data-feature-id="${id}"]`)?.classList.contains('is-selected') ?? false,
        ),
        labels: [...doc.querySelectorAll('text')].map((t) => t.textContent ?? ''),
        land: doc.querySelector('.svg-land')?.getAttribute('d')?.length ?? 0,
        lineFill: doc.querySelector('.svg-feature path.svg-mark')?.getAttribute('fill') ?? null,
      };
    }, stepAt(2).features);
    expect(result.error).toBeNull();
    expect(result).toMatchObject({
      root: 'svg',
      ns: 'http://www.w3.org/2000/svg',
      width: '1920',
      height: '1080',
    });
    expect(result.found.every(Boolean)).toBe(true);
    expect(result.selected.every(Boolean)).toBe(true);
    expect(result.land).toBeGreaterThan(1000);
    // Line paths must not be filled when the file is opened without our stylesheet.
    expect(result.lineFill).toBe('none');
    expect(result.labels).toContain(stepAt(2).title.en);
    expect(result.labels.some((l) => l.includes('Natural Earth'))).toBe(true);
    expect(result.labels.some((l) => l.includes('Aktau') || l.includes('Kuryk'))).toBe(true);
    const [file] = await Promise.all([g.page.waitForEvent('download'), g.page.click('.briefing-svg')]);
    expect(file.suggestedFilename()).toMatch(/\.svg$/);
    expect(readFileSync(await file.path(), 'utf8')).toMatch(/^<\?xml/);
    expect(g.offsite).toEqual([]);
  });

  it('prints the handout to PDF with one page per step', async () => {
    await openApp(g.page, served.url, '?mode=briefing&step=1');
    const pages = await g.page.evaluate(() => window.corridors?.briefing?.renderHandout());
    expect(pages).toBe(steps.length);
    const pdf = await g.page.pdf({ preferCSSPageSize: true, printBackground: true });
    const text = pdf.toString('latin1');
    const count = (text.match(/\/Type\s*\/Page(?!s)/g) ?? []).length;
    expect(count).toBe(steps.length);
    // Each page has a map, and the source notes name the outlets.
    const handout = await g.page.evaluate(() =>
      [...document.querySelectorAll('#handout .handout-page')].map((p) => ({
        map: p.querySelector('svg .svg-land') !== null,
        sources: p.querySelectorAll('.handout-sources li').length,
      })),
    );
    expect(handout.every((p) => p.map && p.sources >= 1)).toBe(true);
    expect(g.offsite).toEqual([]);
    expect(g.pageErrors).toEqual([]);
  });
});
