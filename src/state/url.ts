// The shareable state in the query string: selection, open article, view, language, filters and the as-of date.
// ?f=<feature>&a=<article>&m=<mention>&view=figures&lang=en&hk=rail,port&hs=planned&ho=Trend&from=2025-10-01
// &to=2025-10-31&mode=dim&asof=2015-01-01. Unknown or malformed values fall back to the defaults.
// Briefing mode: ?mode=briefing&step=3 (1-based; out of range → 1). `mode` may repeat: mode=briefing&mode=dim.
import { FEATURE_KINDS, type FeatureId, type FeatureKind, LANGS, type Lang } from '../domain/feature.ts';
import { STATUS_GROUPS, type StatusGroup } from '../domain/status-at.ts';
import { type AppState, type Filters, NO_FILTERS, VIEWS, type View } from './store.ts';

export type UrlState = Pick<AppState, 'lang' | 'view' | 'selected' | 'article'> &
  Filters &
  /** only in briefing mode */
  Partial<Pick<AppState, 'mode' | 'step'>>;

export interface KnownIds {
  features: ReadonlySet<FeatureId>;
  /** a Set, or where not every id is loaded (src/app.ts) a looser test */
  articles: Pick<ReadonlySet<string>, 'has'>;
  mentions: Pick<ReadonlySet<string>, 'has'>;
  /** outlet names as in Article.source, '' for articles that name none */
  outlets?: ReadonlySet<string>;
  /** how many steps the briefing has */
  steps?: number;
}

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

function oneOf<T extends string>(values: readonly T[], v: string | null): v is T {
  return v !== null && (values as readonly string[]).includes(v);
}

function list<T extends string>(q: URLSearchParams, key: string, allowed: (v: string) => v is T): T[] {
  const raw = q.get(key);
  if (raw === null || raw === '') return [];
  return [...new Set(raw.split(',').filter(allowed))].sort();
}

function date(q: URLSearchParams, key: string): string | null {
  const v = q.get(key);
  return v !== null && DATE.test(v) ? v : null;
}

export function parseUrlState(search: string, known: KnownIds): UrlState {
  const q = new URLSearchParams(search);
  const f = q.get('f');
  const a = q.get('a');
  const m = q.get('m');
  const lang = q.get('lang');
  const view = q.get('view');
  const modes = q.getAll('mode');
  const step = Number(q.get('step'));
  const steps = known.steps ?? 0;
  const isKind = (v: string): v is FeatureKind => oneOf(FEATURE_KINDS, v);
  const isGroup = (v: string): v is StatusGroup => oneOf(STATUS_GROUPS, v);
  const isOutlet = (v: string): v is string => known.outlets?.has(v === '-' ? '' : v) ?? false;
  const dateFrom = date(q, 'from');
  const dateTo = date(q, 'to');
  return {
    lang: oneOf<Lang>(LANGS, lang) ? lang : 'ru',
    view: oneOf<View>(VIEWS, view) ? view : 'map',
    selected: f !== null && known.features.has(f) ? f : null,
    article:
      a !== null && known.articles.has(a)
        ? { articleId: a, mentionId: m !== null && known.mentions.has(m) ? m : null }
        : null,
    hiddenKinds: FEATURE_KINDS.filter((k) => list(q, 'hk', isKind).includes(k)),
    hiddenGroups: STATUS_GROUPS.filter((g) => list(q, 'hs', isGroup).includes(g)),
    hiddenOutlets: list(q, 'ho', isOutlet).map((o) => (o === '-' ? '' : o)),
    // A reversed range is read as the reader meant it.
    dateFrom: dateFrom !== null && dateTo !== null && dateFrom > dateTo ? dateTo : dateFrom,
    dateTo: dateFrom !== null && dateTo !== null && dateFrom > dateTo ? dateFrom : dateTo,
    filterMode: modes.includes('dim') ? 'dim' : NO_FILTERS.filterMode,
    asOf: date(q, 'asof'),
    ...(modes.includes('briefing') && steps > 0
      ? { mode: 'briefing' as const, step: Number.isInteger(step) && step >= 1 && step <= steps ? step : 1 }
      : {}),
  };
}

export function serializeUrlState(state: UrlState): string {
  const q = new URLSearchParams();
  if (state.mode === 'briefing') {
    q.append('mode', 'briefing');
    q.set('step', String(state.step ?? 1));
  }
  if (state.selected !== null) q.set('f', state.selected);
  if (state.article !== null) {
    q.set('a', state.article.articleId);
    if (state.article.mentionId !== null) q.set('m', state.article.mentionId);
  }
  if (state.view !== 'map') q.set('view', state.view);
  if (state.lang !== 'ru') q.set('lang', state.lang);
  if (state.hiddenKinds.length > 0) q.set('hk', state.hiddenKinds.join(','));
  if (state.hiddenGroups.length > 0) q.set('hs', state.hiddenGroups.join(','));
  if (state.hiddenOutlets.length > 0)
    q.set('ho', state.hiddenOutlets.map((o) => (o === '' ? '-' : o)).join(','));
  if (state.dateFrom !== null) q.set('from', state.dateFrom);
  if (state.dateTo !== null) q.set('to', state.dateTo);
  if (state.filterMode !== 'hide') q.append('mode', state.filterMode);
  if (state.asOf !== null) q.set('asof', state.asOf);
  const s = q.toString();
  return s === '' ? '' : `?${s}`;
}

/** Keeps the URL and the store in step: store changes push history entries; back/forward restore them. */
export function syncUrl(
  store: {
    getState(): AppState & { restore(s: UrlState): void };
    subscribe(l: (s: AppState) => void): () => void;
  },
  known: KnownIds,
  win: Window = window,
): () => void {
  const fromUrl = () => store.getState().restore(parseUrlState(win.location.search, known));
  fromUrl();
  // Normalise what we were given (drops unknown ids) without adding a history entry.
  win.history.replaceState(null, '', `${win.location.pathname}${serializeUrlState(store.getState())}`);
  const unsubscribe = store.subscribe((s) => {
    if (s.origin === 'url') return;
    const next = serializeUrlState(s);
    if (next !== win.location.search) win.history.pushState(null, '', `${win.location.pathname}${next}`);
  });
  win.addEventListener('popstate', fromUrl);
  return () => {
    unsubscribe();
    win.removeEventListener('popstate', fromUrl);
  };
}
