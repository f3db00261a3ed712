import { describe, expect, it } from 'vitest';
import { fitLabel, textWidth } from '../../src/charts/fit-label.ts';

// Without a document (here, in Node) widths are estimated at 0.6 em a character: 6 px at 10 px.
describe('fitLabel', () => {
  it('keeps a label that fits', () => {
    expect(fitLabel('Port of Poti', 100, 10)).toEqual({ text: 'Port of Poti', cut: false });
  });

  it('keeps the first and the last words of a long label, with an ellipsis between, within the width', () => {
    const name = 'Trans-Caspian International Transport Route (Middle Corridor)';
    const fitted = fitLabel(name, 200, 10);
    expect(fitted).toEqual({ text: 'Trans-Caspian … (Middle Corridor)', cut: true });
    expect(textWidth(fitted.text, 10)).toBeLessThanOrEqual(200);
  });

  it('keeps the end that tells similar names apart, and never keeps a lone dash at a cut', () => {
    // 6 px a character: 26 characters at most
    const names = ['Железная дорога Баку – Тбилиси – Карс', 'Железная дорога Жезказган – Бейнеу'];
    expect(names.map((n) => fitLabel(n, 156, 10).text)).toEqual([
      'Железная … Тбилиси – Карс',
      'Железная дорога … Бейнеу',
    ]);
  });

  it('does not split a bracket or quotes in two', () => {
    // "Trans-Caspian … Corridor)" would fit, but reads as a typo; "(Middle Corridor)" whole does not fit
    expect(fitLabel('Trans-Caspian International Transport Route (Middle Corridor)', 160, 10)).toEqual({
      text: 'Trans-Caspian…',
      cut: true,
    });
  });

  it('keeps the start alone where no first and last word fit together', () => {
    expect(fitLabel('International Transport Route', 100, 10)).toEqual({ text: 'International…', cut: true });
  });

  it('cuts inside a word when the first word alone is too long', () => {
    expect(fitLabel('Mangyshlak-Kuryk-Sarzha', 60, 10)).toEqual({ text: 'Mangyshla…', cut: true });
  });
});
