import { describe, expect, it } from 'vitest';
import { formatFigure, formatPeriod, formatValue, METRIC_LABELS } from '../../src/i18n/figures.ts';
import { METRIC_RULES } from '../../src/pipeline/metrics.ts';

const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('figure formatting', () => {
  it('names every metric of the pipeline dictionary in both languages', () => {
    for (const rule of METRIC_RULES) {
      expect(METRIC_LABELS[rule.metric], rule.metric).toBeDefined();
    }
    expect(METRIC_LABELS.unknown).toBeDefined();
  });

  it('formats values for the reader', () => {
    expect(plain(formatValue(547_000_000, 'USD', 'ru'))).toBe('547 млн $');
    expect(formatValue(547_000_000, 'USD', 'en')).toBe('$547M');
    expect(plain(formatValue(3_500_000, 't', 'ru'))).toBe('3,5 млн т');
    expect(formatValue(6, 'x', 'en')).toBe('6×');
    expect(formatValue(20, '%', 'en')).toBe('20%');
    expect(plain(formatFigure({ value: 1500, unit: 'count', qualifier: 'over' }, 'ru'))).toBe('свыше 1 500');
    expect(formatFigure({ value: 150, unit: 'count', qualifier: 'about' }, 'en')).toBe('about 150');
  });

  it('formats periods', () => {
    expect(formatPeriod({ from: '2024', to: '2024' }, 'en')).toBe('2024');
    expect(formatPeriod({ from: '2025-01', to: '2025-08' }, 'en')).toBe('Jan–Aug 2025');
    expect(formatPeriod({ from: '2020', to: '2025' }, 'ru')).toBe('2020–2025');
    expect(formatPeriod(null, 'en')).toBe('no period given');
  });
});
