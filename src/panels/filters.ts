// Filters: status groups, outlets, the article date range, whether filtered-out features hide or dim, and the
// date the network is shown as of. The kind toggles live in the legend; both write the same store state.
import type { Catalog } from '../data/catalog.ts';
import type { Lang } from '../domain/feature.ts';
import { STATUS_GROUPS, type StatusGroup } from '../domain/status-at.ts';
import { outletName } from '../i18n/strings.ts';
import { STATUS_DASH } from '../map/palette.ts';
import type { Filters } from '../state/store.ts';
import { button, el } from './dom.ts';
import { lineSample } from './legend.ts';

const T: Record<
  Lang,
  {
    heading: string;
    status: string;
    groups: Record<StatusGroup, string>;
    outlets: string;
    dates: string;
    from: string;
    to: string;
    mode: string;
    hide: string;
    dim: string;
    time: string;
    asOf: string;
    now: string;
    reset: string;
  }
> = {
  ru: {
    heading: 'Фильтры',
    status: 'Статус',
    groups: {
      operational: 'Действует',
      construction: 'Строится',
      planned: 'Планируется / согласован / предложен',
    },
    outlets: 'Издания',
    dates: 'Дата статьи',
    from: 'с',
    to: 'по',
    mode: 'Отфильтрованные объекты',
    hide: 'скрыть',
    dim: 'приглушить',
    time: 'Сеть на дату',
    asOf: 'Показать сеть на',
    now: 'Сейчас',
    reset: 'Сбросить фильтры',
  },
  en: {
    heading: 'Filters',
    status: 'Status',
    groups: {
      operational: 'Operational',
      construction: 'Under construction',
      planned: 'Planned / agreed / proposed',
    },
    outlets: 'Outlets',
    dates: 'Article date',
    from: 'from',
    to: 'to',
    mode: 'Filtered-out features',
    hide: 'hide',
    dim: 'dim',
    time: 'Network as of',
    asOf: 'Show the network as of',
    now: 'Now',
    reset: 'Reset filters',
  },
};

export interface FiltersOptions {
  catalog: Catalog;
  lang: Lang;
  filters: Filters;
  onToggleGroup(g: StatusGroup): void;
  onToggleOutlet(o: string): void;
  onChange(f: Partial<Filters>): void;
}

function dateInput(id: string, value: string | null, onChange: (v: string | null) => void): HTMLInputElement {
  const input = el('input', { type: 'date', id });
  input.min = '1990-01-01';
  input.max = '2040-12-31';
  input.value = value ?? '';
  input.addEventListener('change', () =>
    onChange(/^\d{4}-\d{2}-\d{2}$/.test(input.value) ? input.value : null),
  );
  return input;
}

function labelled(input: HTMLElement, text: string, id: string): HTMLElement {
  const label = el('label', {}, text);
  label.htmlFor = id;
  return el('span', { class: 'labelled' }, label, ' ', input);
}

export function filtersPanel(o: FiltersOptions): HTMLElement {
  const t = T[o.lang];
  const f = o.filters;
  // From the summary: the outlets of the whole corpus, not only of the articles loaded so far.
  const outlets = o.catalog.summary.outlets.map((x) => x.name);
  const checkbox = (checked: boolean, onChange: () => void, attrs: Record<`data-${string}`, string>) => {
    const input = el('input', { type: 'checkbox', ...attrs });
    input.checked = checked;
    input.addEventListener('change', onChange);
    return input;
  };
  const radio = (value: 'hide' | 'dim', text: string) => {
    const input = el('input', { type: 'radio', id: `filter-mode-${value}`, 'data-mode': value });
    input.name = 'filter-mode';
    input.checked = f.filterMode === value;
    input.addEventListener('change', () => o.onChange({ filterMode: value }));
    const label = el('label', {}, input, ` ${text}`);
    return label;
  };
  const dirty =
    f.hiddenKinds.length + f.hiddenGroups.length + f.hiddenOutlets.length > 0 ||
    f.dateFrom !== null ||
    f.dateTo !== null ||
    f.asOf !== null;
  return el(
    'section',
    { class: 'filters', 'aria-labelledby': 'filters-heading' },
    el('h2', { id: 'filters-heading' }, t.heading),
    el('h3', {}, t.time),
    el(
      'p',
      { class: 'as-of' },
      labelled(
        dateInput('filter-as-of', f.asOf, (v) => o.onChange({ asOf: v })),
        t.asOf,
        'filter-as-of',
      ),
      ' ',
      f.asOf === null
        ? null
        : button(t.now, () => o.onChange({ asOf: null }), { class: 'link-button', id: 'as-of-now' }),
    ),
    el('h3', {}, t.status),
    el(
      'ul',
      { class: 'filter-groups' },
      ...STATUS_GROUPS.map((g) =>
        el(
          'li',
          {},
          el(
            'label',
            {},
            checkbox(!f.hiddenGroups.includes(g), () => o.onToggleGroup(g), { 'data-group': g }),
            lineSample('#444444', STATUS_DASH[g], 3),
            t.groups[g],
          ),
        ),
      ),
    ),
    el('h3', {}, t.outlets),
    el(
      'ul',
      { class: 'filter-outlets' },
      ...outlets.map((name) =>
        el(
          'li',
          {},
          el(
            'label',
            {},
            checkbox(!f.hiddenOutlets.includes(name), () => o.onToggleOutlet(name), { 'data-outlet': name }),
            ` ${outletName(name === '' ? null : name, o.lang)}`,
          ),
        ),
      ),
    ),
    el('h3', {}, t.dates),
    el(
      'p',
      { class: 'date-range' },
      labelled(
        dateInput('filter-from', f.dateFrom, (v) => o.onChange({ dateFrom: v })),
        t.from,
        'filter-from',
      ),
      ' ',
      labelled(
        dateInput('filter-to', f.dateTo, (v) => o.onChange({ dateTo: v })),
        t.to,
        'filter-to',
      ),
    ),
    el('h3', {}, t.mode),
    el('p', { class: 'filter-mode' }, radio('hide', t.hide), ' ', radio('dim', t.dim)),
    dirty
      ? button(
          t.reset,
          () =>
            o.onChange({
              hiddenKinds: [],
              hiddenGroups: [],
              hiddenOutlets: [],
              dateFrom: null,
              dateTo: null,
              asOf: null,
            }),
          { class: 'link-button', id: 'filters-reset' },
        )
      : null,
  );
}
