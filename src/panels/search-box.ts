// The search box: a combobox whose options are grouped by what they are. It is created once and keeps its own
// text, so redrawing the panels never takes the reader's cursor away.
import type { Lang } from '../domain/feature.ts';
import type { ResultKind, SearchIndex, SearchResult } from '../search/search-index.ts';
import { el } from './dom.ts';

const T: Record<
  Lang,
  { label: string; placeholder: string; none: string; indexing: string; groups: Record<ResultKind, string> }
> = {
  ru: {
    label: 'Поиск',
    placeholder: 'Курык, БТК, товарооборот, 547…',
    none: 'Ничего не найдено',
    indexing: 'Ищем во всех статьях…',
    groups: { feature: 'Объекты', speaker: 'Говорящие', figure: 'Цифры', mention: 'Предложения' },
  },
  en: {
    label: 'Search',
    placeholder: 'Kuryk, BTK, turnover, 547…',
    none: 'Nothing found',
    indexing: 'Searching all articles…',
    groups: { feature: 'Features', speaker: 'Speakers', figure: 'Figures', mention: 'Sentences' },
  },
};

export interface SearchBox {
  element: HTMLElement;
  setLang(lang: Lang): void;
  /**
   * Swaps the index; open results are searched again. `complete` false: the whole corpus is still being indexed,
   * and the results say so.
   */
  setIndex(index: SearchIndex, complete?: boolean): void;
}

export interface SearchBoxOptions {
  index: SearchIndex;
  lang: Lang;
  onChoose(result: SearchResult): void;
  /** the first time the reader focuses the box: the app fetches the corpus the full index needs */
  onFirstFocus?(): void;
}

export function searchBox(o: SearchBoxOptions): SearchBox {
  let lang = o.lang;
  let index = o.index;
  let complete = true;
  let results: SearchResult[] = [];
  let active = -1;
  const label = el('label', { class: 'visually-hidden', id: 'search-label' });
  label.htmlFor = 'search-input';
  const input = el('input', {
    id: 'search-input',
    type: 'search',
    role: 'combobox',
    'aria-autocomplete': 'list',
    'aria-expanded': 'false',
    'aria-controls': 'search-results',
  });
  input.autocomplete = 'off';
  const list = el('div', { id: 'search-results', role: 'listbox', 'aria-labelledby': 'search-label' });
  list.hidden = true;
  const status = el('p', { class: 'visually-hidden', role: 'status' });

  const optionId = (i: number) => `search-option-${i}`;
  const setActive = (i: number) => {
    active = i;
    for (const opt of list.querySelectorAll<HTMLElement>('[role="option"]')) {
      opt.setAttribute('aria-selected', String(opt.id === optionId(i)));
    }
    if (i >= 0) {
      input.setAttribute('aria-activedescendant', optionId(i));
      document.getElementById(optionId(i))?.scrollIntoView({ block: 'nearest' });
    } else input.removeAttribute('aria-activedescendant');
  };
  const close = () => {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    setActive(-1);
  };
  const choose = (i: number) => {
    const r = results[i];
    if (r === undefined) return;
    close();
    o.onChoose(r);
  };
  const render = () => {
    const t = T[lang];
    results = index.search(input.value, lang);
    list.replaceChildren();
    if (input.value.trim() === '') {
      close();
      status.textContent = '';
      return;
    }
    const groups = new Map<ResultKind, SearchResult[]>();
    for (const r of results) groups.set(r.kind, [...(groups.get(r.kind) ?? []), r]);
    let i = 0;
    for (const [kind, rs] of groups) {
      const group = el('div', {
        role: 'group',
        'aria-label': t.groups[kind],
        class: `search-group kind-${kind}`,
      });
      group.appendChild(el('p', { class: 'search-group-label', 'aria-hidden': 'true' }, t.groups[kind]));
      for (const r of rs) {
        const index = i++;
        const opt = el(
          'div',
          {
            role: 'option',
            id: optionId(index),
            class: 'search-option',
            'aria-selected': 'false',
            'data-kind': r.kind,
            'data-id': r.id,
          },
          r.kind === 'mention' && r.label.length > 140 ? `${r.label.slice(0, 140)}…` : r.label,
        );
        opt.addEventListener('mousedown', (e) => e.preventDefault());
        opt.addEventListener('click', () => choose(index));
        group.appendChild(opt);
      }
      list.appendChild(group);
    }
    if (!complete) list.appendChild(el('p', { class: 'search-none search-indexing' }, t.indexing));
    else if (results.length === 0) list.appendChild(el('p', { class: 'search-none' }, t.none));
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    const count = results.length === 0 ? t.none : String(results.length);
    status.textContent = complete ? count : `${results.length === 0 ? '' : `${count}. `}${t.indexing}`;
    setActive(results.length > 0 ? 0 : -1);
  };
  input.addEventListener('input', render);
  input.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown' && results.length > 0) {
      e.preventDefault();
      if (list.hidden) render();
      setActive((active + 1) % results.length);
    } else if (e.key === 'ArrowUp' && results.length > 0) {
      e.preventDefault();
      setActive((active - 1 + results.length) % results.length);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      choose(active >= 0 ? active : 0);
    } else if (e.key === 'Escape') {
      if (list.hidden) input.value = '';
      close();
    }
  });
  input.addEventListener('blur', () => setTimeout(close, 150));
  const setLang = (l: Lang) => {
    lang = l;
    label.textContent = T[l].label;
    input.placeholder = T[l].placeholder;
    if (!list.hidden) render();
  };
  setLang(lang);
  const setIndex = (i: SearchIndex, isComplete = true) => {
    index = i;
    complete = isComplete;
    if (input.value.trim() !== '') render();
  };
  if (o.onFirstFocus !== undefined) input.addEventListener('focus', o.onFirstFocus, { once: true });
  return { element: el('div', { class: 'search' }, label, input, list, status), setLang, setIndex };
}
