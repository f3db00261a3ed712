import { describe, expect, it } from 'vitest';
import type { FigureRef } from '../../src/data/catalog.ts';
import { sidesToShow } from '../../src/data/shown-sides.ts';

/** A side per value, in the order given (a discrepancy's sides come in corpus order, not by value). */
function sides(values: number[]): FigureRef[] {
  return values.map((value, i) => ({
    mention: {
      id: `a${i}-p0-s0`,
      articleId: `a${i}`,
      paragraph: 0,
      text: '',
      featureIds: [],
      quote: null,
      figures: [],
    },
    figure: {
      value,
      unit: 't',
      raw: '',
      qualifier: 'exact',
      metric: 'cargo-volume',
      period: null,
      kind: 'actual',
    },
    index: 0,
  }));
}
const values = (refs: FigureRef[]) => refs.map((r) => r.figure.value);

describe("sidesToShow: a disagreement's sides beside one of its figures", () => {
  it('lists every side when there are no more than the limit', () => {
    const all = sides([3, 1, 2]);
    expect(values(sidesToShow(all, all[1] as FigureRef, 5))).toEqual([3, 1, 2]);
  });

  it("keeps the card's own figure, the lowest, the highest and values between, in the sides' order", () => {
    const all = sides([50, 10, 90, 30, 70, 20, 60, 100, 40, 80]);
    const self = all[3] as FigureRef; // 30
    const shown = sidesToShow(all, self, 5);
    expect(shown).toHaveLength(5);
    expect(shown).toContain(self);
    // four of the other nine by value (10 20 40 50 60 70 80 90 100): positions 0, 3, 5 and 8
    expect(values(shown)).toEqual([50, 10, 30, 70, 100]);
  });

  it('takes as many as the limit when its own figure is not among the sides', () => {
    const all = sides([5, 4, 3, 2, 1, 0]);
    const stranger = sides([7])[0] as FigureRef;
    expect(values(sidesToShow(all, { ...stranger, index: 3 }, 3))).toEqual([5, 3, 0]);
  });
});
