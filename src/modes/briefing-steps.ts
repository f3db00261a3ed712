// Pure look-ups over the briefing: which step is showing, what it highlights, what it cites. Shared by the map
// sync (what to emphasise and frame), the briefing panel, the presenter window and the exports.
import type { Catalog, FigureRef } from '../data/catalog.ts';
import { shownSides } from '../data/shown-sides.ts';
import type { Briefing, BriefingStep } from '../domain/briefing.ts';
import type { FeatureId } from '../domain/feature.ts';
import type { Article, Mention } from '../domain/joined.ts';
import { geometryBounds } from '../map/bounds.ts';

/** A 1-based step number kept inside the briefing: below 1 is 1, past the end is the last step. */
export function clampStep(briefing: Briefing, step: number): number {
  const n = briefing.steps.length;
  if (n === 0 || !Number.isFinite(step)) return 1;
  return Math.min(n, Math.max(1, Math.trunc(step)));
}

export function stepAt(briefing: Briefing, step: number): BriefingStep | undefined {
  return briefing.steps[clampStep(briefing, step) - 1];
}

/** The drawn features a step highlights: its features, composites replaced by their parts, each once. */
export function stepDrawnFeatures(catalog: Catalog, step: number): FeatureId[] {
  const s = stepAt(catalog.data.briefing, step);
  return [...new Set((s?.features ?? []).flatMap(catalog.drawnMembers))];
}

/** The step's figures with their mentions, in the briefing's order; references the data lacks are skipped. */
export function stepFigures(catalog: Catalog, s: BriefingStep): FigureRef[] {
  return s.figures.flatMap(({ mention, index }) => {
    const m = catalog.mention(mention);
    const figure = m?.figures[index];
    return m === undefined || figure === undefined ? [] : [{ mention: m, figure, index }];
  });
}

export function stepMentions(catalog: Catalog, s: BriefingStep): Mention[] {
  return s.mentions.flatMap((id) => {
    const m = catalog.mention(id);
    return m === undefined ? [] : [m];
  });
}

/**
 * Every article the step cites (its figures first, then its quotes, and the other sides of disputed figures that
 * are shown beside them: shownSides).
 */
export function stepArticles(catalog: Catalog, s: BriefingStep): Article[] {
  const ids: string[] = [];
  const add = (id: string) => {
    if (!ids.includes(id)) ids.push(id);
  };
  for (const r of stepFigures(catalog, s)) {
    add(r.mention.articleId);
    for (const d of catalog.discrepanciesOf(r))
      for (const side of shownSides(catalog, d, r).sides) add(side.mention.articleId);
  }
  for (const m of stepMentions(catalog, s)) add(m.articleId);
  return ids.flatMap((id) => {
    const a = catalog.article(id);
    return a === undefined ? [] : [a];
  });
}

/**
 * The area a step shows in a static map (the handout): its features' bounds with a margin, at least about 2° across
 * so a port alone is shown with its surroundings; null for a step that names no feature (the whole region).
 */
export function stepView(catalog: Catalog, step: number): [[number, number], [number, number]] | null {
  const geometries = stepDrawnFeatures(catalog, step).flatMap((id) => {
    const g = catalog.feature(id)?.geometry;
    return g ? [g] : [];
  });
  const b = geometryBounds(geometries);
  if (b === null) return null;
  const [w, s, e, n] = b;
  const padX = Math.max((e - w) * 0.12, 1);
  const padY = Math.max((n - s) * 0.12, 0.7);
  return [
    [w - padX, s - padY],
    [e + padX, n + padY],
  ];
}
