// Wires data, store, map and panels together. Each part lives in its own module; this file only connects them.
import type { Map as MapLibreMap, MapOptions } from 'maplibre-gl';
import { CHART_RESIZE_SETTLE_MS, chartWidth, contentWidth } from './charts/chart-width.ts';
import { type ChartView, chartView } from './charts/lazy-views.ts';
import type { Catalog } from './data/catalog.ts';
import { filterCatalog } from './data/filter-catalog.ts';
import { loadBasemap, loadCore, loadShard, NotFoundError } from './data/load.ts';
import { createLoader, type DataLoader } from './data/loader.ts';
import type { FeatureId, FeatureKind, Lang } from './domain/feature.ts';
import { strings } from './i18n/strings.ts';
import { afterMapIdle, PANELS_MARK } from './map/after-map-idle.ts';
import { prefersReducedMotion } from './map/create-map.ts';
import { type MapHost, type MapMode, mountMapHost } from './map/map-host.ts';
import type { Theme } from './map/palette.ts';
import type { BasemapData } from './map/style.ts';
import { type BriefingApi, mountBriefing } from './modes/briefing.ts';
import { articleView, revealHighlight } from './panels/article-view.ts';
import { chooser } from './panels/chooser.ts';
import { el } from './panels/dom.ts';
import { featureList } from './panels/feature-list.ts';
import { featurePanel } from './panels/feature-panel.ts';
import { filtersPanel } from './panels/filters.ts';
import { legend } from './panels/legend.ts';
import { overviewPanel } from './panels/overview-panel.ts';
import { searchBox } from './panels/search-box.ts';
import { buildSearchIndex, buildSearchIndexInSlices, lazySearchIndex } from './search/search-index.ts';
import { type AppState, createAppStore, type Store, VIEWS, type View } from './state/store.ts';
import { type KnownIds, syncUrl } from './state/url.ts';

export interface CorridorsApi {
  /** the MapLibre map, or null where the SVG map stands in for it (no WebGL2, or a context that never came back) */
  map: MapLibreMap | null;
  /** which map is showing; null until the data has loaded */
  mode: MapMode | null;
  /** remove the map and create it again, keeping the store (tests use it to look for leaks) */
  remount(): Promise<void>;
  select(id: FeatureId | null): void;
  store: Store;
  /** resolves when the data is loaded and, with WebGL2, the map has loaded its style */
  ready: Promise<void>;
  /** resolves when the sidebar and the panel are first drawn: after the map's first idle (after-map-idle.ts) */
  panelsDrawn: Promise<void>;
  /** briefing mode: steps and exports (src/modes/briefing.ts); set once the data has loaded */
  briefing?: BriefingApi;
}

declare global {
  interface Window {
    corridors?: CorridorsApi;
  }
}

function byId(id: string): HTMLElement {
  const node = document.getElementById(id);
  if (node === null) throw new Error(`index.html lacks #${id}`);
  return node;
}

/** An article id is its file's name without .txt: no path separators, control characters or leading dot. */
const isArticleId = (id: string): boolean =>
  id.length > 0 &&
  id.length <= 200 &&
  !id.startsWith('.') &&
  !/[/\\]/.test(id) &&
  [...id].every((c) => c >= ' ');
/** A mention id is "<article id>-p<paragraph>-s<sentence>". */
const isMentionId = (id: string): boolean => {
  const m = /^(.+)-p\d{1,5}-s\d{1,5}$/.exec(id);
  return m !== null && isArticleId(m[1] ?? '');
};

/** What the panels need to know about data still on its way (src/data/loader.ts). */
interface Loads {
  loader: DataLoader;
  /** keys of fetches that failed: `feature:<id>`, `article:<id>`, `corpus` */
  failed: ReadonlySet<string>;
  /** fetches under way, by key */
  pending: ReadonlyMap<string, Promise<void>>;
  /** fetch again (after a failure) or for the first time; settles (never rejects) when the fetch ends */
  request(key: string): Promise<void>;
}

function renderPanel(
  panel: HTMLElement,
  s: AppState,
  catalog: Catalog,
  store: Store,
  loads: Loads,
  /**
   * keep: drawn again where the reader was (data arrived); top: the panel's own scroll back to the top; reveal:
   * that, and the panel brought into view in the narrow layout (the reader chose something new to read)
   */
  scroll: 'keep' | 'top' | 'reveal',
): void {
  const st = store.getState();
  const { loader, failed } = loads;
  const onOpenArticle = (articleId: string, mentionId: string | null) =>
    st.openArticle({ articleId, mentionId }, 'panel');
  const retry = (key: string) => (failed.has(key) ? { onRetry: () => loads.request(key) } : {});
  let view: HTMLElement;
  if (s.article !== null) {
    const id = s.article.articleId;
    view = articleView({
      catalog,
      lang: s.lang,
      articleId: id,
      mentionId: s.article.mentionId,
      loading: !loader.articleLoaded(id),
      ...retry(`article:${id}`),
      onBack: () => st.openArticle(null, 'panel'),
    });
  } else {
    const f = s.selected === null ? undefined : catalog.feature(s.selected);
    view =
      f === undefined
        ? overviewPanel({
            catalog,
            lang: s.lang,
            complete: loader.corpusLoaded(),
            loading: loads.pending.has('corpus'),
            onShowAll: () => loads.request('corpus'),
            onOpenArticle,
          })
        : featurePanel(f, {
            catalog,
            lang: s.lang,
            asOf: s.asOf,
            loading: !loader.featureLoaded(f.properties.id),
            ...retry(`feature:${f.properties.id}`),
            pages: {
              loadedThrough: loader.featureLoadedThrough,
              more: (id) => loads.request(`more:${id}`),
              failed: (id) => failed.has(`more:${id}`),
            },
            onSelect: (id) => st.select(id, 'panel'),
            onOpenArticle,
            onClose: () => st.select(null, 'panel'),
          });
  }
  // The first draw finds the panel empty and at the top: reading or setting scrollTop would force a layout of the
  // whole page in the middle of the map's first frames (about 40 ms under SwiftShader).
  const fresh = panel.firstChild === null;
  const keepScroll = scroll === 'keep';
  const top = keepScroll && !fresh ? panel.scrollTop : 0;
  panel.replaceChildren(view);
  if (!fresh) panel.scrollTop = top;
  // In the narrow one-column layout the page scrolls, not the panel: a feature chosen in the list below the panel,
  // or an article opened from a card far down it, would leave the reader looking at the list or the middle of the
  // new content, so the panel's top is brought back into view. Not when it is below the window (a tap on the map
  // would scroll the map away), not for a filter or the language (the reader stays at the control they used), and
  // never in the wide layout, where the panel's top is always in view.
  if (!fresh && scroll === 'reveal' && panel.getBoundingClientRect().top < 0)
    panel.scrollIntoView({ block: 'start' });
  if (s.article !== null && !keepScroll) revealHighlight(panel, !prefersReducedMotion());
}

function renderSidebar(sidebar: HTMLElement, s: AppState, catalog: Catalog, store: Store): void {
  const st = store.getState();
  const kinds = [...new Set(catalog.features.map((f) => f.properties.kind))] as FeatureKind[];
  sidebar.replaceChildren(
    legend({ lang: s.lang, kinds, hiddenKinds: s.hiddenKinds, onToggle: (k) => st.toggleKind(k) }),
    filtersPanel({
      catalog,
      lang: s.lang,
      filters: s,
      onToggleGroup: (g) => st.toggleGroup(g),
      onToggleOutlet: (o) => st.toggleOutlet(o),
      onChange: (f) => st.setFilters(f, 'panel'),
    }),
    featureList({
      catalog,
      lang: s.lang,
      selected: s.selected,
      asOf: s.asOf,
      onSelect: (id) => st.select(id, 'list'),
    }),
  );
}

/** Did anything the sidebar shows change? */
function sidebarChanged(s: AppState, p: AppState | null): boolean {
  return (
    p === null ||
    s.lang !== p.lang ||
    s.selected !== p.selected ||
    s.hiddenKinds !== p.hiddenKinds ||
    s.hiddenGroups !== p.hiddenGroups ||
    s.hiddenOutlets !== p.hiddenOutlets ||
    s.dateFrom !== p.dateFrom ||
    s.dateTo !== p.dateTo ||
    s.filterMode !== p.filterMode ||
    s.asOf !== p.asOf
  );
}

const VIEW_LABELS: Record<Lang, Record<View, string>> = {
  ru: { map: 'Карта', figures: 'Цифры', timeline: 'Хронология' },
  en: { map: 'Map', figures: 'Figures', timeline: 'Timeline' },
};

function asView(v: string | undefined): View {
  return VIEWS.find((x) => x === v) ?? 'map';
}

function renderViewSwitch(lang: Lang, view: View): void {
  for (const b of document.querySelectorAll<HTMLButtonElement>('.view-switch button')) {
    const v = asView(b.dataset.view);
    b.textContent = VIEW_LABELS[lang][v];
    b.setAttribute('aria-pressed', String(v === view));
  }
}

function renderHeader(lang: Lang): void {
  const t = strings(lang);
  document.documentElement.lang = lang;
  document.title = t.appTitle;
  byId('app-title').textContent = t.appTitle;
  byId('app-subtitle').textContent = t.appSubtitle;
  for (const b of document.querySelectorAll<HTMLButtonElement>('.lang-switch button')) {
    b.setAttribute('aria-pressed', String(b.dataset.lang === lang));
  }
}

/** What another mode changes (the embed, src/modes/embed.ts); the full app passes nothing. */
export interface StartOptions {
  /** the map's colours; LIGHT by default */
  theme?: Theme;
  /** extra MapLibre options (the embed: cooperative gestures, localised UI strings) */
  mapOptions?: Partial<MapOptions>;
  /** replaces the URL sync (the embed reads its URL once and never writes history: that is the host's) */
  syncUrl?: (store: Store, known: KnownIds) => void;
  /** draws the map without WebGL instead (the embed's static mode): no WebGL context is ever created */
  staticMap?: (container: HTMLElement, input: { catalog: Catalog; basemap: BasemapData }) => void;
  /** called with every MapLibre map the app creates (again after a lost context is recovered) */
  onMap?: (map: MapLibreMap) => void;
}

export function startApp(opts: StartOptions = {}): CorridorsApi {
  const store = createAppStore();
  let resolveReady: () => void = () => {};
  let rejectReady: (e: unknown) => void = () => {};
  const ready = new Promise<void>((res, rej) => {
    resolveReady = res;
    rejectReady = rej;
  });
  let resolvePanels: () => void = () => {};
  const panelsDrawn = new Promise<void>((res) => {
    resolvePanels = res;
  });
  let host: MapHost | null = null;
  const api: CorridorsApi = {
    map: null,
    mode: null,
    store,
    ready,
    panelsDrawn,
    select: (id) => store.getState().select(id, 'api'),
    remount: () => host?.remount() ?? ready,
  };
  window.corridors = api;

  for (const b of document.querySelectorAll<HTMLButtonElement>('.view-switch button')) {
    b.addEventListener('click', () => store.getState().setView(asView(b.dataset.view), 'panel'));
  }
  for (const b of document.querySelectorAll<HTMLButtonElement>('.lang-switch button')) {
    b.addEventListener('click', () => {
      const lang = b.dataset.lang === 'en' ? 'en' : 'ru';
      store.getState().setLang(lang, 'panel');
    });
  }

  Promise.all([loadCore(), loadBasemap()])
    .then(([core, basemap]) => {
      const loader = createLoader(core, loadShard);
      const catalog = loader.catalog;
      (opts.syncUrl ?? syncUrl)(store, {
        features: new Set(catalog.features.map((f) => f.properties.id)),
        // Articles and mentions are not all in the first view: an id of the right shape is taken, and an
        // article that turns out not to exist is dropped when its file is not found (see request below).
        articles: { has: isArticleId },
        mentions: { has: isMentionId },
        outlets: new Set(catalog.summary.outlets.map((o) => o.name)),
        steps: core.briefing.steps.length,
      });

      // The header now, before the map: the subtitle's line sets the map's height, and filled in with the panels
      // it grew the header by a line mid-load, so the map was resized (a new canvas, drawn again) before its first
      // idle. The bare MapLibre page of the load bench has no such resize.
      renderHeader(store.getState().lang);
      const tooltip = byId('tooltip');
      // The first view's index, built on the first search; the corpus's is built in the background when it comes.
      const firstIndex = lazySearchIndex(() => buildSearchIndex(catalog));
      // The map before the panels: MapLibre's worker parses the sources while the panels below are drawn (the
      // map's first idle came ~100 ms later the other way round). The briefing before the map: its layout must be
      // in place when the map first frames a step.
      const briefing = mountBriefing({ store, catalog, basemap, getMap: () => api.map });
      if (briefing !== null) api.briefing = briefing;

      if (opts.staticMap !== undefined) {
        opts.staticMap(byId('map'), { catalog, basemap });
        api.mode = 'svg';
        resolveReady();
      } else {
        const mounted = mountMapHost({
          container: byId('map'),
          tooltip,
          store,
          catalog,
          basemap,
          theme: opts.theme,
          mapOptions: opts.mapOptions,
          onChange: (map, mode) => {
            api.map = map;
            api.mode = mode;
            if (map !== null) opts.onMap?.(map);
          },
        });
        host = mounted.host;
        mounted.ready.then(resolveReady, rejectReady);
      }
      const search = searchBox({
        index: firstIndex,
        lang: store.getState().lang,
        // Sentences, speakers and figures are searched in the whole corpus, fetched when the reader first searches.
        onFirstFocus: () => loads.request('corpus'),
        onChoose: (r) => {
          const st = store.getState();
          if (r.kind === 'feature' && r.featureId !== null) st.select(r.featureId, 'list');
          else if (r.articleId !== null)
            st.openArticle({ articleId: r.articleId, mentionId: r.mentionId }, 'list');
        },
      });
      byId('search-slot').replaceChildren(search.element);
      const panel = byId('panel');
      const sidebar = byId('sidebar');
      const overlay = byId('map-overlay');
      const figures = byId('figures');
      let prev: AppState | null = null;
      let chartToken = 0;
      let view: Catalog = catalog;
      const failed = new Set<string>();
      const pending = new Map<string, Promise<void>>();
      const fetchOf = (key: string): (() => Promise<void>) => {
        if (key === 'corpus') return () => loader.corpus();
        const [kind, id = ''] = [key.slice(0, key.indexOf(':')), key.slice(key.indexOf(':') + 1)];
        if (kind === 'more') return () => loader.featureMore(id);
        return kind === 'feature' ? () => loader.feature(id) : () => loader.article(id);
      };
      /**
       * The whole corpus is indexed a slice per task (about 2 s of work at 10,000 articles, which would freeze the
       * page in one go). Until it is done, the first view's index answers if it was built; if not, building it now
       * would take in the whole corpus at once, so the features alone answer. The results say the search goes on.
       */
      const indexCorpus = () => {
        search.setIndex(firstIndex.built ? firstIndex : buildSearchIndex(catalog, ['feature']), false);
        void buildSearchIndexInSlices(catalog).then((index) => search.setIndex(index));
      };
      const loads: Loads = {
        loader,
        failed,
        pending,
        request: (key) => {
          // The corpus is asked for again by every view switch, filter change and briefing: once it is here, there
          // is nothing to fetch, draw or index again (at 10,000 articles each such ask drew the panel twice and
          // indexed the corpus anew, ~1.5–2.5 s of the main thread per switch of view).
          if (key === 'corpus' && loader.corpusLoaded()) return Promise.resolve();
          const inFlight = pending.get(key);
          if (inFlight !== undefined) return inFlight;
          const wasFailed = failed.delete(key);
          const p = fetchOf(key)()
            .catch((e: unknown) => {
              const st = store.getState();
              // An article named in a link that does not exist: dropped, as the URL drops any unknown id.
              if (e instanceof NotFoundError && key === `article:${st.article?.articleId}`)
                st.openArticle(null, 'panel');
              else failed.add(key);
            })
            .finally(() => {
              pending.delete(key);
              if (key === 'corpus') indexCorpus();
              // Everything drawn from the catalog is drawn again: panel, filtered view, map emphasis.
              store.getState().dataArrived();
            });
          pending.set(key, p);
          // "Loading" replaces "failed" (retry), and the overview's "show all" becomes "loading".
          if (wasFailed || key === 'corpus') renderPanel(panel, store.getState(), view, store, loads, 'keep');
          return p;
        },
      };
      /** the view shown, and the width its charts were drawn at, to draw them again when their column changes */
      let shownView: { view: ChartView; width: number } | null = null;
      const drawCharts = (s: AppState) => {
        const onOpenSentence = (articleId: string, mentionId: string) =>
          store.getState().openArticle({ articleId, mentionId }, 'panel');
        const drawn = ++chartToken;
        shownView = null;
        figures.replaceChildren();
        if (s.view === 'map') return;
        const chart = s.view;
        const width = chartWidth(contentWidth(figures));
        if (!loader.corpusLoaded())
          figures.replaceChildren(el('p', { class: 'loading', role: 'status' }, strings(s.lang).loading));
        // The charts read every figure and event: the whole corpus first (fetched once), then the view's code.
        void loads
          .request('corpus')
          .then(() => {
            if (!loader.corpusLoaded()) throw new Error('corpus not loaded');
            return chartView(chart, { catalog: view, lang: s.lang, asOf: s.asOf, width, onOpenSentence });
          })
          .then(
            (shown) => {
              // A later change may have asked for another view while this one loaded.
              if (drawn !== chartToken) return;
              figures.replaceChildren(shown.node);
              shownView = { view: shown, width };
            },
            () => {
              if (drawn === chartToken)
                figures.replaceChildren(
                  el('p', { class: 'load-error', role: 'alert' }, strings(s.lang).loadFailed),
                );
            },
          );
      };
      // The charts are drawn at their column's width (chart-width.ts): a window or layout that changes it draws the
      // charts again once the width has settled (CHART_RESIZE_SETTLE_MS without a change); the rest of the view (its
      // table and lists, the reader's place in them) stays as it is. Drawn again on every frame of a window being
      // dragged, they took ~0.3 s a frame at 10,000 articles.
      let resizeTimer: ReturnType<typeof setTimeout> | undefined;
      new ResizeObserver(() => {
        clearTimeout(resizeTimer);
        resizeTimer = setTimeout(() => {
          if (figures.hidden || shownView === null) return;
          const width = chartWidth(contentWidth(figures));
          if (width === shownView.width) return;
          shownView.width = width;
          shownView.view.resize(width);
        }, CHART_RESIZE_SETTLE_MS);
      }).observe(figures);
      const render = (s: AppState) => {
        const langChanged = prev === null || s.lang !== prev.lang;
        if (langChanged) {
          renderHeader(s.lang);
          search.setLang(s.lang);
        }
        const articlesFiltered =
          prev === null ||
          s.hiddenOutlets !== prev.hiddenOutlets ||
          s.dateFrom !== prev.dateFrom ||
          s.dateTo !== prev.dateTo;
        const dataChanged = prev !== null && s.dataVersion !== prev.dataVersion;
        if (articlesFiltered || dataChanged) view = filterCatalog(catalog, s);
        // What this state shows that is not loaded yet: fetched now, drawn when it arrives.
        if (s.selected !== null && s.selected !== prev?.selected && !loader.featureLoaded(s.selected))
          loads.request(`feature:${s.selected}`);
        if (s.article !== null && s.article !== prev?.article && !loader.articleLoaded(s.article.articleId))
          loads.request(`article:${s.article.articleId}`);
        // Briefing mode: a step's figures are set against every other source, so the presenter gets the corpus.
        if (s.mode === 'briefing' && prev?.mode !== 'briefing') loads.request('corpus');
        // Outlet and date filters apply to every article, not only to those loaded so far.
        if (articlesFiltered && (s.hiddenOutlets.length > 0 || s.dateFrom !== null || s.dateTo !== null))
          loads.request('corpus');
        if (
          langChanged ||
          articlesFiltered ||
          s.selected !== prev?.selected ||
          s.article !== prev?.article ||
          s.asOf !== prev?.asOf
        ) {
          const chosen = s.selected !== prev?.selected || s.article !== prev?.article;
          renderPanel(panel, s, view, store, loads, chosen ? 'reveal' : 'top');
        } else if (dataChanged) {
          // Data arrived for what is shown: drawn again where the reader was, except that an article whose text
          // has just come scrolls to its highlighted sentence.
          const articleArrived = s.article !== null && panel.querySelector('[aria-busy="true"]') !== null;
          renderPanel(panel, s, view, store, loads, articleArrived ? 'top' : 'keep');
        }
        if (sidebarChanged(s, prev)) {
          const focused = document.activeElement as HTMLElement | null;
          const focusId = focused?.dataset.featureId;
          const inputId = focused?.id;
          renderSidebar(sidebar, s, catalog, store);
          // Keep keyboard users where they were after the sidebar is redrawn.
          if (focused !== null && !sidebar.contains(focused)) {
            const again =
              focusId !== undefined
                ? sidebar.querySelector<HTMLElement>(
                    `.feature-button[data-feature-id="${CSS.escape(focusId)}"]`,
                  )
                : inputId
                  ? document.getElementById(inputId)
                  : null;
            // Without scrolling to it: in the narrow layout the page has just shown the panel for this choice.
            again?.focus({ preventScroll: true });
          }
        }
        if (langChanged || articlesFiltered || s.view !== prev?.view || s.asOf !== prev?.asOf) {
          renderViewSwitch(s.lang, s.view);
          figures.hidden = s.view === 'map';
          drawCharts(s);
        }
        if (s.chooser !== prev?.chooser || langChanged) {
          overlay.replaceChildren();
          if (s.chooser !== null) {
            const box = chooser({
              catalog,
              lang: s.lang,
              ids: s.chooser.ids,
              point: s.chooser.point,
              onChoose: (id) => store.getState().select(id, 'map'),
              onClose: () => store.getState().openChooser(null),
            });
            overlay.appendChild(box);
          }
          // Hidden while empty: the overlay covers the whole map, so a visible one is a layer of its own over the
          // canvas that the compositor blends into every frame the map draws (its size in MapLibre's load, under
          // software WebGL: ~35 ms of the GPU process's drawing threads, for nothing on screen).
          overlay.hidden = s.chooser === null;
          overlay.querySelector('button')?.focus();
        }
        if (s.hovered !== prev?.hovered || s.chooser !== prev?.chooser || langChanged) {
          const f = s.hovered === null ? undefined : catalog.feature(s.hovered);
          // The chooser already names what is under the pointer; a tooltip over it would hide an option.
          tooltip.hidden = f === undefined || s.chooser !== null;
          tooltip.textContent = f?.properties.name[s.lang] ?? '';
        }
        prev = s;
      };
      const startRendering = () => {
        render(store.getState());
        store.subscribe(render);
        // When the reader first sees the panels; `npm run bench` prints it beside the map's idle (load.ts).
        performance.mark(PANELS_MARK);
        resolvePanels();
      };
      // With a MapLibre map in view, the panels are drawn in the frame after the map's first idle: drawn while it
      // loads, they slowed it by about a tenth under a software renderer (after-map-idle.ts). Opened on the Figures
      // or Timeline view, which cover the map, the reader waits for the panels, not the map: drawn at once.
      if (api.map !== null && store.getState().view === 'map') afterMapIdle(api.map, ready, startRendering);
      else startRendering();
    })
    .catch((e: unknown) => {
      byId('panel').replaceChildren(el('p', { class: 'load-error' }, String(e)));
      resolvePanels();
      rejectReady(e);
    });
  return api;
}
