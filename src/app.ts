// Wires data, store, map and panels together. Each part lives in its own module; this file only connects them.
import type { Map as MapLibreMap } from 'maplibre-gl';
import { figuresView } from './charts/figures-view.ts';
import { type Catalog, createCatalog } from './data/catalog.ts';
import { loadAppData, loadBasemap } from './data/load.ts';
import type { FeatureId, FeatureKind, Lang } from './domain/feature.ts';
import { strings } from './i18n/strings.ts';
import { routeClicks } from './map/click-router.ts';
import { createMap, hasWebGL2, prefersReducedMotion } from './map/create-map.ts';
import { fontUrls } from './map/fonts.ts';
import { syncMap } from './map/map-sync.ts';
import { LIGHT } from './map/palette.ts';
import { buildStyle, toMapFeatures } from './map/style.ts';
import { articleView, revealHighlight } from './panels/article-view.ts';
import { chooser } from './panels/chooser.ts';
import { el } from './panels/dom.ts';
import { featureList } from './panels/feature-list.ts';
import { featurePanel } from './panels/feature-panel.ts';
import { legend } from './panels/legend.ts';
import { overviewPanel } from './panels/overview-panel.ts';
import { type AppState, createAppStore, type Store, type View } from './state/store.ts';
import { syncUrl } from './state/url.ts';

export interface CorridorsApi {
  /** the MapLibre map, or null where there is no WebGL2 */
  map: MapLibreMap | null;
  select(id: FeatureId | null): void;
  store: Store;
  /** resolves when the data is loaded and, with WebGL2, the map has loaded its style */
  ready: Promise<void>;
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

function renderPanel(panel: HTMLElement, s: AppState, catalog: Catalog, store: Store): void {
  const st = store.getState();
  const onOpenArticle = (articleId: string, mentionId: string | null) =>
    st.openArticle({ articleId, mentionId }, 'panel');
  let view: HTMLElement;
  if (s.article !== null) {
    view = articleView({
      catalog,
      lang: s.lang,
      articleId: s.article.articleId,
      mentionId: s.article.mentionId,
      onBack: () => st.openArticle(null, 'panel'),
    });
  } else {
    const f = s.selected === null ? undefined : catalog.feature(s.selected);
    view =
      f === undefined
        ? overviewPanel({ catalog, lang: s.lang, onOpenArticle })
        : featurePanel(f, {
            catalog,
            lang: s.lang,
            onSelect: (id) => st.select(id, 'panel'),
            onOpenArticle,
            onClose: () => st.select(null, 'panel'),
          });
  }
  panel.replaceChildren(view);
  panel.scrollTop = 0;
  if (s.article !== null) revealHighlight(panel, !prefersReducedMotion());
}

function renderSidebar(sidebar: HTMLElement, s: AppState, catalog: Catalog, store: Store): void {
  const st = store.getState();
  const kinds = [...new Set(catalog.features.map((f) => f.properties.kind))] as FeatureKind[];
  sidebar.replaceChildren(
    legend({ lang: s.lang, kinds, hiddenKinds: s.hiddenKinds, onToggle: (k) => st.toggleKind(k) }),
    featureList({ catalog, lang: s.lang, selected: s.selected, onSelect: (id) => st.select(id, 'list') }),
  );
}

const VIEW_LABELS: Record<Lang, Record<View, string>> = {
  ru: { map: 'Карта', figures: 'Цифры' },
  en: { map: 'Map', figures: 'Figures' },
};

function renderViewSwitch(lang: Lang, view: View): void {
  for (const b of document.querySelectorAll<HTMLButtonElement>('.view-switch button')) {
    const v: View = b.dataset.view === 'figures' ? 'figures' : 'map';
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

export function startApp(): CorridorsApi {
  const store = createAppStore();
  let resolveReady: () => void = () => {};
  let rejectReady: (e: unknown) => void = () => {};
  const ready = new Promise<void>((res, rej) => {
    resolveReady = res;
    rejectReady = rej;
  });
  const api: CorridorsApi = {
    map: null,
    store,
    ready,
    select: (id) => store.getState().select(id, 'api'),
  };
  window.corridors = api;

  for (const b of document.querySelectorAll<HTMLButtonElement>('.view-switch button')) {
    b.addEventListener('click', () =>
      store.getState().setView(b.dataset.view === 'figures' ? 'figures' : 'map', 'panel'),
    );
  }
  for (const b of document.querySelectorAll<HTMLButtonElement>('.lang-switch button')) {
    b.addEventListener('click', () => {
      const lang = b.dataset.lang === 'en' ? 'en' : 'ru';
      store.getState().setLang(lang, 'panel');
    });
  }

  Promise.all([loadAppData(), loadBasemap()])
    .then(([data, basemap]) => {
      const catalog = createCatalog(data);
      syncUrl(store, {
        features: new Set(catalog.features.map((f) => f.properties.id)),
        articles: new Set(data.joined.articles.map((a) => a.id)),
        mentions: new Set(data.joined.mentions.map((m) => m.id)),
      });

      const panel = byId('panel');
      const sidebar = byId('sidebar');
      const overlay = byId('map-overlay');
      const tooltip = byId('tooltip');
      const figures = byId('figures');
      let prev: AppState | null = null;
      const render = (s: AppState) => {
        const langChanged = prev === null || s.lang !== prev.lang;
        if (langChanged) renderHeader(s.lang);
        if (langChanged || s.selected !== prev?.selected || s.article !== prev?.article) {
          renderPanel(panel, s, catalog, store);
        }
        if (langChanged || s.selected !== prev?.selected || s.hiddenKinds !== prev?.hiddenKinds) {
          const focused = document.activeElement as HTMLElement | null;
          const focusId = focused?.dataset.featureId;
          renderSidebar(sidebar, s, catalog, store);
          // Keep keyboard users where they were in the list after it is redrawn.
          if (focusId !== undefined && sidebar.contains(focused) === false) {
            sidebar
              .querySelector<HTMLElement>(`.feature-button[data-feature-id="${CSS.escape(focusId)}"]`)
              ?.focus();
          }
        }
        if (langChanged || s.view !== prev?.view) {
          renderViewSwitch(s.lang, s.view);
          figures.hidden = s.view !== 'figures';
          figures.replaceChildren(
            ...(s.view === 'figures'
              ? [
                  figuresView({
                    catalog,
                    lang: s.lang,
                    onOpenSentence: (articleId, mentionId) =>
                      store.getState().openArticle({ articleId, mentionId }, 'panel'),
                  }),
                ]
              : []),
          );
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
            box.querySelector('button')?.focus();
          }
        }
        if (s.hovered !== prev?.hovered || s.chooser !== prev?.chooser || langChanged) {
          const f = s.hovered === null ? undefined : catalog.feature(s.hovered);
          // The chooser already names what is under the pointer; a tooltip over it would hide an option.
          tooltip.hidden = f === undefined || s.chooser !== null;
          tooltip.textContent = f?.properties.name[s.lang] ?? '';
        }
        prev = s;
      };
      render(store.getState());
      store.subscribe(render);

      if (!hasWebGL2()) {
        byId('map').appendChild(el('p', { class: 'no-webgl' }, strings(store.getState().lang).noWebgl));
        resolveReady();
        return;
      }
      const s0 = store.getState();
      const map = createMap(
        byId('map'),
        buildStyle({
          basemap,
          features: toMapFeatures(data.features),
          fonts: fontUrls(),
          theme: LIGHT,
          lang: s0.lang,
          hiddenKinds: s0.hiddenKinds,
        }),
        s0.lang,
      );
      api.map = map;
      routeClicks(map, store);
      map.on('mousemove', (e) => {
        tooltip.style.left = `${Math.round(e.point.x + 14)}px`;
        tooltip.style.top = `${Math.round(e.point.y + 14)}px`;
      });
      map.on('load', () => {
        syncMap(map, store, catalog, { reducedMotion: prefersReducedMotion });
        resolveReady();
      });
      map.on('error', (e) => console.error(e.error));
    })
    .catch((e: unknown) => {
      byId('panel').replaceChildren(el('p', { class: 'load-error' }, String(e)));
      rejectReady(e);
    });
  return api;
}
