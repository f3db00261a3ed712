import { describe, expect, it } from 'vitest';
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

  it('opens the sentence of a chart mark, highlighted in its article', async () => {
    await openApp(suite.g.page, suite.served.url, '?view=figures');
    const mark = suite.g.page.locator('#figures svg.chart .mark.actual').first();
    const mentionId = await mark.getAttribute('data-mention-id');
    await mark.click();
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
