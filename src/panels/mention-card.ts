// One mention: the sentence with the feature's name marked, the speaker if it is a quote, outlet and date, and
// a way to the article with that sentence highlighted.
import type { Catalog } from '../data/catalog.ts';
import type { FeatureId, Lang } from '../domain/feature.ts';
import type { Mention } from '../domain/joined.ts';
import { formatDate, strings } from '../i18n/strings.ts';
import { button, el, findAll, markedText } from './dom.ts';
import { figureCards } from './figure-card.ts';

export interface MentionCardOptions {
  catalog: Catalog;
  lang: Lang;
  /** whose names to mark in the sentence */
  featureIds: readonly FeatureId[];
  onOpenArticle(articleId: string, mentionId: string): void;
}

export function outletLine(catalog: Catalog, articleId: string, lang: Lang): HTMLElement {
  const a = catalog.article(articleId);
  const t = strings(lang);
  return el(
    'span',
    { class: 'outlet-line' },
    el('span', { class: 'outlet' }, a?.source ?? t.outletUnknown),
    ' · ',
    el(
      'time',
      { class: 'date', ...(a === undefined ? {} : { 'data-date': a.date }) },
      a ? formatDate(a.date, lang) : '',
    ),
  );
}

export function mentionCard(m: Mention, o: MentionCardOptions): HTMLElement {
  const t = strings(o.lang);
  const nameSpans = o.catalog.spansOf(m.id, o.featureIds).map((s) => ({ ...s, class: 'name' }));
  const figureSpans = m.figures.flatMap((f) =>
    findAll(m.text, f.raw).map((r) => ({ ...r, class: 'figure' })),
  );
  const sentence = el(
    'p',
    { class: 'sentence', lang: 'ru' },
    ...markedText(m.text, [...nameSpans, ...figureSpans]),
  );
  const speaker = m.quote?.speaker != null ? el('p', { class: 'speaker' }, `— ${m.quote.speaker}`) : null;
  return el(
    'li',
    { class: 'mention', 'data-mention-id': m.id },
    sentence,
    speaker,
    figureCards(
      m.figures.map((figure, index) => ({ mention: m, figure, index })),
      { catalog: o.catalog, lang: o.lang, onOpenSentence: o.onOpenArticle },
    ),
    el(
      'p',
      { class: 'mention-meta' },
      outletLine(o.catalog, m.articleId, o.lang),
      ' ',
      button(t.openArticle, () => o.onOpenArticle(m.articleId, m.id), { class: 'link-button open-article' }),
    ),
  );
}
