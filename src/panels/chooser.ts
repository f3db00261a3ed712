// Several features under one click: ask which one was meant (as GEM's trackers do).
import type { Catalog } from '../data/catalog.ts';
import type { FeatureId, Lang } from '../domain/feature.ts';
import { strings } from '../i18n/strings.ts';
import { KIND_COLOR } from '../map/palette.ts';
import { button, el, swatch } from './dom.ts';

export interface ChooserOptions {
  catalog: Catalog;
  lang: Lang;
  ids: readonly FeatureId[];
  point: { x: number; y: number };
  onChoose(id: FeatureId): void;
  onClose(): void;
}

export function chooser(o: ChooserOptions): HTMLElement {
  const t = strings(o.lang);
  const box = el(
    'div',
    { class: 'chooser', role: 'dialog', 'aria-label': t.chooserHeading },
    el('p', { class: 'chooser-heading' }, t.chooserHeading),
    el(
      'ul',
      {},
      ...o.ids.map((id) => {
        const f = o.catalog.feature(id);
        const kind = f?.properties.kind ?? 'place';
        return el(
          'li',
          {},
          button(f?.properties.name[o.lang] ?? id, () => o.onChoose(id), {
            class: 'chooser-option',
            'data-feature-id': id,
          }),
          el('span', { class: 'chooser-kind' }, swatch(KIND_COLOR[kind]), t.kinds[kind]),
        );
      }),
    ),
  );
  box.style.left = `${Math.round(o.point.x)}px`;
  box.style.top = `${Math.round(o.point.y)}px`;
  box.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') o.onClose();
  });
  return box;
}
