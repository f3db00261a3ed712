// With nothing selected: what the map shows, the articles it reads, and the figures no route owns.
import type { Catalog } from '../data/catalog.ts';
import type { Lang } from '../domain/feature.ts';
import { formatDate, strings } from '../i18n/strings.ts';
import { button, el } from './dom.ts';
import { mentionCard } from './mention-card.ts';

export interface OverviewOptions {
  catalog: Catalog;
  lang: Lang;
  onOpenArticle(articleId: string, mentionId: string | null): void;
}

export function overviewPanel(o: OverviewOptions): HTMLElement {
  const t = strings(o.lang);
  const articles = [...o.catalog.data.joined.articles].sort((a, b) => b.date.localeCompare(a.date));
  const unattached = o.catalog.unattachedFigureMentions();
  return el(
    'article',
    { class: 'overview-panel', 'aria-labelledby': 'panel-heading' },
    el('h2', { id: 'panel-heading', tabindex: '-1' }, t.overviewHeading),
    el('p', {}, t.overviewIntro),
    el(
      'p',
      { class: 'counts' },
      `${t.articlesCount(articles.length)} · ${t.mentionsCount(o.catalog.data.joined.mentions.length)}`,
    ),
    el(
      'ul',
      { class: 'article-list' },
      ...articles.map((a) =>
        el(
          'li',
          {},
          button(
            `${a.source ?? t.outletUnknown} · ${formatDate(a.date, o.lang)}`,
            () => o.onOpenArticle(a.id, null),
            {
              class: 'link-button',
              'data-article-id': a.id,
            },
          ),
        ),
      ),
    ),
    el('h3', {}, t.overviewFiguresHeading),
    unattached.length === 0
      ? el('p', { class: 'empty' }, t.overviewFiguresNone)
      : el(
          'ul',
          { class: 'mentions', 'data-section': 'unattached' },
          ...unattached.map((m) =>
            mentionCard(m, {
              catalog: o.catalog,
              lang: o.lang,
              featureIds: [],
              onOpenArticle: o.onOpenArticle,
            }),
          ),
        ),
  );
}
