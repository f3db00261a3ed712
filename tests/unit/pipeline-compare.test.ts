// Discrepancies (src/pipeline/compare.ts): small hand-made mentions for each rule, the five real articles as a
// readable fixture (tests/fixtures/pipeline/compare/five-articles.expected.txt), agreement with a naive pairwise
// reference on random inputs, and a scale test that counts comparisons instead of timing them.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Article, Figure, Mention, Period, Qualifier } from '../../src/domain/joined.ts';
import { parseArticle } from '../../src/pipeline/articles.ts';
import { type CompareStats, findDiscrepancies, formatValue } from '../../src/pipeline/compare.ts';
import { joinArticles } from '../../src/pipeline/join.ts';
import { listFiles, loadFeatures } from '../../src/pipeline/load.ts';
import { metricNature, metricScope } from '../../src/pipeline/metrics.ts';
import { ARTICLES_DIR, expectFixture } from '../fixtures/pipeline/expect-fixture.ts';

const article = (id: string, date: string, source: string | null): Article => ({
  id,
  file: `${id}.txt`,
  date,
  source,
  title: null,
  author: null,
  url: null,
});
const ARTICLES = [
  article('a', '2025-10-19', null),
  article('b', '2025-09-12', 'Day.Az'),
  article('c', '2025-10-21', 'Zakon.kz'),
];

const years = (from: string, to = from): Period => ({ from, to });

function fig(value: number, period: Period | null, more: Partial<Figure> = {}): Figure {
  return {
    value,
    unit: 'USD',
    raw: String(value),
    qualifier: 'exact',
    metric: 'trade-turnover',
    period,
    kind: 'actual',
    ...more,
  };
}

let counter = 0;
function mention(articleId: string, figures: Figure[], featureIds: string[] = []): Mention {
  counter++;
  return {
    id: `${articleId}-p0-s${counter}`,
    articleId,
    paragraph: 0,
    text: '',
    featureIds,
    quote: null,
    figures,
  };
}

const run = (mentions: Mention[]) => findDiscrepancies(mentions, ARTICLES);

describe('findDiscrepancies: two figures for overlapping periods', () => {
  it('470 in 2024 vs over 533 in 2024 from two outlets is a disagreement, said in words', () => {
    const m1 = mention('a', [fig(470e6, years('2024'))]);
    const m2 = mention('b', [fig(533e6, years('2024'), { qualifier: 'over' })]);
    expect(run([m1, m2])).toEqual([
      {
        metric: 'trade-turnover',
        period: years('2024'),
        mentionIds: [m1.id, m2.id].sort(),
        note: 'trade-turnover for 2024: 470 000 000 USD (2025-10-19, outlet not named) vs over 533 000 000 USD (2025-09-12, Day.Az)',
      },
    ]);
  });

  it('differences within rounding (~2%) are not disagreements; beyond it they are', () => {
    const close = [mention('a', [fig(470e6, years('2024'))]), mention('b', [fig(475e6, years('2024'))])];
    expect(run(close)).toEqual([]);
    const apart = [mention('a', [fig(470e6, years('2024'))]), mention('b', [fig(480e6, years('2024'))])];
    expect(run(apart)).toHaveLength(1);
  });

  it('reads qualifiers as intervals: "over 500" includes 533; "about 150" excludes 250', () => {
    const over = [
      mention('a', [fig(500e6, years('2024'), { qualifier: 'over' })]),
      mention('b', [fig(533e6, years('2024'))]),
    ];
    expect(run(over)).toEqual([]);
    const under = [
      mention('a', [fig(400e6, years('2024'), { qualifier: 'under' })]),
      mention('b', [fig(470e6, years('2024'))]),
    ];
    expect(run(under)).toHaveLength(1);
    const about = [
      mention('a', [
        fig(150, years('2025'), {
          qualifier: 'about',
          unit: 'count',
          metric: 'companies-with-kz-capital-in-az',
        }),
      ]),
      mention('b', [
        fig(160, years('2025'), {
          qualifier: 'about',
          unit: 'count',
          metric: 'companies-with-kz-capital-in-az',
        }),
      ]),
      mention('c', [
        fig(250, years('2025'), {
          qualifier: 'about',
          unit: 'count',
          metric: 'companies-with-kz-capital-in-az',
        }),
      ]),
    ];
    const [d] = run(about);
    expect(d?.note).toBe(
      'companies-with-kz-capital-in-az for 2025: about 150 (2025-10-19, outlet not named) vs about 160 (2025-09-12, Day.Az) vs about 250 (2025-10-21, Zakon.kz)',
    );
  });

  it('does not compare figures of one article, of different units, metrics or disjoint periods', () => {
    const sameArticle = [
      mention('a', [fig(470e6, years('2024'))]),
      mention('a', [fig(533e6, years('2024'))]),
    ];
    expect(run(sameArticle)).toEqual([]);
    const units = [
      mention('a', [fig(470e6, years('2024'))]),
      mention('b', [fig(533e6, years('2024'), { unit: 'EUR' })]),
    ];
    expect(run(units)).toEqual([]);
    const metrics = [
      mention('a', [fig(470e6, years('2024'))]),
      mention('b', [fig(533e6, years('2024'), { metric: 'investment-fund' })]),
    ];
    expect(run(metrics)).toEqual([]);
    const disjoint = [mention('a', [fig(470e6, years('2023'))]), mention('b', [fig(533e6, years('2024'))])];
    expect(run(disjoint)).toEqual([]);
  });

  it('ignores targets, forecasts, capacities, changes and unknown metrics', () => {
    for (const more of [
      { kind: 'target' },
      { kind: 'forecast' },
      { kind: 'capacity' },
      { kind: 'change' },
      { metric: 'unknown' },
    ] as Partial<Figure>[]) {
      const ms = [mention('a', [fig(470e6, years('2024'))]), mention('b', [fig(1e9, years('2024'), more)])];
      expect(run(ms), JSON.stringify(more)).toEqual([]);
    }
  });

  it('flows: a period holding another must hold at least as much; overlapping windows are not compared', () => {
    const less = [
      mention('a', [fig(400e6, years('2025'))]),
      mention('c', [fig(547e6, { from: '2025-01', to: '2025-08' })]),
    ];
    expect(run(less)).toEqual([
      {
        metric: 'trade-turnover',
        period: { from: '2025-01', to: '2025-08' },
        mentionIds: less.map((m) => m.id).sort(),
        note: 'trade-turnover: 400 000 000 USD (2025-10-19, outlet not named) for 2025 is less than 547 000 000 USD (2025-10-21, Zakon.kz) for 2025-01..2025-08, a period inside it',
      },
    ]);
    const more = [
      mention('a', [fig(800e6, years('2025'))]),
      mention('c', [fig(547e6, { from: '2025-01', to: '2025-08' })]),
    ];
    expect(run(more)).toEqual([]);
    const windows = [
      mention('a', [fig(100e6, { from: '2025-01', to: '2025-06' })]),
      mention('c', [fig(300e6, { from: '2025-04', to: '2025-09' })]),
    ];
    expect(run(windows)).toEqual([]);
  });

  it('levels: overlapping periods must agree, and the discrepancy names the overlap', () => {
    const metric = 'companies-with-kz-capital-in-az';
    const ms = [
      mention('a', [fig(150, years('2025'), { unit: 'count', metric })]),
      mention('b', [fig(250, { from: '2025-03', to: '2025-03' }, { unit: 'count', metric })]),
    ];
    expect(run(ms)).toEqual([
      {
        metric,
        period: { from: '2025-03', to: '2025-03' },
        mentionIds: ms.map((m) => m.id).sort(),
        note: `${metric} for 2025-03: 150 (2025-10-19, outlet not named) for 2025 vs 250 (2025-09-12, Day.Az) for 2025-03`,
      },
    ]);
  });

  it('levels with no period are compared as of their articles’ year; flows with no period are not', () => {
    const metric = 'companies-with-kz-capital-in-az';
    const level = [
      mention('a', [fig(250, null, { unit: 'count', metric, qualifier: 'about' })]),
      mention('c', [fig(150, null, { unit: 'count', metric, qualifier: 'about' })]),
    ];
    expect(run(level)).toEqual([
      {
        metric,
        period: null,
        mentionIds: level.map((m) => m.id).sort(),
        note: `${metric} with no period given (as of the articles' dates): about 150 (2025-10-21, Zakon.kz) vs about 250 (2025-10-19, outlet not named)`,
      },
    ]);
    const otherYear = findDiscrepancies(level, [
      ARTICLES[0] as Article,
      article('c', '2023-01-01', 'Zakon.kz'),
    ]);
    expect(otherYear).toEqual([]);
    const flow = [mention('a', [fig(470e6, null)]), mention('b', [fig(533e6, null)])];
    expect(run(flow)).toEqual([]);
  });

  it('metrics of a feature are compared only between mentions naming the same features', () => {
    const port = (value: number) => fig(value, years('2025'), { unit: 't', metric: 'port-capacity' });
    const same = [mention('a', [port(10e6)], ['port-aktau']), mention('b', [port(20e6)], ['port-aktau'])];
    expect(run(same)).toHaveLength(1);
    const other = [mention('a', [port(10e6)], ['port-aktau']), mention('b', [port(20e6)], ['port-kuryk'])];
    expect(run(other)).toEqual([]);
    const none = [mention('a', [port(10e6)]), mention('b', [port(20e6)])];
    expect(run(none)).toEqual([]);
  });
});

describe('findDiscrepancies: one value for two periods', () => {
  it('547 million for January–August in one article and January–September in another', () => {
    const m1 = mention('a', [fig(547e6, { from: '2025-01', to: '2025-08' })]);
    const m2 = mention('c', [fig(547e6, { from: '2025-01', to: '2025-09' })]);
    expect(run([m2, m1])).toEqual([
      {
        metric: 'trade-turnover',
        period: null,
        mentionIds: [m1.id, m2.id].sort(),
        note: '547 000 000 USD of trade-turnover given for 2025-01..2025-08 (2025-10-19, outlet not named) and for 2025-01..2025-09 (2025-10-21, Zakon.kz)',
      },
    ]);
  });

  it('within rounding counts as the same value; the note then shows each', () => {
    const ms = [
      mention('a', [fig(547e6, { from: '2025-01', to: '2025-08' })]),
      mention('c', [fig(550e6, { from: '2025-01', to: '2025-09' })]),
    ];
    expect(run(ms)[0]?.note).toBe(
      'nearly the same trade-turnover given 547 000 000 USD for 2025-01..2025-08 (2025-10-19, outlet not named) and 550 000 000 USD for 2025-01..2025-09 (2025-10-21, Zakon.kz)',
    );
  });

  it('does not chain nearly equal values: 100 and 103 are not "the same" through 101.5', () => {
    const ms = [
      mention('a', [fig(100e6, { from: '2025-01', to: '2025-08' })]),
      mention('b', [fig(101.5e6, years('2030'))]),
      mention('c', [fig(103e6, { from: '2025-01', to: '2025-09' })]),
    ];
    expect(run(ms)).toEqual([]);
  });

  it('is not reported for disjoint periods, for one article, for levels, or for the same period', () => {
    const disjoint = [mention('a', [fig(500e6, years('2023'))]), mention('b', [fig(500e6, years('2024'))])];
    expect(run(disjoint)).toEqual([]);
    const oneArticle = [
      mention('a', [fig(547e6, { from: '2025-01', to: '2025-08' })]),
      mention('a', [fig(547e6, { from: '2025-01', to: '2025-09' })]),
    ];
    expect(run(oneArticle)).toEqual([]);
    const metric = 'investment-fund';
    const level = [
      mention('a', [fig(300e6, years('2024'), { metric })]),
      mention('b', [fig(300e6, years('2024', '2025'), { metric })]),
    ];
    expect(run(level)).toEqual([]);
    const same = [mention('a', [fig(547e6, years('2025'))]), mention('b', [fig(547e6, years('2025'))])];
    expect(run(same)).toEqual([]);
  });
});

describe('findDiscrepancies: determinism and words', () => {
  it('gives the same, sorted output whatever the order of mentions', () => {
    const ms = [
      mention('a', [fig(470e6, years('2024')), fig(547e6, { from: '2025-01', to: '2025-08' })]),
      mention('b', [fig(533e6, years('2024'), { qualifier: 'over' })]),
      mention('c', [fig(547e6, { from: '2025-01', to: '2025-09' })]),
      mention('c', [fig(250, years('2025'), { unit: 'count', metric: 'companies-with-kz-capital-in-az' })]),
      mention('b', [
        fig(
          150,
          { from: '2025-03', to: '2025-03' },
          { unit: 'count', metric: 'companies-with-kz-capital-in-az' },
        ),
      ]),
      mention('a', [
        fig(
          100,
          { from: '2025-02', to: '2025-04' },
          { unit: 'count', metric: 'companies-with-kz-capital-in-az' },
        ),
      ]),
    ];
    const forward = run(ms);
    expect(forward).toHaveLength(5);
    expect(run([...ms].reverse())).toEqual(forward);
    for (const d of forward) expect(d.mentionIds).toEqual([...d.mentionIds].sort());
  });

  it('formats values with grouped digits and the unit', () => {
    expect(formatValue(470_000_000, 'USD')).toBe('470 000 000 USD');
    expect(formatValue(85, '%')).toBe('85%');
    expect(formatValue(1500, 'count')).toBe('1 500');
    expect(formatValue(3.5, 't')).toBe('3.5 t');
  });
});

describe('findDiscrepancies on the five articles', () => {
  const files = listFiles(ARTICLES_DIR, '.txt');
  const parsed = files.map((f) => parseArticle(f, readFileSync(path.join(ARTICLES_DIR, f), 'utf8')));
  const features = loadFeatures(path.resolve(ARTICLES_DIR, '..')).map((s) => s.feature);
  const { joined } = joinArticles(parsed, features);

  it('matches the readable fixture (compare/five-articles.expected.txt)', () => {
    const out = [
      '# Discrepancies found on the five articles of geo/articles with the features of geo/ (issue 3,',
      '# acceptance 3). Written by tests/unit/pipeline-compare.test.ts; regenerate with UPDATE_FIXTURES=1.',
    ];
    for (const d of joined.discrepancies) {
      const period = d.period === null ? 'no period' : `${d.period.from}..${d.period.to}`;
      out.push('', `${d.metric} (${period}): ${d.mentionIds.join(', ')}`, `    ${d.note}`);
    }
    expectFixture(`${out.join('\n')}\n`, 'compare', 'five-articles.expected.txt');
  });

  it('includes the 2024 trade turnover of two outlets and the two periods of 547 million', () => {
    const notes = joined.discrepancies.map((d) => d.note);
    expect(notes).toContain(
      'trade-turnover for 2024: 470 000 000 USD (2025-10-19, outlet not named) vs over 533 000 000 USD (2025-09-12, Day.Az)',
    );
    expect(notes).toContain(
      '547 000 000 USD of trade-turnover given for 2025-01..2025-08 (2025-10-19, outlet not named) and for 2025-01..2025-09 (2025-10-21, Zakon.kz)',
    );
  });
});

// ---- a naive reference: every pair, the rules written out once more -------------------------------------------

interface Flat {
  mention: Mention;
  f: Figure;
}

function naiveInvolved(mentions: readonly Mention[], articles: readonly Article[]): Set<string> {
  const year = new Map(articles.map((a) => [a.id, a.date.slice(0, 4)]));
  const flat: Flat[] = mentions.flatMap((mention) =>
    mention.figures
      .filter((f) => f.kind === 'actual' && metricNature(f.metric) !== null)
      .map((f) => ({ mention, f })),
  );
  const bounds = (f: Figure): [number, number] => {
    const s = (t: number) => Math.abs(f.value) * t;
    if (f.qualifier === 'about') return [f.value - s(0.1), f.value + s(0.1)];
    if (f.qualifier === 'over') return [f.value - s(0.01), Number.POSITIVE_INFINITY];
    if (f.qualifier === 'under') return [Number.NEGATIVE_INFINITY, f.value + s(0.01)];
    return [f.value - s(0.01), f.value + s(0.01)];
  };
  const months = (p: Period): [number, number] => {
    const m = (x: string, end: boolean) =>
      Number(x.slice(0, 4)) * 12 + (x.length > 4 ? Number(x.slice(5, 7)) - 1 : end ? 11 : 0);
    return [m(p.from, false), m(p.to, true)];
  };
  const features = (x: Flat) =>
    metricScope(x.f.metric) === 'feature' ? [...x.mention.featureIds].sort().join(',') : '-';
  const out = new Set<string>();
  for (let i = 0; i < flat.length; i++) {
    for (let j = i + 1; j < flat.length; j++) {
      const a = flat[i] as Flat;
      const b = flat[j] as Flat;
      if (a.mention.articleId === b.mention.articleId) continue;
      if (
        a.f.metric !== b.f.metric ||
        a.f.unit !== b.f.unit ||
        features(a) !== features(b) ||
        features(a) === ''
      )
        continue;
      const nature = metricNature(a.f.metric);
      const [alo, ahi] = bounds(a.f);
      const [blo, bhi] = bounds(b.f);
      const disjointValues = ahi < blo || bhi < alo;
      let hit = false;
      if (a.f.period === null || b.f.period === null) {
        hit =
          nature === 'level' &&
          a.f.period === null &&
          b.f.period === null &&
          year.get(a.mention.articleId) === year.get(b.mention.articleId) &&
          disjointValues;
      } else {
        const [af, at] = months(a.f.period);
        const [bf, bt] = months(b.f.period);
        if (af > bt || bf > at) continue;
        const identical = af === bf && at === bt;
        if (identical || nature === 'level') hit = disjointValues;
        else {
          const aHolds = af <= bf && at >= bt;
          const bHolds = bf <= af && bt >= at;
          if (aHolds) hit = ahi < blo;
          if (bHolds) hit = bhi < alo;
          const close = Math.abs(a.f.value - b.f.value) <= 0.02 * Math.max(a.f.value, b.f.value);
          if (close) hit = true;
        }
      }
      if (hit) {
        out.add(a.mention.id);
        out.add(b.mention.id);
      }
    }
  }
  return out;
}

const PERIODS: (Period | null)[] = [
  null,
  years('2023'),
  years('2024'),
  years('2025'),
  years('2024', '2025'),
  { from: '2025-01', to: '2025-08' },
  { from: '2025-01', to: '2025-09' },
  { from: '2025-04', to: '2025-06' },
];
// Values far apart or equal, so that "runs of nearly equal values" and "pairs within 2%" are the same thing.
const VALUES = [100, 150, 250, 470, 533, 547, 800];
const QUALIFIERS: Qualifier[] = ['exact', 'exact', 'about', 'over', 'under'];
const METRICS = ['trade-turnover', 'companies-with-kz-capital-in-az', 'port-capacity'];

const arbitraryMentions = fc
  .array(
    fc.record({
      article: fc.constantFrom('a', 'b', 'c'),
      value: fc.constantFrom(...VALUES),
      period: fc.constantFrom(...PERIODS),
      qualifier: fc.constantFrom(...QUALIFIERS),
      metric: fc.constantFrom(...METRICS),
      kind: fc.constantFrom('actual', 'actual', 'actual', 'target'),
      feature: fc.constantFrom('port-aktau', 'port-kuryk', ''),
    }),
    { maxLength: 25 },
  )
  .map((rows) =>
    rows.map((r, i) => ({
      id: `${r.article}-p0-s${i}`,
      articleId: r.article,
      paragraph: 0,
      text: '',
      featureIds: r.feature === '' ? [] : [r.feature],
      quote: null,
      figures: [
        fig(r.value, r.period, {
          qualifier: r.qualifier,
          metric: r.metric,
          unit: r.metric === 'trade-turnover' ? 'USD' : r.metric === 'port-capacity' ? 't' : 'count',
          kind: r.kind as Figure['kind'],
        }),
      ],
    })),
  );

describe('findDiscrepancies against a naive pairwise reference', () => {
  it('flags exactly the mentions some pair of figures flags', () => {
    fc.assert(
      fc.property(arbitraryMentions, (mentions) => {
        const fast = new Set(findDiscrepancies(mentions, ARTICLES).flatMap((d) => d.mentionIds));
        expect([...fast].sort()).toEqual([...naiveInvolved(mentions, ARTICLES)].sort());
      }),
      { numRuns: 400 },
    );
  });
});

describe('findDiscrepancies at scale', () => {
  /** A deterministic corpus: n mentions over 200 articles, three metrics, 24 distinct periods. */
  function corpus(n: number): { mentions: Mention[]; articles: Article[] } {
    let seed = 42;
    const next = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const periods: Period[] = [];
    for (let y = 2015; y <= 2025; y++) periods.push(years(String(y)));
    for (let m = 1; m <= 12; m++) periods.push({ from: '2025-01', to: `2025-${String(m).padStart(2, '0')}` });
    periods.push({ from: '2020', to: '2025' });
    const articles = Array.from({ length: 200 }, (_, i) => article(`art${i}`, '2025-10-01', `Outlet ${i}`));
    const mentions = Array.from({ length: n }, (_, i) => ({
      id: `art${i % 200}-p0-s${i}`,
      articleId: `art${i % 200}`,
      paragraph: 0,
      text: '',
      featureIds: [],
      quote: null,
      figures: [
        fig(Math.round(100 + next() * 900) * 1e6, periods[Math.floor(next() * periods.length)] as Period, {
          metric: ['trade-turnover', 'transit-volume', 'oil-transit'][i % 3] as string,
          unit: i % 3 === 0 ? 'USD' : 't',
          qualifier: (['exact', 'about', 'over'] as const)[Math.floor(next() * 3)] as Qualifier,
        }),
      ],
    }));
    return { mentions, articles };
  }

  it('20 000 mentions: comparisons grow with n (times the periods), not with n²', () => {
    const count = (n: number) => {
      const { mentions, articles } = corpus(n);
      const stats: CompareStats = { comparisons: 0 };
      findDiscrepancies(mentions, articles, stats);
      return stats.comparisons;
    };
    const n = 20_000;
    const atN = count(n);
    const atHalf = count(n / 2);
    // Pairwise comparison would be n²/2 = 200 000 000; the grouped sweep stays within a few dozen per mention.
    expect(atN, `${atN} comparisons`).toBeLessThan(60 * n);
    expect(atN / atHalf).toBeLessThan(2.5);
  });
});
