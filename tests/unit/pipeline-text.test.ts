// Normalisation and tokens: what every later step relies on.
import { describe, expect, it } from 'vitest';
import { isAllCaps, lowerSameLength, matchKey, normalizeText, tokenize } from '../../src/pipeline/text.ts';

describe('normalizeText', () => {
  it('strips the BOM, turns CRLF and CR into LF and composes to NFC', () => {
    expect(normalizeText('\uFEFFа\r\nб\rв')).toBe('а\nб\nв');
    expect(normalizeText('е\u0308лка')).toBe('ёлка');
  });

  it('makes space variants plain but keeps a no-break space inside digit groups', () => {
    expect(normalizeText('1\u202F500\u00A0000 тонн,\u2009а\u00A0не')).toBe('1\u00A0500\u00A0000 тонн, а не');
    expect(normalizeText('в\u00A02024\u00A0году')).toBe('в 2024 году');
  });

  it('drops zero-width characters and soft hyphens', () => {
    expect(normalizeText('Ка\u00ADзах\u200Bстан')).toBe('Казахстан');
  });

  it('repairs look-alike letters inside words of a clear script, both ways', () => {
    // Latin A, p and c inside Cyrillic words; Cyrillic е and о inside a Latin one.
    expect(normalizeText('Aктау и пopт Бaку')).toBe('Актау и порт Баку');
    expect(normalizeText('Trеnd and SОCAR')).toBe('Trend and SOCAR');
  });

  it('leaves words made only of look-alikes as written (display text), e.g. СОР29 in Cyrillic', () => {
    expect(normalizeText('СОР29')).toBe('СОР29');
    expect(normalizeText('COP29')).toBe('COP29');
  });
});

describe('matchKey', () => {
  it('folds ё to е and reads an all-look-alike word as Cyrillic, keeping the length', () => {
    expect(matchKey('Зелёный')).toBe('Зеленый');
    expect(matchKey('COP29')).toBe(matchKey('СОР29'));
    expect(matchKey('COP29')).toHaveLength(5);
    expect(matchKey('SOCAR')).toBe('SOCAR');
    // Latin A, K, T, y: every letter is a look-alike, so the key is the Cyrillic word.
    expect(matchKey('AKTAy')).toBe('АКТАу');
  });
});

describe('tokenize', () => {
  it('returns words with offsets into the original string', () => {
    const text = 'Баку–Тбилиси-Карс, 3,5 млн (ТМТМ).';
    const tokens = tokenize(text);
    expect(tokens.map((t) => t.text)).toEqual(['Баку', 'Тбилиси', 'Карс', '3', '5', 'млн', 'ТМТМ']);
    for (const t of tokens) expect(text.slice(t.start, t.end)).toBe(t.text);
  });

  it('keeps offsets when keys are folded', () => {
    const text = 'Ёлка и COP29';
    const [a, , c] = tokenize(text);
    expect(a?.key).toBe('Елка');
    expect(c?.key).toBe('СОР29');
    expect(text.slice(c?.start, c?.end)).toBe('COP29');
  });
});

describe('helpers', () => {
  it('isAllCaps', () => {
    expect(isAllCaps('ТМТМ')).toBe(true);
    expect(isAllCaps('SOCAR')).toBe(true);
    expect(isAllCaps('Баку')).toBe(false);
    expect(isAllCaps('Б')).toBe(false);
  });

  it('lowerSameLength never changes the length', () => {
    expect(lowerSameLength('İstanbul ТМТМ')).toHaveLength('İstanbul ТМТМ'.length);
  });
});
