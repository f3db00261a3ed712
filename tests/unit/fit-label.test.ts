import { describe, expect, it } from 'vitest';
import { fitLabel, textWidth } from '../../src/charts/fit-label.ts';

// Without a document (here, in Node) widths are estimated at 0.6 em a character: 6 px at 10 px.
describe('fitLabel', () => {
  it('keeps a label that fits', () => {
    expect(fitLabel('Port of Poti', 100, 10)).toEqual({ text: 'Port of Poti', cut: false });
  });

  it('cuts a long label at a word end, with an ellipsis, within the width', () => {
    const name = 'Trans-Caspian International Transport Route (Middle Corridor)';
    const fitted = fitLabel(name, 200, 10);
    expect(fitted).toEqual({ text: 'Trans-Caspian International…', cut: true });
    expect(textWidth(fitted.text, 10)).toBeLessThanOrEqual(200);
  });

  it('cuts inside a word when the first word alone is too long', () => {
    expect(fitLabel('Mangyshlak-Kuryk-Sarzha', 60, 10)).toEqual({ text: 'Mangyshla…', cut: true });
  });
});
