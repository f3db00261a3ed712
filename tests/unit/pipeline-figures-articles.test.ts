// Figures on the five real articles (issue 3, acceptance 2). The audit fixture
// tests/fixtures/pipeline/figures/five-articles.expected.txt lists every figure of every article, sentence by
// sentence, so a reader can check by eye that each number stating a quantity is read with the right value and
// unit; the tests below pin the examples the issue names and the numbers that must not be quantities.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Figure, Mention } from '../../src/domain/joined.ts';
import { parseArticle } from '../../src/pipeline/articles.ts';
import { locateFigures } from '../../src/pipeline/figures.ts';
import { joinArticles } from '../../src/pipeline/join.ts';
import { listFiles } from '../../src/pipeline/load.ts';
import { splitSentences } from '../../src/pipeline/sentences.ts';
import { ARTICLES_DIR, expectFixture } from '../fixtures/pipeline/expect-fixture.ts';

const files = listFiles(ARTICLES_DIR, '.txt');
const parsed = files.map((f) => parseArticle(f, readFileSync(path.join(ARTICLES_DIR, f), 'utf8')));
// No features: figures do not depend on them, and a sentence with figures is a mention anyway.
const { joined } = joinArticles(parsed, []);

function describeFigure(f: Figure): string {
  const period = f.period === null ? 'no-period' : `${f.period.from}..${f.period.to}`;
  return `${f.value} ${f.unit} ${f.metric} ${f.kind} ${period} ${f.qualifier} «${f.raw}»`;
}

const figuresOf = (articleId: string): (Figure & { mention: Mention })[] =>
  joined.mentions
    .filter((m) => m.articleId === articleId)
    .flatMap((m) => m.figures.map((f) => ({ ...f, mention: m })));

describe('figures of the five articles', () => {
  it('the audit: every figure, article by article (five-articles.expected.txt)', () => {
    expect(files).toHaveLength(5);
    const out = [
      '# Every figure read from the five articles of geo/articles (issue 3, acceptance 2), sentence by sentence:',
      '#     value unit metric kind period qualifier «raw»',
      '# Written by tests/unit/pipeline-figures-articles.test.ts; regenerate with UPDATE_FIXTURES=1, read the diff.',
      '# Numbers of the articles that are not quantities (dates, ordinals, anniversaries…) are listed in that test.',
    ];
    for (const a of joined.articles) {
      out.push('', `## ${a.id} (${a.date}, ${a.source ?? 'outlet not named'})`);
      for (const m of joined.mentions.filter((x) => x.articleId === a.id && x.figures.length > 0)) {
        out.push(`${m.id.slice(a.id.length + 1)} ${m.text}`);
        for (const f of m.figures) out.push(`    ${describeFigure(f)}`);
      }
    }
    expectFixture(`${out.join('\n')}\n`, 'figures', 'five-articles.expected.txt');
  });

  it('reads the examples of the issue with the right value, unit and period', () => {
    const all = joined.articles.flatMap((a) => figuresOf(a.id));
    const find = (raw: string) => all.filter((f) => f.raw === raw);
    expect(
      all.filter((f) => f.value === 547_000_000).map((f) => [f.mention.articleId, f.unit, f.period]),
    ).toEqual([
      ['001_89cc7011cfe59b4e', 'USD', { from: '2025-01', to: '2025-08' }],
      ['004_833792392fde0c57', 'USD', { from: '2025-01', to: '2025-09' }],
    ]);
    expect(find('превысил 3,5 миллиона тонн')[0]).toMatchObject({
      value: 3_500_000,
      unit: 't',
      qualifier: 'over',
    });
    expect(find('в 6 раз')[0]).toMatchObject({ value: 6, unit: 'x', kind: 'change' });
    expect(find('свыше полутора тысяч компаний')[0]).toMatchObject({
      value: 1500,
      unit: 'count',
      qualifier: 'over',
      metric: 'companies-with-az-capital-in-kz',
    });
    expect(find('224-километровой')[0]).toMatchObject({ value: 224, unit: 'km' });
    expect(find('470 млн долларов')[0]).toMatchObject({
      value: 470_000_000,
      unit: 'USD',
      metric: 'trade-turnover',
      period: { from: '2024', to: '2024' },
      kind: 'actual',
    });
    expect(find('свыше 533 млн долларов')[0]).toMatchObject({
      value: 533_000_000,
      qualifier: 'over',
      metric: 'trade-turnover',
      period: { from: '2024', to: '2024' },
    });
    for (const f of all) expect(Number.isFinite(f.value), f.raw).toBe(true);
  });

  // Numbers in the articles that state no quantity. Decisions where the issue is silent:
  // - "20 лет со дня подписания", "20-летие", "двадцатилетие": an anniversary, a span of time, not an amount of
  //   anything the map compares; durations ("пять лет", "три десятилетия") likewise.
  // - "сотни тысяч домохозяйств": a magnitude with no number; no value could be compared, so it is not a figure.
  // - "Две национальные корпорации", "двух стран": small number words that name who, not how much.
  const NOT_QUANTITIES: [article: string, phrase: string, why: string][] = [
    ['001', '20-21 октября', 'dates'],
    ['000', '2022-2026 годы', 'a span of years'],
    ['001', 'восьмым по счету', 'an ordinal'],
    ['004', 'второе заседание', 'an ordinal'],
    ['000', '20 лет со дня подписания', 'an anniversary'],
    ['004', '20-летие', 'an anniversary'],
    ['004', 'двадцатилетие', 'an anniversary'],
    ['003', 'СОР29', 'a name'],
    ['004', 'В мае 2005 года', 'a date'],
    ['004', 'начале 2000-х годов', 'a decade'],
    ['001', 'в марте 2025 года', 'a date'],
    ['001', 'на конец 2026 года', 'a date'],
    ['001', 'За три десятилетия', 'a duration'],
    ['003', 'В прошлом году', 'a period'],
    ['003', 'в 2024 году.', 'a year'],
    ['002', 'за последние пять лет', 'a period'],
    ['000', 'сотни тысяч домохозяйств', 'a magnitude with no number'],
    ['004', 'Две национальные корпорации', 'who, not how much'],
    ['004', 'трехсторонний', 'an adjective'],
    ['000', 'Один пояс – Один путь', 'a name'],
    ['000', 'между двумя странами', 'who, not how much'],
  ];

  it.each(NOT_QUANTITIES)('%s: «%s» is not a quantity (%s)', (prefix, phrase) => {
    const article = parsed.find((p) => p.article.id.startsWith(prefix));
    expect(article).toBeDefined();
    let seen = 0;
    for (const paragraph of article?.paragraphs ?? []) {
      for (const s of splitSentences(paragraph)) {
        const at = s.text.indexOf(phrase);
        if (at < 0) continue;
        seen++;
        const figures = locateFigures(s.text, { articleDate: article?.article.date ?? '' });
        const overlapping = figures.filter((f) => f.start < at + phrase.length && f.end > at);
        expect(overlapping.map((f) => f.figure.raw)).toEqual([]);
      }
    }
    expect(seen, `«${phrase}» not found`).toBeGreaterThan(0);
  });
});
