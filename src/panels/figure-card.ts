// A figure as a card: value in the reader's language, what it measures, for when, what kind of figure it is, and
// where it came from. When other articles give the same metric differently, the card says so and shows them all.
import { type Catalog, type FigureRef, sameRef } from '../data/catalog.ts';
import { shownSides } from '../data/shown-sides.ts';
import type { Lang } from '../domain/feature.ts';
import type { Discrepancy } from '../domain/joined.ts';
import { formatFigure, formatPeriod, KIND_LABELS, metricLabel } from '../i18n/figures.ts';
import { formatDate, outletName } from '../i18n/strings.ts';
import { button, el } from './dom.ts';

const DISAGREE: Record<
  Lang,
  {
    badge: string;
    caption: string;
    open: string;
    thisOne: string;
    elsewhere: (n: number) => string;
    more: (n: number) => string;
  }
> = {
  ru: {
    badge: 'Источники расходятся',
    caption: 'Что пишут разные издания',
    open: 'Предложение',
    thisOne: 'эта цифра',
    elsewhere: (n) => `и ещё в ${n} (см. примечание; все — во вкладке «Цифры»)`,
    more: (n) => `и ещё в ${n} (все — во вкладке «Цифры»)`,
  },
  en: {
    badge: 'Sources disagree',
    caption: 'What the outlets say',
    open: 'Sentence',
    thisOne: 'this figure',
    elsewhere: (n) => `and ${n} more (see the note; all of them in the Figures view)`,
    more: (n) => `and ${n} more (all of them in the Figures view)`,
  },
};

export interface FigureCardOptions {
  catalog: Catalog;
  lang: Lang;
  onOpenSentence(articleId: string, mentionId: string): void;
}

function sourceLine(catalog: Catalog, articleId: string, lang: Lang): string {
  const a = catalog.article(articleId);
  const outlet = outletName(a?.source, lang);
  return a === undefined ? outlet : `${outlet} · ${formatDate(a.date, lang)}`;
}

/**
 * The sides of one discrepancy side by side: value, period, outlet and date, each opening its sentence. With
 * `self` (a figure's card), those shownSides picks.
 */
export function discrepancyTable(d: Discrepancy, o: FigureCardOptions, self: FigureRef | null): HTMLElement {
  const t = DISAGREE[o.lang];
  const sides = o.catalog.sidesOf(d);
  const shown = self === null ? sides : shownSides(o.catalog, d, self).sides;
  const capped = shown.length < sides.length;
  const rows = shown.map((r) => {
    const isSelf = self !== null && sameRef(r, self);
    return el(
      'tr',
      isSelf ? { class: 'self' } : {},
      el('td', {}, formatFigure(r.figure, o.lang)),
      el('td', {}, formatPeriod(r.figure.period, o.lang)),
      el('td', {}, sourceLine(o.catalog, r.mention.articleId, o.lang), isSelf ? ` (${t.thisOne})` : null),
      el(
        'td',
        {},
        button(t.open, () => o.onOpenSentence(r.mention.articleId, r.mention.id), {
          class: 'link-button',
          'data-mention-id': r.mention.id,
        }),
      ),
    );
  });
  // A panel holds only the mentions it shows; the other sides load with the whole corpus (the Figures view).
  const elsewhere = d.mentionIds.length - rows.length;
  return el(
    'div',
    { class: 'disagree', role: 'note', 'data-metric': d.metric },
    el('p', { class: 'disagree-badge' }, `⚠ ${t.badge}: ${metricLabel(d.metric, o.lang)}`),
    el('table', {}, el('caption', { class: 'visually-hidden' }, t.caption), el('tbody', {}, ...rows)),
    elsewhere > 0 ? el('p', { class: 'disagree-more' }, (capped ? t.more : t.elsewhere)(elsewhere)) : null,
    // The note names every side: in a card that lists a few of hundreds, it would be most of the panel.
    capped ? null : el('p', { class: 'disagree-note', lang: 'en' }, d.note),
  );
}

export function figureCard(ref: FigureRef, o: FigureCardOptions): HTMLElement {
  const f = ref.figure;
  const ds = o.catalog.discrepanciesOf(ref);
  return el(
    'li',
    {
      class: ds.length > 0 ? 'figure-card disputed' : 'figure-card',
      'data-mention-id': ref.mention.id,
      'data-figure-index': String(ref.index),
    },
    el('p', { class: 'figure-value' }, formatFigure(f, o.lang)),
    el(
      'p',
      { class: 'figure-meta' },
      `${metricLabel(f.metric, o.lang)} · ${formatPeriod(f.period, o.lang)} · ${KIND_LABELS[f.kind][o.lang]}`,
    ),
    el('p', { class: 'figure-source' }, sourceLine(o.catalog, ref.mention.articleId, o.lang)),
    ...ds.map((d) => discrepancyTable(d, o, ref)),
  );
}

export function figureCards(refs: readonly FigureRef[], o: FigureCardOptions): HTMLElement | null {
  if (refs.length === 0) return null;
  return el('ul', { class: 'figure-cards' }, ...refs.map((r) => figureCard(r, o)));
}
