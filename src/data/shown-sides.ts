// Which sides of a disagreement are shown beside one of its figures: in a figure's card, a briefing step's sources
// and the handout. At 10,000 articles a disagreement has up to 289 sides; listed whole, the overview's first 40
// cards held ~40,000 elements and a handout page cited 432 articles. The Figures view lists every side.

import type { Discrepancy } from '../domain/joined.ts';
import { type Catalog, type FigureRef, sameRef } from './catalog.ts';

/** At most this many sides beside a figure, its own included. */
export const SHOWN_SIDES = 5;

/**
 * All the sides when there are at most `limit`, else `self` and, of the others, the lowest, the highest and
 * evenly spaced values between them: `limit` in all, in the sides' own order.
 */
export function sidesToShow(sides: readonly FigureRef[], self: FigureRef, limit: number): FigureRef[] {
  if (sides.length <= limit) return [...sides];
  const own = sides.find((r) => sameRef(r, self));
  const others = sides.filter((r) => r !== own).sort((a, b) => a.figure.value - b.figure.value);
  const picks = own === undefined ? limit : limit - 1;
  // others.length ≥ limit ≥ picks, so the rounded positions are distinct
  const keep = new Set<FigureRef>(own === undefined ? [] : [own]);
  for (let k = 0; k < picks; k++)
    keep.add(others[Math.round((k * (others.length - 1)) / Math.max(1, picks - 1))] as FigureRef);
  return sides.filter((r) => keep.has(r));
}

/** The sides of `d` shown beside `self`, and how many of the discrepancy's mentions are not among them. */
export function shownSides(
  catalog: Catalog,
  d: Discrepancy,
  self: FigureRef,
): { sides: FigureRef[]; more: number } {
  const sides = sidesToShow(catalog.sidesOf(d), self, SHOWN_SIDES);
  return { sides, more: d.mentionIds.length - sides.length };
}
