// With nothing selected: what the map shows, the articles it reads, and the figures no route owns. The first view
// holds only the newest articles and figure sentences (the core's preload); "show all" fetches the corpus, and the
// long lists are then drawn a batch at a time.
import type { Catalog } from '../data/catalog.ts';
import { compareStrings } from '../domain/compare-strings.ts';
import type { Lang } from '../domain/feature.ts';
import type { Article } from '../domain/joined.ts';
import { newestFirst } from '../domain/mention-order.ts';
import { OVERVIEW_LIMIT } from '../domain/shards.ts';
import { formatDate, strings } from '../i18n/strings.ts';
import { button, el } from './dom.ts';
import { incrementalList } from './incremental-list.ts';
import { mentionCard } from './mention-card.ts';

export interface OverviewOptions {
  catalog: Catalog;
  lang: Lang;
  /** the whole corpus is loaded: list everything */
  complete: boolean;
  /** the corpus is on its way */
  loading: boolean;
  onShowAll(): void;
  onOpenArticle(articleId: string, mentionId: string | null): void;
}

export function overviewPanel(o: OverviewOptions): HTMLElement {
  const t = strings(o.lang);
  const { summary } = o.catalog;
  const loaded = [...o.catalog.data.joined.articles].sort(newestFirst);
  const articles = o.complete ? loaded : loaded.slice(0, OVERVIEW_LIMIT);
  const unattachedLoaded = o.catalog.unattachedFigureMentions();
  const unattached = o.complete
    ? unattachedLoaded
    : [...unattachedLoaded]
        .sort((a, b) =>
          compareStrings(
            o.catalog.article(b.articleId)?.date ?? '',
            o.catalog.article(a.articleId)?.date ?? '',
          ),
        )
        .slice(0, OVERVIEW_LIMIT);
  const showAll = (shown: number, total: number, label: (n: number) => string) =>
    o.complete || shown >= total
      ? null
      : el(
          'p',
          { class: 'show-all' },
          o.loading
            ? el('span', { role: 'status' }, t.loading)
            : button(label(total), o.onShowAll, { class: 'link-button' }),
        );
  const articleItem = (a: Article) =>
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
    );
  return el(
    'article',
    { class: 'overview-panel', 'aria-labelledby': 'panel-heading' },
    el('h2', { id: 'panel-heading', tabindex: '-1' }, t.overviewHeading),
    el('p', {}, t.overviewIntro),
    el(
      'p',
      { class: 'counts' },
      `${t.articlesCount(summary.articles)} · ${t.mentionsCount(summary.mentions)}`,
    ),
    incrementalList({
      items: articles,
      render: articleItem,
      moreLabel: t.showMore,
      attrs: { class: 'article-list' },
    }),
    showAll(articles.length, summary.articles, t.showAllArticles),
    el('h3', {}, t.overviewFiguresHeading),
    unattached.length === 0
      ? el('p', { class: 'empty' }, t.overviewFiguresNone)
      : incrementalList({
          items: unattached,
          render: (m) =>
            mentionCard(m, {
              catalog: o.catalog,
              lang: o.lang,
              featureIds: [],
              onOpenArticle: o.onOpenArticle,
            }),
          moreLabel: t.showMore,
          attrs: { class: 'mentions', 'data-section': 'unattached' },
        }),
    showAll(unattached.length, summary.unattachedFigureMentions, t.showAllFigures),
  );
}
