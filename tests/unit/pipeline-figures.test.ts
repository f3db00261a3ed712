// Figures: every line of every input file in tests/fixtures/pipeline/figures/ (one file per form group: digits,
// scales, number words, multiples, percentages, money, tonnes, containers, kilometres, power, rates, periods,
// kinds, qualifiers, metrics, not-quantities, and the first cases.txt) is read with its article date; the expected
// file lists each figure as `value unit qualifier kind metric period «raw»`. `\u{A0}` in an input line stands for
// that character, and each sentence goes through normalizeText first, as articles do.
import { describe, expect, it } from 'vitest';
import type { Figure } from '../../src/domain/joined.ts';
import { extractFigures, locateFigures } from '../../src/pipeline/figures.ts';
import { lexemes, readNumber } from '../../src/pipeline/numbers.ts';
import { findPeriods } from '../../src/pipeline/periods.ts';
import { normalizeText } from '../../src/pipeline/text.ts';
import { expectFixture, fixtureInputs, readFixture } from '../fixtures/pipeline/expect-fixture.ts';

/** Spaces a reader cannot see, written back as the escapes the input files use. */
function showInvisible(text: string): string {
  return text.replace(
    /[\u00A0\u2000-\u200B\u202F]/g,
    (c) => `\\u{${c.codePointAt(0)?.toString(16).toUpperCase()}}`,
  );
}

function describeFigure(f: Figure): string {
  const period = f.period === null ? 'no-period' : `${f.period.from}..${f.period.to}`;
  return `${f.value} ${f.unit} ${f.qualifier} ${f.kind} ${f.metric} ${period} «${showInvisible(f.raw)}»`;
}

function unescapeCodePoints(line: string): string {
  return line.replace(/\\u\{([0-9A-Fa-f]{1,6})\}/g, (_m, hex: string) =>
    String.fromCodePoint(Number.parseInt(hex, 16)),
  );
}

describe('extractFigures (fixtures, one file per form group)', () => {
  it.each(fixtureInputs('figures', '.txt'))('%s', (file) => {
    const out: string[] = [];
    for (const line of readFixture('figures', file).split('\n')) {
      if (line.trim() === '') continue;
      out.push(line);
      if (line.startsWith('#')) continue;
      const [date = '', written = ''] = line.split(' | ');
      const sentence = normalizeText(unescapeCodePoints(written));
      const figures = locateFigures(sentence, { articleDate: date });
      for (const f of figures) {
        expect(sentence.slice(f.start, f.end)).toBe(f.figure.raw);
        expect(Number.isFinite(f.figure.value)).toBe(true);
      }
      if (figures.length === 0) out.push('    (none)');
      for (const f of figures) out.push(`    ${describeFigure(f.figure)}`);
    }
    expectFixture(`${out.join('\n')}\n`, 'figures', file.replace(/\.txt$/, '.expected.txt'));
  });
});

const one = (sentence: string, date = '2025-10-21') => extractFigures(sentence, { articleDate: date });

describe('extractFigures: the contract examples', () => {
  it('547 млн долларов → 547000000 USD', () => {
    expect(one('достиг 547 млн долларов')[0]).toMatchObject({
      value: 547_000_000,
      unit: 'USD',
      raw: '547 млн долларов',
    });
  });

  it('3,5 миллиона тонн → 3500000 t; в 6 раз → 6 x; на 20% → 20 %; 224-километровой → 224 km', () => {
    expect(one('превысил 3,5 миллиона тонн')[0]).toMatchObject({
      value: 3_500_000,
      unit: 't',
      qualifier: 'over',
    });
    expect(one('увеличились в 6 раз')[0]).toMatchObject({ value: 6, unit: 'x', kind: 'change' });
    expect(one('что на 20% больше')[0]).toMatchObject({
      value: 20,
      unit: '%',
      kind: 'change',
      raw: 'на 20%',
    });
    expect(one('224-километровой ветки')[0]).toMatchObject({ value: 224, unit: 'km' });
  });

  it('counts and qualifiers', () => {
    expect(one('свыше полутора тысяч компаний')[0]).toMatchObject({
      value: 1500,
      unit: 'count',
      qualifier: 'over',
    });
    expect(one('около 150 казахстанских предприятий')[0]).toMatchObject({
      value: 150,
      unit: 'count',
      qualifier: 'about',
    });
    expect(one('более чем втрое превысив')[0]).toMatchObject({ value: 3, unit: 'x', qualifier: 'over' });
    expect(one('почти в три раза')[0]).toMatchObject({ value: 3, unit: 'x', qualifier: 'about' });
  });

  it('resolves periods against the article date', () => {
    expect(one('за последние пять лет выросли в 6 раз', '2025-10-20')[0]?.period).toEqual({
      from: '2020',
      to: '2025',
    });
    expect(one('в этом году обеспечив около 85% импорта', '2025-09-12')[0]?.period).toEqual({
      from: '2025',
      to: '2025',
    });
    expect(one('К 2028 году планируется увеличить на 50%')[0]).toMatchObject({
      period: { from: '2028', to: '2028' },
      kind: 'target',
    });
  });

  it('a metric-less sentence borrows the previous sentence’s metric only through an anaphor', () => {
    const context = { articleDate: '2025-10-21', previousMetric: 'trade-turnover' };
    expect(extractFigures('Он уже составил 547 миллионов долларов.', context)[0]?.metric).toBe(
      'trade-turnover',
    );
    expect(extractFigures('Фонд получил 547 миллионов долларов.', context)[0]?.metric).toBe('unknown');
  });
});

describe('numbers and periods', () => {
  it('reads digit groups with a no-break space, and a plain space only before three digits', () => {
    const read = (text: string) => {
      const lx = lexemes(text);
      return readNumber(text, lx, 0)?.value;
    };
    expect(read('1\u00A0500 тонн')).toBe(1500);
    expect(read('1 500 000 тонн')).toBe(1_500_000);
    expect(read('2024 470')).toBe(2024);
    expect(read('3,5 млн')).toBe(3_500_000);
    expect(read('двадцать пять тысяч')).toBe(25_000);
    expect(read('две тысячи пятьсот')).toBe(2500);
  });

  it('finds periods', () => {
    const spans = findPeriods('за первые восемь месяцев 2025 года и в марте 2024 года', '2025-10-19');
    expect(spans.map((s) => s.period)).toEqual([
      { from: '2025-01', to: '2025-08' },
      { from: '2024-03', to: '2024-03' },
    ]);
  });
});

describe('robustness', () => {
  it('is linear on long digit runs and long sentences', () => {
    const digits = `${'1 000 '.repeat(20_000)}тонн`;
    const words = 'около 150 казахстанских предприятий, '.repeat(5_000);
    const t0 = performance.now();
    extractFigures(digits, { articleDate: '2025-01-01' });
    extractFigures(words, { articleDate: '2025-01-01' });
    expect(performance.now() - t0).toBeLessThan(3_000);
  });
});
