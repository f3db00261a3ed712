// Which figures a disagreement sets against each other (the catalog's sidesOf) and which disagreements a figure is
// in (discrepanciesOf). The contract names a disagreement's mentions, not its figures, so the catalog resolves them,
// and since session 11 it does so when first asked (src/data/catalog.ts, indexDisputes).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createCatalog, type FigureRef } from '../../src/data/catalog.ts';
import type { AppData } from '../../src/domain/app-data.ts';
import type { Article, Discrepancy, Figure, Mention } from '../../src/domain/joined.ts';
import { corpusAppData } from '../browser/seed-data.ts';

const work = mkdtempSync(path.join(tmpdir(), 'corridors-disputes-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const data = corpusAppData(path.join(work, 'articles'), 300, 5);

const refKey = (r: FigureRef) => `${r.mention.id}#${r.index}`;

describe("a disagreement's sides", () => {
  const catalog = createCatalog(structuredClone(data));
  const { discrepancies } = catalog.data.joined;

  it('are, for each of its mentions, one actual figure of its metric', () => {
    expect(discrepancies.length).toBeGreaterThan(0);
    for (const d of discrepancies) {
      const sides = catalog.sidesOf(d);
      expect(sides.length, d.note).toBeGreaterThanOrEqual(2);
      expect(new Set(sides.map((r) => r.mention.id)).size).toBe(sides.length);
      for (const r of sides) {
        expect(d.mentionIds).toContain(r.mention.id);
        expect(r.figure).toBe(r.mention.figures[r.index]);
        expect(r.figure.metric).toBe(d.metric);
        expect(r.figure.kind).toBe('actual');
      }
    }
  });

  it("are where each figure finds its disagreements, in the disagreements' order", () => {
    const expected = new Map<string, Discrepancy[]>();
    for (const d of discrepancies)
      for (const r of catalog.sidesOf(d)) expected.set(refKey(r), [...(expected.get(refKey(r)) ?? []), d]);
    let disputed = 0;
    for (const r of catalog.figures()) {
      const found = catalog.discrepanciesOf(r);
      expect(found, refKey(r)).toEqual(expected.get(refKey(r)) ?? []);
      if (found.length > 0) disputed++;
    }
    expect(disputed).toBeGreaterThan(0);
  });

  it('are none for a disagreement the catalog does not hold', () => {
    const stranger = structuredClone(discrepancies[0] as Discrepancy);
    expect(catalog.sidesOf(stranger)).toEqual([]);
  });
});

describe('a mention with several figures that fit a disagreement', () => {
  const figure = (value: number): Figure => ({
    value,
    unit: 'USD',
    raw: String(value),
    qualifier: 'exact',
    metric: 'trade-turnover',
    period: { from: '2024', to: '2024' },
    kind: 'actual',
  });
  const article = (id: string): Article => ({
    id,
    file: `${id}.txt`,
    date: '2025-01-01',
    title: null,
    source: id,
    url: null,
    author: null,
  });
  const mention = (articleId: string, values: number[]): Mention => ({
    id: `${articleId}-p0-s0`,
    articleId,
    paragraph: 0,
    text: '',
    featureIds: [],
    quote: null,
    figures: values.map(figure),
  });
  const sidesWith = (own: number[], others: number[]): number[] => {
    const mentions = [mention('a', own), ...others.map((v, i) => mention(`b${i}`, [v]))];
    const d: Discrepancy = {
      metric: 'trade-turnover',
      period: { from: '2024', to: '2024' },
      mentionIds: mentions.map((m) => m.id),
      note: '',
    };
    const small: AppData = {
      ...data,
      joined: { articles: mentions.map((m) => article(m.articleId)), mentions, discrepancies: [d] },
      spans: {},
      texts: [],
      events: [],
    };
    const c = createCatalog(small);
    return c.sidesOf(c.data.joined.discrepancies[0] as Discrepancy).map((r) => r.figure.value);
  };

  it('stands on the one closest in value to the other sides', () => {
    expect(sidesWith([100, 500], [480, 530])).toEqual([500, 480, 530]);
    expect(sidesWith([500, 100], [90])).toEqual([100, 90]);
  });

  it('stands on the first of those equally close', () => {
    expect(sidesWith([490, 510], [500])).toEqual([490, 500]);
    expect(sidesWith([510, 490], [500])).toEqual([510, 500]);
  });
});
