// Every feature, grouped by kind, as plain buttons: the map's content reachable by keyboard and screen reader.
import type { Catalog } from '../data/catalog.ts';
import { effectiveDate } from '../data/today.ts';
import { FEATURE_KINDS, type FeatureId, type Lang } from '../domain/feature.ts';
import { overduePlans } from '../domain/status-at.ts';
import { collator } from '../i18n/formatters.ts';
import { strings } from '../i18n/strings.ts';
import { KIND_COLOR } from '../map/palette.ts';
import { button, el, swatch } from './dom.ts';

export interface FeatureListOptions {
  catalog: Catalog;
  lang: Lang;
  selected: FeatureId | null;
  asOf: string | null;
  onSelect(id: FeatureId): void;
}

const OVERDUE: Record<Lang, string> = { ru: 'срок по плану прошёл', en: 'a planned date has passed' };

export function featureList(o: FeatureListOptions): HTMLElement {
  const t = strings(o.lang);
  const byName = collator(o.lang);
  const groups = FEATURE_KINDS.map((kind) => ({
    kind,
    features: o.catalog.features
      .filter((f) => f.properties.kind === kind)
      .sort((a, b) => byName.compare(a.properties.name[o.lang], b.properties.name[o.lang])),
  })).filter((g) => g.features.length > 0);
  return el(
    'nav',
    { class: 'feature-list', 'aria-labelledby': 'feature-list-heading' },
    el('h2', { id: 'feature-list-heading' }, t.featureListHeading),
    ...groups.map((g) =>
      el(
        'section',
        { class: 'kind-group', 'data-kind': g.kind },
        el('h3', {}, swatch(KIND_COLOR[g.kind]), t.kindsPlural[g.kind]),
        el(
          'ul',
          {},
          ...g.features.map((f) => {
            const overdue = overduePlans(f.properties, effectiveDate(o.asOf)).length > 0;
            return el(
              'li',
              {},
              button(f.properties.name[o.lang], () => o.onSelect(f.properties.id), {
                class: 'feature-button',
                'data-feature-id': f.properties.id,
                'aria-pressed': String(o.selected === f.properties.id),
              }),
              overdue ? el('span', { class: 'overdue-flag', title: OVERDUE[o.lang] }, ' ⚠') : null,
              overdue ? el('span', { class: 'visually-hidden' }, OVERDUE[o.lang]) : null,
            );
          }),
        ),
      ),
    ),
  );
}
