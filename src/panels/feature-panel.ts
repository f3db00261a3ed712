// The panel of one feature: its facts from geo/ and every mention in the articles.
import type { BuiltFeature, Catalog } from '../data/catalog.ts';
import { effectiveDate } from '../data/today.ts';
import type { FeatureId, Lang } from '../domain/feature.ts';
import { overduePlans, statusAt } from '../domain/status-at.ts';
import { formatDate, formatKm, strings } from '../i18n/strings.ts';
import { KIND_COLOR } from '../map/palette.ts';
import { button, el, safeLink, swatch } from './dom.ts';
import { incrementalList } from './incremental-list.ts';
import { mentionCard } from './mention-card.ts';

/** A composite's panel lists this many mentions of each part at first (the button draws a batch more). */
export const PART_FIRST = 5;

export interface FeaturePanelOptions {
  catalog: Catalog;
  lang: Lang;
  /** the as-of date, when the reader set one */
  asOf: string | null;
  /** the feature's mentions are still on their way (drawn with the counts of the corpus summary meanwhile) */
  loading?: boolean;
  /** they could not be fetched: offer to try again */
  onRetry?: () => void;
  /** a feature's mentions come in pages (src/data/loader.ts): how many are loaded in order, and the next page */
  pages?: { loadedThrough(id: FeatureId): number; more(id: FeatureId): void; failed(id: FeatureId): boolean };
  onSelect(id: FeatureId): void;
  onOpenArticle(articleId: string, mentionId: string): void;
  onClose(): void;
}

function fact(label: string, value: string | Node | null): Node[] {
  if (value === null) return [];
  return [el('dt', {}, label), el('dd', {}, value)];
}

function featureLinks(ids: readonly FeatureId[], o: FeaturePanelOptions): HTMLElement {
  return el(
    'ul',
    { class: 'feature-links' },
    ...ids.map((id) => {
      const f = o.catalog.feature(id);
      return el(
        'li',
        {},
        button(f?.properties.name[o.lang] ?? id, () => o.onSelect(id), { class: 'link-button' }),
      );
    }),
  );
}

function mentionsSection(f: BuiltFeature, o: FeaturePanelOptions): HTMLElement[] {
  const t = strings(o.lang);
  const id = f.properties.id;
  if (o.loading === true || o.onRetry !== undefined) {
    // The count is the corpus summary's, so the heading is right before the mentions themselves arrive.
    const n = o.catalog.summary.mentionsOf[id] ?? 0;
    return [
      el('h3', {}, `${t.mentions} (${n})`),
      o.onRetry === undefined
        ? el('p', { class: 'loading', role: 'status' }, t.loading)
        : el(
            'p',
            { class: 'load-error', role: 'alert' },
            `${t.loadFailed} `,
            button(t.retry, o.onRetry, { class: 'link-button' }),
          ),
    ];
  }
  type M = Parameters<typeof mentionCard>[0];
  /** the loaded beginning of a feature's list, and how long the whole list is */
  const mentionsOf = (fid: FeatureId): { items: M[]; total: number } => {
    const all = o.catalog.mentionsOf(fid);
    const through = o.pages?.loadedThrough(fid) ?? Number.POSITIVE_INFINITY;
    return through === Number.POSITIVE_INFINITY
      ? { items: all, total: all.length }
      : { items: all.slice(0, through), total: o.catalog.summary.mentionsOf[fid] ?? all.length };
  };
  const card = (ids: FeatureId[]) => (m: M) =>
    mentionCard(m, { catalog: o.catalog, lang: o.lang, featureIds: ids, onOpenArticle: o.onOpenArticle });
  const list = (
    fid: FeatureId,
    mentions: { items: M[]; total: number },
    role: string,
    attrs = {},
    digest = false,
  ) =>
    incrementalList({
      // A part's list is a digest under its heading: a few, and more on request. With a batch each, the Middle
      // Corridor's thirteen parts drew ~520 cards (~10,000 elements, ~0.4 s of a click at 10,000 articles), and
      // scrolling past a part would grow it by a batch.
      ...(digest ? { first: PART_FIRST, growOnScroll: false } : {}),
      items: mentions.items,
      total: mentions.total,
      render: card([fid]),
      moreLabel: t.showMore,
      loadingLabel: t.loading,
      onNeedMore: () => o.pages?.more(fid),
      ...(o.pages?.failed(fid) === true ? { failedLabel: `${t.loadFailed} ${t.retry}` } : {}),
      key: `${role}:${fid}`,
      attrs: { class: 'mentions', ...attrs },
    });
  const own = mentionsOf(id);
  const out = [
    el('h3', {}, `${t.mentions} (${own.total})`),
    own.total === 0
      ? el('p', { class: 'empty' }, t.noMentions)
      : list(id, own, 'own', { 'data-section': 'own' }),
  ];
  const parts = f.properties.parts;
  const partGroups = parts
    .map((part) => ({ id: part, mentions: mentionsOf(part) }))
    .filter((g) => g.mentions.total > 0);
  if (partGroups.length > 0) {
    out.push(
      el('h3', {}, t.mentionsOfParts),
      el(
        'div',
        { class: 'part-mentions', 'data-section': 'parts' },
        ...partGroups.map((g) =>
          el(
            'section',
            { class: 'part-group' },
            el('h4', {}, o.catalog.feature(g.id)?.properties.name[o.lang] ?? g.id),
            list(g.id, g.mentions, 'part', {}, true),
          ),
        ),
      ),
    );
  }
  return out;
}

export function featurePanel(f: BuiltFeature, o: FeaturePanelOptions): HTMLElement {
  const t = strings(o.lang);
  const p = f.properties;
  const status = el(
    'span',
    { class: `status status-${p.status}` },
    `${t.statuses[p.status]} · ${t.asOf} ${formatDate(p.statusAsOf, o.lang)}`,
  );
  const then = o.asOf === null ? undefined : statusAt(p, o.asOf);
  const statusThen =
    o.asOf === null || then === undefined
      ? null
      : el(
          'span',
          { class: 'status-then', 'data-status': then ?? 'none' },
          then === null ? t.notYet : t.statuses[then],
        );
  const overdue = overduePlans(p, effectiveDate(o.asOf));
  const facts = el(
    'dl',
    { class: 'facts' },
    ...fact(t.status, status),
    ...(o.asOf === null ? [] : fact(`${t.statusOn} ${formatDate(o.asOf, o.lang)}`, statusThen)),
    ...fact(t.officialLength, p.lengthKm === undefined ? null : formatKm(p.lengthKm, o.lang)),
    ...fact(t.drawnLength, p.drawnLengthKm === undefined ? null : formatKm(p.drawnLengthKm, o.lang)),
    ...fact(t.capacity, p.capacity?.[o.lang] ?? null),
    ...fact(t.operator, p.operator?.[o.lang] ?? null),
  );
  const milestones = (p.milestones ?? []).length
    ? [
        el('h3', {}, t.milestones),
        el(
          'ol',
          { class: 'milestones' },
          ...(p.milestones ?? []).map((m) =>
            el(
              'li',
              { class: m.plan ? (overdue.includes(m) ? 'plan overdue' : 'plan') : 'event' },
              el('time', {}, formatDate(m.date, o.lang)),
              ' ',
              m.text[o.lang],
              ' ',
              safeLink(m.source, '↗'),
              overdue.includes(m) ? el('span', { class: 'overdue-flag' }, ` ⚠ ${t.overdue}`) : null,
            ),
          ),
        ),
      ]
    : [];
  return el(
    'article',
    {
      class: 'feature-panel',
      'data-feature-id': p.id,
      'aria-labelledby': 'panel-heading',
      ...(o.loading === true ? { 'aria-busy': 'true' } : {}),
    },
    el(
      'header',
      { class: 'panel-header' },
      button('×', o.onClose, { class: 'close', 'aria-label': t.close, title: t.close }),
      el('p', { class: 'kind' }, swatch(KIND_COLOR[p.kind]), t.kinds[p.kind]),
      el('h2', { id: 'panel-heading', tabindex: '-1' }, p.name[o.lang]),
    ),
    overdue.length > 0
      ? el('p', { class: 'overdue-banner', role: 'note' }, `⚠ ${t.overdueBanner(overdue.length)}`)
      : null,
    facts,
    p.partOf.length > 0
      ? el('div', { class: 'nav-group' }, el('h3', {}, t.partOf), featureLinks(p.partOf, o))
      : null,
    p.parts.length > 0
      ? el('div', { class: 'nav-group' }, el('h3', {}, t.parts), featureLinks(p.parts, o))
      : null,
    ...mentionsSection(f, o),
    ...milestones,
    el('h3', {}, t.accuracy),
    el('p', { class: `accuracy accuracy-${p.accuracy}` }, t.accuracies[p.accuracy]),
    p.accuracyNote ? el('p', { class: 'accuracy-note' }, p.accuracyNote[o.lang]) : null,
    el('h3', {}, t.sources),
    el('ul', { class: 'sources' }, ...p.sources.map((s) => el('li', {}, safeLink(s.url, s.title)))),
  );
}
