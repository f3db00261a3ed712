// End to end on the five real articles: parse, split, match, quote, figure, join. The whole joined output is kept
// as a readable fixture (tests/fixtures/pipeline/join/five-articles.expected.json) so any change shows as a diff.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CorridorFeature, FeatureKind } from '../../src/domain/feature.ts';
import type { Mention } from '../../src/domain/joined.ts';
import { parseArticle } from '../../src/pipeline/articles.ts';
import { formatJoinedData } from '../../src/pipeline/format-joined.ts';
import { joinArticles } from '../../src/pipeline/join.ts';
import { listFiles } from '../../src/pipeline/load.ts';
import { ARTICLES_DIR, expectFixture } from '../fixtures/pipeline/expect-fixture.ts';

function feature(id: string, kind: FeatureKind, ru: string, aliases: string[]): CorridorFeature {
  return {
    type: 'Feature',
    id,
    geometry: null,
    properties: {
      id,
      kind,
      name: { ru, en: id },
      aliases: { ru: aliases, en: [] },
      status: 'operational',
      statusAsOf: '2025',
      partOf: [],
      accuracy: 'schematic',
      sources: [],
    },
  };
}

// Aliases as ../shared/research/geo-facts.md §8 lists them (seen in the Russian-language press).
const FEATURES: CorridorFeature[] = [
  feature('corridor-titr', 'corridor', 'Транскаспийский международный транспортный маршрут', [
    'ТМТМ',
    'Транскаспийский маршрут',
    'Средний коридор',
    'Срединный коридор',
    'Транскаспийский коридор',
  ]),
  feature('rail-btk', 'rail', 'Железная дорога Баку – Тбилиси – Карс', [
    'БТК',
    'Баку–Тбилиси–Карс',
    'железная дорога Баку-Тбилиси-Карс',
  ]),
  feature('cable-caspian-fiber', 'fiber-cable', 'Транскаспийская ВОЛС', [
    'ВОЛС',
    'подводная ВОЛС',
    'ВОЛС по дну Каспийского моря',
    'Транскаспийская волоконно-оптическая кабельная линия',
    'волоконно-оптическая линия связи',
    'волоконно-оптический кабель',
    'Цифровой Шелковый путь',
  ]),
  feature('cable-caspian-power', 'power-cable', 'Каспийский энергетический кабель', [
    'зелёный энергетический коридор',
    'Транскаспийский коридор зелёной энергии',
    'подводный кабель по дну Каспийского моря',
    'высоковольтный кабель',
    'кабель по дну Каспийского моря',
  ]),
  feature('pipeline-btc', 'pipeline', 'Нефтепровод Баку – Тбилиси – Джейхан', [
    'БТД',
    'Баку–Тбилиси–Джейхан',
  ]),
  feature('port-kuryk', 'port', 'Порт Курык', ['Курык', 'Курик', 'порт Курык']),
  feature('route-zangezur', 'corridor', 'Зангезурский коридор', [
    'Зангезурский коридор',
    'Зангазурский коридор',
    'TRIPP',
    'Маршрут Трампа',
  ]),
];

const files = listFiles(ARTICLES_DIR, '.txt');
const parsed = files.map((f) => parseArticle(f, readFileSync(path.join(ARTICLES_DIR, f), 'utf8')));
const result = joinArticles(parsed, FEATURES);
const { mentions } = result.joined;
const mentionsOf = (id: string) => mentions.filter((m) => m.featureIds.includes(id));

describe('joinArticles on the five articles', () => {
  it('matches the expected joined data', () => {
    expect(files).toHaveLength(5);
    expectFixture(formatJoinedData(result.joined), 'join', 'five-articles.expected.json');
  });

  it('gives every feature the articles name at least one mention', () => {
    for (const f of FEATURES) expect(mentionsOf(f.id).length, f.id).toBeGreaterThan(0);
  });

  it('003: the high-voltage cable sentence names the power cable, not the fibre cable', () => {
    const sentence = mentions.find(
      (m) => m.articleId === '003_5951633c20930dad' && m.text.includes('высоковольтного кабеля'),
    ) as Mention;
    expect(sentence.featureIds).toContain('cable-caspian-power');
    expect(sentence.featureIds).not.toContain('cable-caspian-fiber');
    expect(sentence.quote?.speaker).toBe('Айгерим Жампетова');
  });

  it('reads 547 млн долларов with the period each article gives', () => {
    const figures547 = mentions.flatMap((m) =>
      m.figures.filter((f) => f.value === 547_000_000).map((f) => ({ article: m.articleId, ...f })),
    );
    expect(figures547).toEqual([
      expect.objectContaining({
        article: '001_89cc7011cfe59b4e',
        unit: 'USD',
        metric: 'trade-turnover',
        period: { from: '2025-01', to: '2025-08' },
        kind: 'actual',
      }),
      expect.objectContaining({
        article: '004_833792392fde0c57',
        unit: 'USD',
        metric: 'trade-turnover',
        period: { from: '2025-01', to: '2025-09' },
        kind: 'actual',
      }),
    ]);
  });

  it('keeps sentences with figures but no feature, with featureIds []', () => {
    const companies = mentions.find((m) => m.text.includes('полутора тысяч компаний')) as Mention;
    expect(companies.featureIds).toEqual([]);
    expect(companies.figures.map((f) => f.metric)).toEqual([
      'companies-with-az-capital-in-kz',
      'companies-with-kz-capital-in-az',
    ]);
  });

  it('does not read the dateline БАКУ /Trend/ as a mention of Baku', () => {
    const first = result.texts.find((t) => t.articleId === '002_183a491a6e9a6b1a')?.paragraphs[0]?.[0];
    expect(first?.text.startsWith('Казахстан и Азербайджан')).toBe(true);
  });

  it('builds ids from positions, spans that point at the names, and texts that link back', () => {
    for (const m of mentions) {
      expect(m.id).toBe(`${m.articleId}-p${m.paragraph}-s${m.id.split('-s').pop()}`);
      const spans = result.spans[m.id] ?? [];
      expect(new Set(spans.map((s) => s.featureId))).toEqual(new Set(m.featureIds));
      for (const s of spans) expect(s.end).toBeGreaterThan(s.start);
      const sentence = result.texts
        .find((t) => t.articleId === m.articleId)
        ?.paragraphs[m.paragraph]?.find((s) => s.mentionId === m.id);
      expect(sentence?.text).toBe(m.text);
    }
    // Every discrepancy names mentions that exist (what it finds is pipeline-compare's to test).
    const ids = new Set(result.joined.mentions.map((m) => m.id));
    for (const d of result.joined.discrepancies)
      for (const id of d.mentionIds) expect(ids.has(id)).toBe(true);
  });

  it('is deterministic and independent of input order', () => {
    const again = joinArticles([...parsed].reverse(), [...FEATURES].reverse());
    expect(formatJoinedData(again.joined)).toBe(formatJoinedData(result.joined));
    expect(again.spans).toEqual(result.spans);
  });
});
