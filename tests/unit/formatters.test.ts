import { describe, expect, it } from 'vitest';
import { dateFormat, numberFormat } from '../../src/i18n/formatters.ts';

describe('Intl formatters', () => {
  it('are made once per locale and options', () => {
    const a = dateFormat('ru-RU', { year: 'numeric', month: 'short', timeZone: 'UTC' });
    expect(dateFormat('ru-RU', { year: 'numeric', month: 'short', timeZone: 'UTC' })).toBe(a);
    expect(dateFormat('en-GB', { year: 'numeric', month: 'short', timeZone: 'UTC' })).not.toBe(a);
    expect(dateFormat('ru-RU', { year: 'numeric', month: 'long', timeZone: 'UTC' })).not.toBe(a);
    const n = numberFormat('ru-RU', { maximumFractionDigits: 0 });
    expect(numberFormat('ru-RU', { maximumFractionDigits: 0 })).toBe(n);
    expect(numberFormat('ru-RU', { maximumFractionDigits: 1 })).not.toBe(n);
  });

  it('format as a fresh formatter does', () => {
    const d = new Date(Date.UTC(2025, 9, 20));
    const o: Intl.DateTimeFormatOptions = {
      year: 'numeric',
      month: 'short',
      day: 'numeric',
      timeZone: 'UTC',
    };
    expect(dateFormat('ru-RU', o).format(d)).toBe(new Intl.DateTimeFormat('ru-RU', o).format(d));
  });
});
