import { describe, expect, it } from 'vitest';
import { CHART_RESIZE_SETTLE_MS } from '../../src/charts/chart-width.ts';
import type { AppData } from '../../src/domain/app-data.ts';
import { browserSuite, openApp, panelHeading } from './harness.ts';
import { seedAppData } from './seed-data.ts';

const data: AppData = seedAppData();

const suite = browserSuite();

describe('figures', () => {
  it('renders the Figures view as SVG charts with a title and a description', async () => {
    await openApp(suite.g.page, suite.served.url);
    await suite.g.page.locator('.view-switch [data-view="figures"]').click();
    await expect.poll(() => suite.g.page.locator('#figures svg.chart').count()).toBeGreaterThanOrEqual(3);
    expect(suite.g.page.url()).toContain('view=figures');
    const titles = await suite.g.page.locator('#figures svg.chart > title').allTextContents();
    expect(titles).toContain('Товарооборот Казахстана и Азербайджана');
    expect(await suite.g.page.locator('#figures svg.chart > desc').count()).toBeGreaterThanOrEqual(3);
    // One mark per figure of the turnover chart, and the disagreeing ones drawn as such.
    expect(
      await suite.g.page.locator('#figures svg.chart .mark.actual.disputed').count(),
    ).toBeGreaterThanOrEqual(3);
    expect(await suite.g.page.locator('#figures svg.chart .disagree-link').count()).toBeGreaterThanOrEqual(2);
    expect(suite.g.offsite).toEqual([]);
    expect(suite.g.pageErrors).toEqual([]);
  });

  it('draws every chart at its column’s width, its text at 11 px, and again when the window changes', async () => {
    // Drawn at a fixed 720 or 900 units and scaled into the column, the charts' 11-unit text showed at 6.6–8 px.
    const page = suite.g.page;
    /** each chart's shown width over its drawn width, its width against the column's, and a label's height */
    const charts = () =>
      page.evaluate(() => {
        const wrap = document.getElementById('figures') as HTMLElement;
        const style = getComputedStyle(wrap);
        const column =
          wrap.clientWidth - Number.parseFloat(style.paddingLeft) - Number.parseFloat(style.paddingRight);
        return [...wrap.querySelectorAll<SVGSVGElement>('svg.chart')].map((svg) => {
          // a label of the chart's own (d3's axes write their ticks at 10 px)
          const text = [...svg.querySelectorAll('text')].find(
            (t) => t.closest('.axis') === null && t.textContent !== '',
          ) as SVGTextElement;
          return {
            scale: svg.getBoundingClientRect().width / svg.viewBox.baseVal.width,
            spare: column - svg.viewBox.baseVal.width,
            fontSize: getComputedStyle(text).fontSize,
            textHeight: text.getBoundingClientRect().height,
          };
        });
      });
    const atColumnWidth = async () => {
      const drawn = await charts();
      return (
        drawn.length > 0 &&
        drawn.every((c) => Math.abs(c.scale - 1) < 0.01 && c.spare >= 0 && c.spare < 1 && c.textHeight >= 11)
      );
    };
    for (const view of ['figures', 'timeline']) {
      await page.setViewportSize({ width: 1600, height: 900 });
      await openApp(page, suite.served.url, `?view=${view}`);
      await expect.poll(() => page.locator('#figures svg.chart').count()).toBeGreaterThan(0);
      await expect.poll(atColumnWidth, { message: view }).toBe(true);
      expect(new Set((await charts()).map((c) => c.fontSize))).toEqual(new Set(['11px']));
      const wide = (await charts()).map((c) => c.spare);
      // A narrower window: the column narrows, and the charts are drawn again to fit it.
      await page.setViewportSize({ width: 1100, height: 900 });
      await expect.poll(atColumnWidth, { message: `${view} at 1100 px` }).toBe(true);
      expect(wide).toHaveLength((await charts()).length);
    }
    expect(suite.g.pageErrors).toEqual([]);
  });

  it('draws the charts again once the window has stopped changing, not while it is dragged', async () => {
    // Drawn again on every frame of a window being dragged, the charts took ~0.3 s a frame at 10,000 articles.
    const page = suite.g.page;
    await page.setViewportSize({ width: 1600, height: 900 });
    // A clock the test can stop (it runs as usual until then): installed before the page's scripts take theirs.
    await page.clock.install();
    await openApp(page, suite.served.url, '?view=figures');
    await expect.poll(() => page.locator('#figures svg.chart').count()).toBeGreaterThan(0);
    const charts = await page.locator('#figures svg.chart').count();
    await page.evaluate(() => {
      const w = window as unknown as { __chartsDrawn: number };
      w.__chartsDrawn = 0;
      new MutationObserver((records) => {
        for (const r of records)
          for (const n of r.addedNodes)
            if (n instanceof SVGSVGElement && n.matches('svg.chart')) w.__chartsDrawn++;
      }).observe(document.getElementById('figures') as HTMLElement, { childList: true, subtree: true });
    });
    const drawn = () => page.evaluate(() => (window as unknown as { __chartsDrawn: number }).__chartsDrawn);
    // A second observer of the charts' column: its count rises in the same rendering step as the app's observer
    // hears of a new width, so the test knows the app has (a fixed wait was sometimes too short on a busy machine,
    // and the settling timer of the width before then ran on through two steps of the clock).
    await page.evaluate(() => {
      const w = window as unknown as { __resized: number };
      w.__resized = 0;
      new ResizeObserver(() => {
        w.__resized++;
      }).observe(document.getElementById('figures') as HTMLElement);
    });
    const resized = () => page.evaluate(() => (window as unknown as { __resized: number }).__resized);
    await expect.poll(resized).toBeGreaterThan(0);
    // The page's clock from here on moves only when the test moves it.
    await page.clock.pauseAt(await page.evaluate(() => Date.now() + 1000));
    for (const width of [1500, 1400, 1300, 1200, 1100]) {
      const before = await resized();
      await page.setViewportSize({ width, height: 900 });
      // the column's new width reaches the page (a real frame), then less time than the settling passes
      await expect.poll(resized).toBeGreaterThan(before);
      await page.clock.runFor(CHART_RESIZE_SETTLE_MS - 50);
    }
    expect(await drawn()).toBe(0);
    await page.clock.runFor(CHART_RESIZE_SETTLE_MS + 50);
    expect(await drawn()).toBe(charts);
    const widths = await page.evaluate(() => {
      const wrap = document.getElementById('figures') as HTMLElement;
      const style = getComputedStyle(wrap);
      const column =
        wrap.clientWidth - Number.parseFloat(style.paddingLeft) - Number.parseFloat(style.paddingRight);
      return [...wrap.querySelectorAll<SVGSVGElement>('svg.chart')].map((svg) =>
        Math.round(column - svg.viewBox.baseVal.width),
      );
    });
    expect(new Set(widths)).toEqual(new Set([0]));
    expect(suite.g.pageErrors).toEqual([]);
  });

  it('fits the Figures view in its column at 1280×800, and a value in the table opens its sentence', async () => {
    // The table had a column of "Sentence" buttons of its own: 615 px in a 542 px column, so the whole view
    // scrolled sideways, charts and all.
    const page = suite.g.page;
    await page.setViewportSize({ width: 1280, height: 800 });
    await openApp(page, suite.served.url, '?view=figures');
    await page.locator('.figures-table').waitFor();
    const overflow = await page.evaluate(() => {
      const wrap = document.getElementById('figures') as HTMLElement;
      const scroller = document.querySelector('.table-scroll') as HTMLElement;
      return {
        view: wrap.scrollWidth - wrap.clientWidth,
        table: scroller.scrollWidth - scroller.clientWidth,
      };
    });
    expect(overflow).toEqual({ view: 0, table: 0 });
    const row = page.locator('.figures-table tbody tr').first();
    const mentionId = await row.getAttribute('data-mention-id');
    const value = row.locator('td').first().getByRole('button');
    await expect(value.getAttribute('aria-label')).resolves.toMatch(/: открыть предложение$/);
    await value.click();
    const hl = page.locator('.article-view .sentence.highlighted');
    await expect.poll(() => hl.getAttribute('data-mention-id')).toBe(mentionId);
    expect(suite.g.pageErrors).toEqual([]);
  });

  it('opens the sentence of a chart mark, highlighted in its article', async () => {
    await openApp(suite.g.page, suite.served.url, '?view=figures');
    const mark = suite.g.page.locator('#figures svg.chart .mark.actual').first();
    const mentionId = await mark.getAttribute('data-mention-id');
    // Its dot, as a reader would: the centre of the whole mark (a period's segment, the dot, a label pushed clear of
    // the others) can be empty chart.
    await mark.locator('circle').click();
    const hl = suite.g.page.locator('.article-view .sentence.highlighted');
    await expect.poll(() => hl.count()).toBe(1);
    await expect(hl.getAttribute('data-mention-id')).resolves.toBe(mentionId);
    // Keyboard too: marks are focusable buttons.
    await suite.g.page.locator('#figures svg.chart .mark.target').first().focus();
    await suite.g.page.keyboard.press('Enter');
    await expect.poll(() => hl.getAttribute('data-mention-id')).not.toBe(mentionId);
  });

  it('shows both sides of the 2024 turnover and of the 547 million periods', async () => {
    await openApp(suite.g.page, suite.served.url, '?view=figures');
    const tables = suite.g.page.locator('#figures .disagreements .disagree');
    // Intl writes non-breaking spaces inside numbers and units.
    const texts = (await tables.allTextContents()).map((t) => t.replace(/[\u00a0\u202f]/g, ' '));
    const turnover2024 = texts.find((t) => t.includes('470 млн $') && t.includes('533 млн $'));
    expect(turnover2024).toBeDefined();
    expect(turnover2024).toContain('Day.Az');
    const periods547 = texts.find((t) => t.includes('янв.–авг. 2025') && t.includes('янв.–сент. 2025'));
    expect(periods547).toBeDefined();
    expect(periods547).toContain('Zakon.kz');
  });

  it('puts a "sources disagree" badge on every disputed figure card, with the other side beside it', async () => {
    await openApp(suite.g.page, suite.served.url);
    const disputed = suite.g.page.locator('#panel .figure-card.disputed');
    expect(await disputed.count()).toBeGreaterThanOrEqual(1);
    for (const card of await disputed.all()) {
      await expect(card.locator('.disagree-badge').first().textContent()).resolves.toContain(
        'Источники расходятся',
      );
      expect(await card.locator('.disagree tr').count()).toBeGreaterThanOrEqual(2);
    }
    // Every figure of a discrepancy shows up disputed somewhere in the panels.
    const ids = new Set(data.joined.discrepancies.flatMap((d) => d.mentionIds));
    const shown = new Set(
      await disputed.evaluateAll((els) => els.map((e) => e.getAttribute('data-mention-id'))),
    );
    for (const id of ids) {
      if (data.joined.mentions.find((m) => m.id === id)?.featureIds.length === 0) expect(shown).toContain(id);
    }
  });

  it('switches the charts to English with the app', async () => {
    await openApp(suite.g.page, suite.served.url, '?view=figures&lang=en');
    const titles = await suite.g.page.locator('#figures svg.chart > title').allTextContents();
    expect(titles).toContain('Kazakhstan–Azerbaijan trade turnover');
    await expect(suite.g.page.locator('#figures-heading').textContent()).resolves.toBe('Figures');
    await suite.g.page.locator('.lang-switch [data-lang="ru"]').click();
    await expect.poll(() => suite.g.page.locator('#figures-heading').textContent()).toBe('Цифры');
    await expect(panelHeading(suite.g.page)).resolves.toBe('Обзор');
  });
});
