// One framework-free store. Every change carries its origin so the URL and the map, which both write to the
// store and listen to it, never echo a change back to where it came from.
import { createStore } from 'zustand/vanilla';
import { FEATURE_KINDS, type FeatureId, type FeatureKind, type Lang } from '../domain/feature.ts';

export type Origin = 'init' | 'url' | 'map' | 'list' | 'panel' | 'api' | 'keyboard';

export interface ArticleView {
  articleId: string;
  /** the mention whose sentence is highlighted */
  mentionId: string | null;
}

export interface Chooser {
  ids: FeatureId[];
  /** screen point of the click, CSS px relative to the map container */
  point: { x: number; y: number };
}

export type View = 'map' | 'figures';
export const VIEWS: readonly View[] = ['map', 'figures'];

export interface AppState {
  lang: Lang;
  /** the map, or the Figures view over it */
  view: View;
  selected: FeatureId | null;
  hovered: FeatureId | null;
  /** kinds switched off in the legend */
  hiddenKinds: FeatureKind[];
  article: ArticleView | null;
  chooser: Chooser | null;
  /** where the last change came from */
  origin: Origin;
}

export interface AppActions {
  select(id: FeatureId | null, origin: Origin): void;
  hover(id: FeatureId | null): void;
  setLang(lang: Lang, origin: Origin): void;
  setView(view: View, origin: Origin): void;
  toggleKind(kind: FeatureKind): void;
  openArticle(view: ArticleView | null, origin: Origin): void;
  openChooser(chooser: Chooser | null): void;
  /** apply a whole state read from the URL */
  restore(state: Pick<AppState, 'lang' | 'view' | 'selected' | 'article'>): void;
}

export type Store = ReturnType<typeof createAppStore>;

export function createAppStore(initial: Partial<AppState> = {}) {
  return createStore<AppState & AppActions>()((set) => ({
    lang: 'ru',
    view: 'map',
    selected: null,
    hovered: null,
    hiddenKinds: [],
    article: null,
    chooser: null,
    origin: 'init',
    ...initial,
    select: (id, origin) => set({ selected: id, chooser: null, article: null, origin }),
    hover: (id) => set({ hovered: id }),
    setLang: (lang, origin) => set({ lang, origin }),
    setView: (view, origin) => set({ view, chooser: null, origin }),
    toggleKind: (kind) =>
      set((s) => ({
        hiddenKinds: s.hiddenKinds.includes(kind)
          ? s.hiddenKinds.filter((k) => k !== kind)
          : FEATURE_KINDS.filter((k) => k === kind || s.hiddenKinds.includes(k)),
        origin: 'panel',
      })),
    openArticle: (article, origin) => set({ article, chooser: null, origin }),
    openChooser: (chooser) => set({ chooser }),
    restore: (state) => set({ ...state, chooser: null, origin: 'url' }),
  }));
}
