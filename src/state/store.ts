// One framework-free store. Every change carries its origin so the URL and the map, which both write to the
// store and listen to it, never echo a change back to where it came from.
import { createStore } from 'zustand/vanilla';
import { FEATURE_KINDS, type FeatureId, type FeatureKind, type Lang } from '../domain/feature.ts';
import { STATUS_GROUPS, type StatusGroup } from '../domain/status-at.ts';

export type Origin = 'init' | 'url' | 'map' | 'list' | 'panel' | 'api' | 'keyboard' | 'presenter' | 'data';

/** Exploring freely, or presenting the steps of the briefing (src/modes/briefing.ts). */
export type Mode = 'explore' | 'briefing';

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

export type View = 'map' | 'figures' | 'timeline';
export const VIEWS: readonly View[] = ['map', 'figures', 'timeline'];

export interface AppState {
  lang: Lang;
  /** the map, or the Figures view over it */
  view: View;
  selected: FeatureId | null;
  hovered: FeatureId | null;
  /** kinds switched off in the legend */
  hiddenKinds: FeatureKind[];
  /** status groups switched off */
  hiddenGroups: StatusGroup[];
  /** outlets whose articles are left out (the name as in Article.source; '' for articles naming none) */
  hiddenOutlets: string[];
  /** article date range, YYYY-MM-DD, inclusive */
  dateFrom: string | null;
  dateTo: string | null;
  /** what filtered-out features do on the map */
  filterMode: FilterMode;
  /** show the network as of this date (YYYY-MM-DD); null: as it is now */
  asOf: string | null;
  article: ArticleView | null;
  chooser: Chooser | null;
  mode: Mode;
  /** the briefing step shown in briefing mode, 1-based */
  step: number;
  /** bumped when a piece of the data arrived (or failed to): what is drawn from the catalog is drawn again */
  dataVersion: number;
  /** where the last change came from */
  origin: Origin;
}

export type FilterMode = 'hide' | 'dim';

/** The part of the state that narrows what is shown; all of it lives in the URL. */
export type Filters = Pick<
  AppState,
  'hiddenKinds' | 'hiddenGroups' | 'hiddenOutlets' | 'dateFrom' | 'dateTo' | 'filterMode' | 'asOf'
>;

export const NO_FILTERS: Filters = {
  hiddenKinds: [],
  hiddenGroups: [],
  hiddenOutlets: [],
  dateFrom: null,
  dateTo: null,
  filterMode: 'hide',
  asOf: null,
};

export interface AppActions {
  select(id: FeatureId | null, origin: Origin): void;
  hover(id: FeatureId | null): void;
  setLang(lang: Lang, origin: Origin): void;
  setView(view: View, origin: Origin): void;
  toggleKind(kind: FeatureKind): void;
  toggleGroup(group: StatusGroup): void;
  toggleOutlet(outlet: string): void;
  setFilters(filters: Partial<Filters>, origin: Origin): void;
  openArticle(view: ArticleView | null, origin: Origin): void;
  openChooser(chooser: Chooser | null): void;
  /** enter or leave briefing mode, optionally at a step (1-based; the caller keeps it in range) */
  setMode(mode: Mode, origin: Origin, step?: number): void;
  setStep(step: number, origin: Origin): void;
  dataArrived(): void;
  /** apply a whole state read from the URL; no mode means explore */
  restore(
    state: Pick<AppState, 'lang' | 'view' | 'selected' | 'article'> &
      Filters &
      Partial<Pick<AppState, 'mode' | 'step'>>,
  ): void;
}

export type Store = ReturnType<typeof createAppStore>;

export function createAppStore(initial: Partial<AppState> = {}) {
  return createStore<AppState & AppActions>()((set) => ({
    lang: 'ru',
    view: 'map',
    selected: null,
    hovered: null,
    ...NO_FILTERS,
    article: null,
    chooser: null,
    mode: 'explore',
    step: 1,
    dataVersion: 0,
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
    toggleGroup: (group) =>
      set((s) => ({
        hiddenGroups: STATUS_GROUPS.filter((g) => (g === group) !== s.hiddenGroups.includes(g)),
        origin: 'panel',
      })),
    toggleOutlet: (outlet) =>
      set((s) => ({
        hiddenOutlets: s.hiddenOutlets.includes(outlet)
          ? s.hiddenOutlets.filter((o) => o !== outlet)
          : [...s.hiddenOutlets, outlet].sort(),
        origin: 'panel',
      })),
    setFilters: (filters, origin) => set({ ...filters, origin }),
    openArticle: (article, origin) => set({ article, chooser: null, origin }),
    openChooser: (chooser) => set({ chooser }),
    setMode: (mode, origin, step) => set((s) => ({ mode, step: step ?? s.step, chooser: null, origin })),
    setStep: (step, origin) => set({ step, origin }),
    dataArrived: () => set((s) => ({ dataVersion: s.dataVersion + 1, origin: 'data' })),
    restore: (state) => set({ mode: 'explore', step: 1, ...state, chooser: null, origin: 'url' }),
  }));
}
