import { describe, expect, it } from 'vitest';
import type { AppData } from '../../src/domain/app-data.ts';
import { STATUS_LINE_LAYERS } from '../../src/map/style.ts';
import { browserSuite, openApp, panelHeading, waitIdle } from './harness.ts';
import { seedAppData } from './seed-data.ts';

const data: AppData = seedAppData();
const name = (id: string) =>
  data.features.features.find((f) => f.properties.id === id)?.properties.name.ru ?? id;

const suite = browserSuite();

/** Features drawn on the map, by the status layer each is drawn in. */
const drawn = () =>
  suite.g.page.evaluate((groups) => {
    const map = window.corridors?.map;
    if (!map) return {};
    const out: Record<string, string> = {};
    // each status group has a layer per kind of line (style.ts); the group's prefix names where a line is drawn
    for (const [group, layers] of Object.entries(groups)) {
      for (const f of map.queryRenderedFeatures({ layers: [...layers] }))
        out[String(f.properties.id)] = group;
    }
    for (const f of map.queryRenderedFeatures({ layers: ['feature-points'] }))
      out[String(f.properties.id)] = 'point';
    return out;
  }, STATUS_LINE_LAYERS);

describe('exploring', () => {
  it('offers port-kuryk for "Курыка" and selects it from the keyboard', async () => {
    await openApp(suite.g.page, suite.served.url);
    await suite.g.page.locator('#search-input').fill('Курыка');
    const option = suite.g.page.locator(
      '#search-results [role="option"][data-kind="feature"][data-id="port-kuryk"]',
    );
    await expect.poll(() => option.count()).toBe(1);
    await expect(suite.g.page.locator('#search-input').getAttribute('aria-expanded')).resolves.toBe('true');
    // The first option is active; move to port-kuryk with the arrows and choose it with Enter.
    const ids = await suite.g.page
      .locator('#search-results [role="option"]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-id')));
    for (let i = 0; i < ids.indexOf('port-kuryk'); i++) await suite.g.page.keyboard.press('ArrowDown');
    await suite.g.page.keyboard.press('Enter');
    await expect.poll(() => panelHeading(suite.g.page)).toBe(name('port-kuryk'));
  });

  it('lays the search results over the map, whole, without scrolling the sidebar sideways', async () => {
    const { page } = suite.g;
    await openApp(page, suite.served.url);
    await page.locator('#search-input').fill('Баку');
    const option = page.locator('#search-results [role="option"][data-id="pipeline-btc"]');
    await expect.poll(() => option.count()).toBe(1);
    // The options are wider than the sidebar: their right half lies over the map, and is what the reader sees
    // there (not clipped by the sidebar's edge), and nothing in the sidebar moved sideways to show them.
    const seen = await page.evaluate(() => {
      const side = (document.querySelector('.sidebar') as HTMLElement).getBoundingClientRect();
      const list = (document.querySelector('#search-results') as HTMLElement).getBoundingClientRect();
      const option = document.querySelector('#search-results [data-id="pipeline-btc"]') as HTMLElement;
      const row = option.getBoundingClientRect();
      const x = side.right + 40;
      const hit = document.elementFromPoint(x, row.top + row.height / 2);
      const scrolled = [...document.querySelectorAll<HTMLElement>('.sidebar, .sidebar *')].filter(
        (e) => e.scrollLeft !== 0,
      );
      return {
        widerThanSidebar: list.right > x,
        hitIsOption: hit !== null && option.contains(hit),
        scrolledSideways: scrolled.length,
      };
    });
    expect(seen).toEqual({ widerThanSidebar: true, hitIsOption: true, scrolledSideways: 0 });
  });

  it('finds sentences, speakers and figures, and opens the sentence', async () => {
    await openApp(suite.g.page, suite.served.url);
    await suite.g.page.locator('#search-input').fill('547');
    await expect.poll(() => suite.g.page.locator('#search-results [data-kind="figure"]').count()).toBe(2);
    await suite.g.page.locator('#search-input').fill('Полетаева');
    await expect.poll(() => suite.g.page.locator('#search-results [data-kind="speaker"]').count()).toBe(1);
    await suite.g.page.locator('#search-results [data-kind="speaker"]').click();
    await expect.poll(() => suite.g.page.locator('.article-view .sentence.highlighted').count()).toBe(1);
  });

  it('hides the other statuses with a status filter, or dims them', async () => {
    await openApp(suite.g.page, suite.served.url);
    const before = await drawn();
    expect(Object.values(before)).toContain('feature-line-construction');
    await suite.g.page.locator('.filters input[data-group="construction"]').click();
    await expect
      .poll(async () => Object.values(await drawn()).includes('feature-line-construction'))
      .toBe(false);
    expect(suite.g.page.url()).toContain('hs=construction');
    await suite.g.page.locator('.filters input[data-mode="dim"]').click();
    await expect
      .poll(async () => Object.values(await drawn()).includes('feature-line-construction'))
      .toBe(true);
    const dimmed = await suite.g.page.evaluate(
      () =>
        window.corridors?.map?.getFeatureState({ source: 'corridor-features', id: 'rail-kars-nakhchivan' })
          .filtered,
    );
    expect(dimmed).toBe(true);
  });

  it('restores filters and the as-of date from the URL on reload', async () => {
    const query = '?hk=place&hs=planned&ho=Trend&from=2025-10-01&mode=hide&asof=2015-01-01';
    await openApp(suite.g.page, suite.served.url, query);
    const check = async () => {
      const d = await drawn();
      expect(Object.keys(d).some((id) => id.startsWith('place-'))).toBe(false);
      expect(d['rail-btk']).toBe('feature-line-construction');
      await expect(suite.g.page.locator('.filters input[data-outlet="Trend"]').isChecked()).resolves.toBe(
        false,
      );
      await expect(suite.g.page.locator('#filter-from').inputValue()).resolves.toBe('2025-10-01');
      await expect(suite.g.page.locator('#filter-as-of').inputValue()).resolves.toBe('2015-01-01');
      // The article list honours the outlet and date filters.
      const outlets = await suite.g.page.locator('.article-list button').allTextContents();
      expect(outlets.some((o) => o.startsWith('Trend'))).toBe(false);
      expect(outlets.some((o) => o.startsWith('Day.Az'))).toBe(false);
    };
    await check();
    await suite.g.page.reload();
    await waitIdle(suite.g.page);
    await check();
  });

  it('shows the Baku–Tbilisi–Kars railway as not yet operational before it opened', async () => {
    await openApp(suite.g.page, suite.served.url, '?f=rail-btk');
    expect((await drawn())['rail-btk']).toBe('feature-line-operational');
    await suite.g.page.locator('#filter-as-of').fill('2016-06-01');
    await suite.g.page.locator('#filter-as-of').dispatchEvent('change');
    await expect.poll(async () => (await drawn())['rail-btk']).toBe('feature-line-construction');
    await expect(suite.g.page.locator('.status-then').textContent()).resolves.toBe('Строится');
    await suite.g.page.locator('#filter-as-of').fill('2005-01-01');
    await suite.g.page.locator('#filter-as-of').dispatchEvent('change');
    await expect.poll(async () => (await drawn())['rail-btk']).toBeUndefined();
    await suite.g.page.locator('#as-of-now').click();
    await expect.poll(async () => (await drawn())['rail-btk']).toBe('feature-line-operational');
  });

  it('flags an overdue plan in the list, the panel and the timeline', async () => {
    await openApp(suite.g.page, suite.served.url, '?f=rail-horadiz-aghband&asof=2026-03-01');
    await expect(suite.g.page.locator('.feature-panel .overdue-banner').count()).resolves.toBe(1);
    await expect(suite.g.page.locator('.milestones li.plan.overdue').count()).resolves.toBe(1);
    const flagged = suite.g.page.locator('.feature-list li', { has: suite.g.page.locator('.overdue-flag') });
    await expect(flagged.locator('.feature-button').first().getAttribute('data-feature-id')).resolves.toBe(
      'rail-horadiz-aghband',
    );
    await suite.g.page.locator('.view-switch [data-view="timeline"]').click();
    await expect
      .poll(() => suite.g.page.locator('#figures svg.chart .tl-overdue').count())
      .toBeGreaterThanOrEqual(1);
    // Before the planned date nothing is overdue.
    await openApp(suite.g.page, suite.served.url, '?f=rail-horadiz-aghband&asof=2024-06-01');
    await expect(suite.g.page.locator('.feature-panel .overdue-banner').count()).resolves.toBe(0);
  });

  it('puts milestones and article dates on the timeline, each leading to its source', async () => {
    await openApp(suite.g.page, suite.served.url, '?view=timeline');
    await expect.poll(() => suite.g.page.locator('#figures svg.chart .tl-event').count()).toBeGreaterThan(20);
    expect(await suite.g.page.locator('#figures svg.chart .tl-article').count()).toBeGreaterThan(0);
    const links = await suite.g.page
      .locator('.timeline-list a.source-link')
      .evaluateAll((els) => els.map((e) => (e as HTMLAnchorElement).protocol));
    expect(links.length).toBeGreaterThan(20);
    expect(links.every((p) => p === 'http:' || p === 'https:')).toBe(true);
    await suite.g.page.locator('#figures svg.chart .tl-article').first().click();
    await expect.poll(() => suite.g.page.locator('.article-view .sentence.highlighted').count()).toBe(1);
  });

  it('keeps every row label of the timeline inside the chart, a cut one whole in its tooltip', async () => {
    const { page } = suite.g;
    await openApp(page, suite.served.url, '?view=timeline&lang=en');
    const labels = page.locator('#figures svg.chart .row-label');
    await expect.poll(() => labels.count()).toBeGreaterThan(20);
    const names = new Set(data.features.features.map((f) => f.properties.name.en));
    const rows = await labels.evaluateAll((els) =>
      els.map((e) => ({
        x: (e as SVGTextElement).getBBox().x,
        text: (e.firstChild?.textContent ?? '').trim(),
        title: e.querySelector('title')?.textContent ?? null,
      })),
    );
    // The longest English name ("Trans-Caspian International Transport Route (Middle Corridor)") ran ~100 units
    // off the chart's left edge when the margin was a fixed 250.
    expect(rows.filter((r) => r.x < 0)).toEqual([]);
    for (const r of rows) {
      const whole = r.title ?? r.text;
      expect(names.has(whole), whole).toBe(true);
      if (r.title !== null) {
        // a name's first words and last words, "…" between them (or its start alone, then "…")
        const [head = '', tail = ''] = r.text.split(' … ');
        expect(r.title.startsWith(head.replace(/…$/, '')), r.text).toBe(true);
        expect(r.title.endsWith(tail), r.text).toBe(true);
      } else expect(r.text.includes('…')).toBe(false);
    }
  });

  it('highlights on the map every feature an opened article names', async () => {
    await openApp(suite.g.page, suite.served.url);
    const article = data.joined.articles.find((a) => a.source === 'Zakon.kz');
    if (!article) throw new Error('no Zakon.kz article');
    await suite.g.page.locator(`.article-list button[data-article-id="${article.id}"]`).click();
    // The article's text and mentions arrive in a file of their own: the view is busy until then.
    await expect.poll(() => suite.g.page.locator('.article-view:not([aria-busy])').count()).toBe(1);
    const named = [
      ...new Set(data.joined.mentions.filter((m) => m.articleId === article.id).flatMap((m) => m.featureIds)),
    ];
    const states = await suite.g.page.evaluate((ids) => {
      const map = window.corridors?.map;
      return ids
        .filter((id) => !id.startsWith('corridor-') && !id.startsWith('route-'))
        .map((id) => map?.getFeatureState({ source: 'corridor-features', id }).selected);
    }, named);
    expect(states.length).toBeGreaterThan(2);
    expect(states.every((s) => s === true)).toBe(true);
    const other = await suite.g.page.evaluate(
      () =>
        window.corridors?.map?.getFeatureState({ source: 'corridor-features', id: 'cable-caspian-power' })
          .dim,
    );
    expect(other).toBe(true);
  });
});
