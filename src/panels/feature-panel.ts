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

export interface FeaturePanelOptions {
  catalog: Catalog;
  lang: Lang;
  /** the as-of date, when the reader set one */
  asOf: string | null;
  /** the feature's mentions are still on their way (drawn with the counts of the corpus summary meanwhile) */
  loading?: boolean;
  /** they could not be fetched: offer to try again */
  onRetry?: () => void;
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
  const own = o.catalog.mentionsOf(id);
  const card = (ids: FeatureId[]) => (m: Parameters<typeof mentionCard>[0]) =>
    mentionCard(m, { catalog: o.catalog, lang: o.lang, featureIds: ids, onOpenArticle: o.onOpenArticle });
  const list = (mentions: readonly Parameters<typeof mentionCard>[0][], ids: FeatureId[], attrs = {}) =>
    incrementalList({
      items: mentions,
      render: card(ids),
      moreLabel: t.showMore,
      attrs: { class: 'mentions', ...attrs },
    });
  const out = [
    el('h3', {}, `${t.mentions} (${own.length})`),
    own.length === 0 ? el('p', { class: 'empty' }, t.noMentions) : list(own, [id], { 'data-section': 'own' }),
  ];
  const parts = f.properties.parts;
  const partGroups = parts
    .map((part) => ({ id: part, mentions: o.catalog.mentionsOf(part) }))
    .filter((g) => g.mentions.length > 0);
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
            list(g.mentions, [g.id]),
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
