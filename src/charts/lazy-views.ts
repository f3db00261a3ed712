// The Figures and Timeline views load on first use: their code (and d3's scales and axes) is not part of what
// the map needs to start, which matters most in embeds on news pages.
import type { Catalog } from '../data/catalog.ts';
import type { Lang } from '../domain/feature.ts';

export interface ChartViewOptions {
  catalog: Catalog;
  lang: Lang;
  asOf: string | null;
  /** the charts' width in CSS px (chart-width.ts) */
  width: number;
  onOpenSentence(articleId: string, mentionId: string): void;
}

/** A view, and how to draw its charts again at another width (the rest of the view stays as it is). */
export interface ChartView {
  node: HTMLElement;
  resize(width: number): void;
}

export async function chartView(view: 'figures' | 'timeline', o: ChartViewOptions): Promise<ChartView> {
  if (view === 'figures') {
    const { figuresView } = await import('./figures-view.ts');
    return figuresView(o);
  }
  const { timelineView } = await import('./timeline-view.ts');
  return timelineView(o);
}
