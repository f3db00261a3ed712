// Embed mode (embed.html): the app's own parts (startApp, the store, the URL state, the panels) in a compact
// layout: the map, a bar with the panel's toggle, the language switch and a link to the full map, then the
// collapsible panel. It talks to the page that embeds it by postMessage (README, "Embed"): notifications out to
// `parent` with targetOrigin '*' (the embedding origin is unknown and nothing in them is secret), commands in
// only from `parent`, validated. It never writes history: the reader's back button belongs to the host page.
import { type CorridorsApi, startApp } from '../app.ts';
import type { Catalog } from '../data/catalog.ts';
import type { FeatureId, Lang } from '../domain/feature.ts';
import { emphasised } from '../map/map-sync.ts';
import { DARK, LIGHT, type Theme } from '../map/palette.ts';
import type { BasemapData } from '../map/style.ts';
import { applyEmphasis, renderSvgMap } from '../map/svg-map.ts';
import { el } from '../panels/dom.ts';
import type { AppState, Origin, Store } from '../state/store.ts';
import { type KnownIds, parseUrlState, serializeUrlState } from '../state/url.ts';
import { DEFAULT_HEIGHT, type EmbedFlags, parseEmbedFlags } from './embed-flags.ts';
import { type EmbedMessage, parseCommand } from './embed-protocol.ts';
import { embedStrings } from './embed-strings.ts';

/** Changes the host did not cause through the reader: reading the URL, and the host's own commands. */
const QUIET: readonly Origin[] = ['init', 'url', 'api'];
/** The legend starts open only where it leaves room for the map. */
const LEGEND_OPEN_MIN_HEIGHT = 560;
const BAR_FALLBACK_PX = 40;

function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const node = document.getElementById(id);
  if (node === null) throw new Error(`embed.html lacks #${id}`);
  return node as T;
}

/** The static mode's map: the SVG map drawn once, no listeners, no WebGL; selection shown by classes. */
function drawStatic(
  container: HTMLElement,
  input: { catalog: Catalog; basemap: BasemapData },
  store: Store,
  theme: Theme,
): void {
  const wrap = el('div', { class: 'svg-map embed-static-map' });
  container.appendChild(wrap);
  let svg: SVGSVGElement | null = null;
  const draw = (s: AppState) => {
    const r = wrap.getBoundingClientRect();
    svg = renderSvgMap({
      features: input.catalog.features,
      basemap: input.basemap,
      width: Math.round(r.width) || 800,
      height: Math.round(r.height) || 450,
      theme,
      state: {
        lang: s.lang,
        hiddenKinds: s.hiddenKinds,
        hiddenGroups: s.hiddenGroups,
        asOf: s.asOf,
        filterMode: s.filterMode,
        emphasised: emphasised(s, input.catalog),
      },
    });
    // A picture, not a control: nothing in it takes focus or pretends to be a button.
    svg.querySelector('.svg-note')?.remove();
    svg.setAttribute('role', 'img');
    for (const g of svg.querySelectorAll('.svg-feature')) {
      g.removeAttribute('tabindex');
      g.removeAttribute('role');
    }
    wrap.replaceChildren(svg);
  };
  let prev = store.getState();
  draw(prev);
  store.subscribe((s) => {
    if (
      s.lang !== prev.lang ||
      s.hiddenKinds !== prev.hiddenKinds ||
      s.hiddenGroups !== prev.hiddenGroups ||
      s.asOf !== prev.asOf ||
      s.filterMode !== prev.filterMode
    )
      draw(s);
    else if (svg !== null && (s.selected !== prev.selected || s.article !== prev.article))
      applyEmphasis(svg, emphasised(s, input.catalog));
    prev = s;
  });
}

export function startEmbed(): CorridorsApi {
  const flags: EmbedFlags = parseEmbedFlags(window.location.search);
  const root = document.documentElement;
  root.dataset.theme = flags.theme;
  root.classList.toggle('embed-static', flags.static);
  root.classList.toggle('embed-no-legend', !flags.legend);
  root.classList.toggle('embed-no-controls', !flags.controls);
  const embedded = window.parent !== window;
  const post = (msg: EmbedMessage) => {
    if (embedded) window.parent.postMessage(msg, '*');
  };

  const bar = byId('embed-bar');
  const toggle = byId<HTMLButtonElement>('embed-panel-toggle');
  const toggleLabel = byId('embed-panel-label');
  const panel = byId('panel');
  const link = byId<HTMLAnchorElement>('embed-full-link');
  const legend = byId<HTMLDetailsElement>('embed-legend');

  // In a frame the map keeps the height it starts with, so opening the panel makes the page taller (and the
  // loader makes the frame follow) instead of squeezing the map; a map sized to the frame would grow with it.
  const base = flags.height ?? (window.innerHeight || DEFAULT_HEIGHT);
  if (embedded || flags.height !== null) {
    const mapHeight = Math.max(120, base - (bar.offsetHeight || BAR_FALLBACK_PX));
    root.style.setProperty('--embed-map-h', `${mapHeight}px`);
  }
  legend.open = flags.legend && base >= LEGEND_OPEN_MIN_HEIGHT;

  const lang0: Lang = new URLSearchParams(window.location.search).get('lang') === 'en' ? 'en' : 'ru';
  const t0 = embedStrings(lang0);
  const theme = flags.theme === 'dark' ? DARK : LIGHT;
  let features: ReadonlySet<FeatureId> = new Set();

  const api: CorridorsApi = startApp({
    theme,
    mapOptions: {
      // The page scrolls under the reader's wheel and finger; zooming takes Ctrl/⌘ or two fingers.
      cooperativeGestures: true,
      // The bar's attribution line stands for it, in the embed's language and in the static mode as well.
      attributionControl: false,
      locale: {
        'CooperativeGesturesHandler.WindowsHelpText': t0.coopWindows,
        'CooperativeGesturesHandler.MacHelpText': t0.coopMac,
        'CooperativeGesturesHandler.MobileHelpText': t0.coopMobile,
      },
    },
    // Read the state once; never push history entries (they would hijack the host page's back button).
    syncUrl: (store: Store, known: KnownIds) => {
      features = known.features;
      store.getState().restore(parseUrlState(window.location.search, known));
    },
    ...(flags.static
      ? {
          staticMap: (c: HTMLElement, input: { catalog: Catalog; basemap: BasemapData }) =>
            drawStatic(c, input, api.store, theme),
        }
      : {}),
    onMap: (map) => {
      map.on('webglcontextlost', () => post({ type: 'corridors:contextlost' }));
    },
  });

  const setPanel = (open: boolean) => {
    if (panel.hidden === !open) return;
    panel.hidden = !open;
    toggle.setAttribute('aria-expanded', String(open));
    setTexts(api.store.getState().lang);
    post({ type: 'corridors:panel', open });
  };
  const setTexts = (lang: Lang) => {
    const t = embedStrings(lang);
    link.textContent = t.fullMap;
    link.title = t.fullMapTitle;
    byId('embed-legend-summary').textContent = t.legend;
    byId('embed-attribution').textContent = t.attribution;
    toggle.title = panel.hidden ? t.showPanel : t.hidePanel;
  };
  const setLink = (s: AppState) => {
    link.href = new URL(`index.html${serializeUrlState(s)}`, window.location.href).href;
  };
  panel.hidden = !flags.panel;
  toggle.setAttribute('aria-expanded', String(flags.panel));
  toggle.addEventListener('click', () => setPanel(panel.hidden !== false));
  setTexts(lang0);
  setLink(api.store.getState());

  // The bar names what the panel shows: its heading, whatever the panel rendered.
  new MutationObserver(() => {
    toggleLabel.textContent = document.getElementById('panel-heading')?.textContent ?? '';
  }).observe(panel, { childList: true, subtree: true, characterData: true });

  let prev = api.store.getState();
  api.store.subscribe((s) => {
    const quiet = QUIET.includes(s.origin);
    if (s.selected !== prev.selected) {
      if (!quiet) post({ type: 'corridors:select', id: s.selected });
      // A reader who clicks a route on the map wants its facts.
      if (s.selected !== null && s.origin === 'map') setPanel(true);
    }
    if (s.lang !== prev.lang) {
      if (!quiet) post({ type: 'corridors:lang', lang: s.lang });
      setTexts(s.lang);
    }
    setLink(s);
    prev = s;
  });

  window.addEventListener('message', (e: MessageEvent) => {
    if (!embedded || e.source !== window.parent) return;
    const cmd = parseCommand(e.data, features);
    if (cmd === null) return;
    const st = api.store.getState();
    if (cmd.select !== undefined) st.select(cmd.select, 'api');
    if (cmd.lang !== undefined) st.setLang(cmd.lang, 'api');
  });

  // Auto-height: the page's height whenever it changes (the panel opening, its content, a narrower frame).
  let posted = -1;
  new ResizeObserver(() => {
    const height = Math.ceil(document.body.getBoundingClientRect().height);
    if (height === posted) return;
    posted = height;
    post({ type: 'corridors:height', height });
  }).observe(document.body);

  api.ready.then(
    () => post({ type: 'corridors:ready' }),
    () => post({ type: 'corridors:ready' }),
  );
  return api;
}
