// The filtered catalog is a view over the full catalog's indexes (src/data/filter-catalog.ts). Every answer it gives
// must be what a catalog built from the filtered data gives: the same records, in the same order.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type Catalog, createCatalog, type FigureRef } from '../../src/data/catalog.ts';
import { type ArticleFilters, articlePasses, filterCatalog } from '../../src/data/filter-catalog.ts';
import type { AppData } from '../../src/domain/app-data.ts';
import { findDiscrepancies } from '../../src/pipeline/compare.ts';
import { corpusAppData } from '../browser/seed-data.ts';

const work = mkdtempSync(path.join(tmpdir(), 'corridors-filter-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const data = corpusAppData(path.join(work, 'articles'), 400, 11);

type Filter = ArticleFilters;

/**
 * The oracle: the data that passes, with the disagreements the pipeline finds among the articles that pass, as a
 * catalog. Which articles pass is the view's own rule (articlePasses); what is checked is what the view answers
 * from them.
 */
function builtFromFiltered(full: Catalog, f: Filter): Catalog {
  const { joined } = full.data;
  const articles = joined.articles.filter(articlePasses(f));
  const kept = new Set(articles.map((a) => a.id));
  const mentions = joined.mentions.filter((m) => kept.has(m.articleId));
  const filtered: AppData = {
    ...full.data,
    joined: { articles, mentions, discrepancies: findDiscrepancies(mentions, articles) },
    texts: full.data.texts.filter((t) => kept.has(t.articleId)),
  };
  return createCatalog(filtered);
}

const refKey = (r: FigureRef) => `${r.mention.id}#${r.index}`;
const ids = (list: readonly { id: string }[]) => list.map((x) => x.id);

function expectSameAnswers(view: Catalog, built: Catalog, full: Catalog): void {
  expect(ids(view.data.joined.articles)).toEqual(ids(built.data.joined.articles));
  expect(ids(view.data.joined.mentions)).toEqual(ids(built.data.joined.mentions));
  expect(view.data.joined.discrepancies).toEqual(built.data.joined.discrepancies);
  expect(view.data.texts.map((t) => t.articleId)).toEqual(built.data.texts.map((t) => t.articleId));
  expect(view.summary).toEqual(built.summary);
  for (const f of full.features) {
    const id = f.properties.id;
    expect(ids(view.mentionsOf(id)), id).toEqual(ids(built.mentionsOf(id)));
    expect(view.drawnMembers(id)).toEqual(built.drawnMembers(id));
  }
  for (const a of full.data.joined.articles) {
    expect(view.article(a.id), a.id).toBe(built.article(a.id));
    expect(view.text(a.id), a.id).toBe(built.text(a.id));
    expect(view.featuresOfArticle(a.id), a.id).toEqual(built.featuresOfArticle(a.id));
  }
  for (const m of full.data.joined.mentions) {
    expect(view.mention(m.id), m.id).toBe(built.mention(m.id));
    expect(view.spansOf(m.id, m.featureIds)).toEqual(built.spansOf(m.id, m.featureIds));
  }
  expect(ids(view.unattachedFigureMentions())).toEqual(ids(built.unattachedFigureMentions()));
  expect(view.figures().map(refKey)).toEqual(built.figures().map(refKey));
  for (const r of full.figures()) {
    expect(view.discrepanciesOf(r), refKey(r)).toEqual(built.discrepanciesOf(r));
  }
  view.data.joined.discrepancies.forEach((d, i) => {
    const same = built.data.joined.discrepancies[i];
    expect(same).toBeDefined();
    if (same !== undefined) expect(view.sidesOf(d).map(refKey)).toEqual(built.sidesOf(same).map(refKey));
  });
}

/** Disagreements of the full corpus that lost a side to the filter but still hold among the sides left. */
function stillHolding(full: Catalog, view: Catalog): number {
  const whole = new Set(full.data.joined.discrepancies.map((d) => JSON.stringify(d)));
  return view.data.joined.discrepancies.filter((d) => !whole.has(JSON.stringify(d))).length;
}

describe('the filtered catalog', () => {
  const full = createCatalog(structuredClone(data));
  const outlets = [...new Set(data.joined.articles.map((a) => a.source ?? ''))].sort();
  const dates = data.joined.articles.map((a) => a.date).sort();
  const mid = dates[Math.floor(dates.length / 2)] ?? null;
  const cases: [string, Filter][] = [
    ['one outlet hidden', { hiddenOutlets: [outlets[0] ?? ''], dateFrom: null, dateTo: null }],
    ['three outlets hidden', { hiddenOutlets: outlets.slice(1, 4), dateFrom: null, dateTo: null }],
    ['articles from a date', { hiddenOutlets: [], dateFrom: mid, dateTo: null }],
    [
      'articles up to a date, one outlet hidden',
      { hiddenOutlets: [outlets[2] ?? ''], dateFrom: null, dateTo: mid },
    ],
    ['nothing passes', { hiddenOutlets: [], dateFrom: '2999-01-01', dateTo: null }],
  ];

  it('has disagreements to lose: the corpus has some with three or more sides', () => {
    expect(data.joined.discrepancies.some((d) => d.mentionIds.length >= 3)).toBe(true);
  });

  for (const [name, f] of cases) {
    it(`answers as a catalog of the filtered data: ${name}`, () => {
      const view = filterCatalog(full, f);
      expect(view).not.toBe(full);
      expectSameAnswers(view, builtFromFiltered(full, f), full);
    });
  }

  it('keeps a disagreement among the outlets left when another side is hidden', () => {
    // Before, a disagreement went as soon as any side was filtered out: a third outlet's figure hid the two left.
    const hidden = outlets.find((o) => o !== '') ?? '';
    const view = filterCatalog(full, { hiddenOutlets: [hidden], dateFrom: null, dateTo: null });
    expect(stillHolding(full, view)).toBeGreaterThan(0);
    for (const d of view.data.joined.discrepancies) {
      const sources = new Set(view.sidesOf(d).map((r) => r.mention.articleId));
      expect(sources.size, d.note).toBeGreaterThanOrEqual(2);
      expect(d.note).not.toContain(`, ${hidden})`);
    }
  });

  it("finds the pipeline's own disagreements when the filter lets every article through", () => {
    const view = filterCatalog(full, { hiddenOutlets: ['no such outlet'], dateFrom: null, dateTo: null });
    expect(view).not.toBe(full);
    expect(view.data.joined.discrepancies).toEqual(full.data.joined.discrepancies);
  });

  it('searches the data that has arrived since the last filter, not only what was there then', () => {
    // The figures are grouped for the search once per catalog; a merge must make them be grouped again.
    const half = data.joined.articles.slice(0, data.joined.articles.length / 2);
    const early = new Set(half.map((a) => a.id));
    const first: AppData = structuredClone({
      ...data,
      joined: {
        articles: half,
        mentions: data.joined.mentions.filter((m) => early.has(m.articleId)),
        discrepancies: [],
      },
      texts: [],
    });
    const growing = createCatalog(first);
    const f: Filter = { hiddenOutlets: [outlets.find((o) => o !== '') ?? ''], dateFrom: null, dateTo: null };
    const before = filterCatalog(growing, f);
    growing.merge(
      structuredClone({
        articles: data.joined.articles.filter((a) => !early.has(a.id)),
        mentions: data.joined.mentions.filter((m) => !early.has(m.articleId)),
        discrepancies: data.joined.discrepancies,
        spans: {},
        texts: [],
        events: [],
      }),
    );
    const after = filterCatalog(growing, f);
    expect(after.data.joined.discrepancies.length).toBeGreaterThan(before.data.joined.discrepancies.length);
    expect(after.data.joined.discrepancies).toEqual(builtFromFiltered(full, f).data.joined.discrepancies);
  });

  it('is the full catalog itself when nothing is filtered', () => {
    expect(filterCatalog(full, { hiddenOutlets: [], dateFrom: null, dateTo: null })).toBe(full);
  });
});
