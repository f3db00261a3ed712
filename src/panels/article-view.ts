// An article as the reader would read it, with one sentence highlighted and scrolled into view.
import type { Catalog } from '../data/catalog.ts';
import type { Lang } from '../domain/feature.ts';
import { formatDate, strings } from '../i18n/strings.ts';
import { button, el, markedText, safeLink } from './dom.ts';

export interface ArticleViewOptions {
  catalog: Catalog;
  lang: Lang;
  articleId: string;
  mentionId: string | null;
  /** the text is still on its way */
  loading?: boolean;
  /** it could not be fetched: offer to try again */
  onRetry?: () => void;
  onBack(): void;
}

export function articleView(o: ArticleViewOptions): HTMLElement {
  const t = strings(o.lang);
  const a = o.catalog.article(o.articleId);
  const text = o.catalog.text(o.articleId);
  const heading = a?.title ?? `${a?.source ?? t.outletUnknown}, ${a ? formatDate(a.date, o.lang) : ''}`;
  const body = el('div', { class: 'article-body', lang: 'ru' });
  for (const paragraph of text?.paragraphs ?? []) {
    const p = el('p', {});
    paragraph.forEach((s, i) => {
      if (i > 0) p.appendChild(document.createTextNode(' '));
      const mention = s.mentionId === null ? undefined : o.catalog.mention(s.mentionId);
      const spans = mention ? o.catalog.spansOf(mention.id, mention.featureIds) : [];
      const span = el(
        'span',
        {
          class: s.mentionId !== null && s.mentionId === o.mentionId ? 'sentence highlighted' : 'sentence',
          ...(s.mentionId === null ? {} : { 'data-mention-id': s.mentionId }),
        },
        ...markedText(
          s.text,
          spans.map((x) => ({ ...x, class: 'name' })),
        ),
      );
      p.appendChild(span);
    });
    body.appendChild(p);
  }
  if (text === undefined && o.onRetry !== undefined)
    body.appendChild(
      el(
        'p',
        { class: 'load-error', role: 'alert' },
        `${t.loadFailed} `,
        button(t.retry, o.onRetry, { class: 'link-button' }),
      ),
    );
  else if (text === undefined && o.loading === true)
    body.appendChild(el('p', { class: 'loading', role: 'status' }, t.loading));
  return el(
    'article',
    {
      class: 'article-view',
      'data-article-id': o.articleId,
      'aria-labelledby': 'panel-heading',
      ...(text === undefined && o.loading === true ? { 'aria-busy': 'true' } : {}),
    },
    el(
      'header',
      { class: 'panel-header' },
      button(`← ${t.back}`, o.onBack, { class: 'link-button back' }),
      el('p', { class: 'kind' }, t.articleHeading),
      el('h2', { id: 'panel-heading', tabindex: '-1' }, heading),
      el(
        'p',
        { class: 'article-meta' },
        el('span', { class: 'outlet' }, a?.source ?? t.outletUnknown),
        ' · ',
        el('time', {}, a ? formatDate(a.date, o.lang) : ''),
        a?.author ? ` · ${a.author}` : null,
        ' · ',
        el('span', { class: 'file' }, a?.file ?? ''),
        // The url comes from the article's front matter: a link only if it is http(s), plain text otherwise.
        a?.url ? ' · ' : null,
        a?.url ? safeLink(a.url, a.url) : null,
      ),
    ),
    body,
  );
}

/** After the view is in the document: bring the highlighted sentence into view. */
export function revealHighlight(root: HTMLElement, smooth: boolean): void {
  const target = root.querySelector<HTMLElement>('.sentence.highlighted');
  target?.scrollIntoView({ block: 'center', behavior: smooth ? 'smooth' : 'auto' });
}
