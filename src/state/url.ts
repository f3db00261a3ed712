// The shareable part of the state in the query string:
// ?f=<feature id>&a=<article id>&m=<mention id>&view=figures&lang=ru|en.
// Unknown or malformed values fall back to the defaults (the overview, Russian).
import { type FeatureId, LANGS, type Lang } from '../domain/feature.ts';
import { type AppState, VIEWS, type View } from './store.ts';

export type UrlState = Pick<AppState, 'lang' | 'view' | 'selected' | 'article'>;

export interface KnownIds {
  features: ReadonlySet<FeatureId>;
  articles: ReadonlySet<string>;
  mentions: ReadonlySet<string>;
}

function isView(v: string | null): v is View {
  return v !== null && (VIEWS as readonly string[]).includes(v);
}

function isLang(v: string | null): v is Lang {
  return v !== null && (LANGS as readonly string[]).includes(v);
}

export function parseUrlState(search: string, known: KnownIds): UrlState {
  const q = new URLSearchParams(search);
  const f = q.get('f');
  const a = q.get('a');
  const m = q.get('m');
  const lang = q.get('lang');
  const view = q.get('view');
  return {
    lang: isLang(lang) ? lang : 'ru',
    view: isView(view) ? view : 'map',
    selected: f !== null && known.features.has(f) ? f : null,
    article:
      a !== null && known.articles.has(a)
        ? { articleId: a, mentionId: m !== null && known.mentions.has(m) ? m : null }
        : null,
  };
}

export function serializeUrlState(state: UrlState): string {
  const q = new URLSearchParams();
  if (state.selected !== null) q.set('f', state.selected);
  if (state.article !== null) {
    q.set('a', state.article.articleId);
    if (state.article.mentionId !== null) q.set('m', state.article.mentionId);
  }
  if (state.view !== 'map') q.set('view', state.view);
  if (state.lang !== 'ru') q.set('lang', state.lang);
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
