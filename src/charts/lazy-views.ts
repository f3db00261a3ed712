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

export async function chartView(view: 'figures' | 'timeline', o: ChartViewOptions): Promise<HTMLElement> {
  if (view === 'figures') {
    const { figuresView } = await import('./figures-view.ts');
    return figuresView(o);
  }
  const { timelineView } = await import('./timeline-view.ts');
  return timelineView(o);
}
