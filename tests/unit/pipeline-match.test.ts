// Alias matching: tests/fixtures/pipeline/match/cases.txt against the fixture features; the expected file lists
// each sentence with the features it names and the exact words that name them.
import { describe, expect, it } from 'vitest';
import type { CorridorCollection, CorridorFeature } from '../../src/domain/feature.ts';
import { caseStem, compileAliases, isIndeclinable, matchFeatures } from '../../src/pipeline/match.ts';
import { expectFixture, readFixture } from '../fixtures/pipeline/expect-fixture.ts';

const features = (JSON.parse(readFixture('features', 'features.geojson')) as CorridorCollection).features;
const index = compileAliases(features);
const ids = (text: string) => matchFeatures(index, text).map((m) => m.featureId);

describe('matchFeatures (fixture)', () => {
  it('cases.txt', () => {
    const lines = readFixture('match', 'cases.txt').split('\n');
    const out: string[] = [];
    for (const line of lines) {
      if (line.trim() === '') continue;
      if (line.startsWith('#')) {
        out.push(line);
        continue;
      }
      out.push(line);
      const matches = matchFeatures(index, line);
      if (matches.length === 0) out.push('    (none)');
      for (const m of matches)
        out.push(`    ${m.featureId}: ${m.spans.map((s) => `«${line.slice(s.start, s.end)}»`).join(' ')}`);
    }
    expectFixture(`${out.join('\n')}\n`, 'match', 'cases.expected.txt');
  });
});

describe('matchFeatures', () => {
  it('matches inflected multi-word aliases', () => {
    expect(ids('Среднего коридора')).toEqual(['corridor-titr']);
    expect(ids('Средним коридором')).toEqual(['corridor-titr']);
    expect(ids('порта Актау')).toEqual(['port-aktau']);
    expect(ids('Курыка')).toEqual(['port-kuryk']);
    expect(ids('Бакинского международного морского порта')).toEqual(['port-baku']);
  });

  it('matches ALL-CAPS abbreviations case-sensitively', () => {
    expect(ids('БТК и ТМТМ')).toEqual(['rail-btk', 'corridor-titr']);
    expect(ids('бтк и тмтм')).toEqual([]);
  });

  it('matches indeclinable names only by their exact form', () => {
    expect(ids('в Баку')).toEqual(['place-baku']);
    expect(ids('бак с топливом')).toEqual([]);
    expect(ids('подписание акта')).toEqual([]);
    expect(ids('Карса')).toEqual(['place-kars']);
  });

  it('does not join the power cable to the fibre cable', () => {
    const text = 'прокладку высоковольтного кабеля по дну Каспийского моря';
    expect(ids(text)).toEqual(['cable-caspian-power']);
  });

  it('finds nothing in "коридор" alone or in "зеленых коридоров"', () => {
    expect(ids('коридор')).toEqual([]);
    expect(ids('создание "зеленых коридоров"')).toEqual([]);
  });

  it('reports a feature once per sentence with all its spans, in text order', () => {
    const text = 'ТМТМ, или Средний коридор, и снова ТМТМ.';
    const matches = matchFeatures(index, text);
    expect(matches).toHaveLength(1);
    expect(matches[0]?.spans.map((s) => text.slice(s.start, s.end))).toEqual([
      'ТМТМ',
      'Средний коридор',
      'ТМТМ',
    ]);
  });

  it('prefers the longest of overlapping matches', () => {
    expect(ids('"Баку-Тбилиси-Карс"')).toEqual(['rail-btk']);
    expect(ids('порт Актау')).toEqual(['port-aktau']);
  });

  it('keeps both features when two share an identical alias', () => {
    const twin = structuredClone(features.find((f) => f.id === 'place-baku')) as CorridorFeature;
    twin.id = 'place-baku-twin';
    twin.properties.id = 'place-baku-twin';
    expect(matchFeatures(compileAliases([...features, twin]), 'в Баку').map((m) => m.featureId)).toEqual([
      'place-baku',
      'place-baku-twin',
    ]);
  });

  it('matches a Latin alias written with Cyrillic look-alikes (and back)', () => {
    const cop = structuredClone(features[0]) as CorridorFeature;
    cop.id = 'event-cop29';
    cop.properties = {
      ...cop.properties,
      id: 'event-cop29',
      kind: 'place',
      aliases: { ru: [], en: ['COP29'] },
    };
    expect(matchFeatures(compileAliases([cop]), 'В рамках СОР29 подписали').map((m) => m.featureId)).toEqual([
      'event-cop29',
    ]);
  });
});

describe('word rules', () => {
  it('isIndeclinable: names in -у/-и/-о whose stem only drops that vowel, short and Latin words', () => {
    for (const w of ['баку', 'актау', 'поти', 'батуми', 'тбилиси', 'бейнеу', 'по', 'дну', 'socar']) {
      expect(isIndeclinable(w), w).toBe(true);
    }
    for (const w of ['карс', 'курык', 'астана', 'габала', 'коридор', 'средний', 'море']) {
      expect(isIndeclinable(w), w).toBe(false);
    }
  });

  it('caseStem cuts one case ending', () => {
    expect(caseStem('астане')).toBe('астан');
    expect(caseStem('астана')).toBe('астан');
    expect(caseStem('габале')).toBe('габал');
    expect(caseStem('карс')).toBe('карс');
  });
});
