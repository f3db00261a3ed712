// Briefing mode in the main window: the projector layout (a class on <body>), the step panel, the keys, full
// screen, the presenter window kept in step over a BroadcastChannel, and the exports (PNG, SVG, handout). The
// step lives in the store (and so in the URL, ?mode=briefing&step=N); the map follows it through map-sync, which
// stays the only code that pushes state into the map.
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { Catalog } from '../data/catalog.ts';
import type { Lang } from '../domain/feature.ts';
import { download } from '../export/download.ts';
import { exportContext } from '../export/export-context.ts';
import { renderHandout } from '../export/handout.ts';
import { canvasToBlob, EXPORT_HEIGHT, EXPORT_WIDTH, FRAME_PADDING, renderPng } from '../export/png-export.ts';
import { type LonLatBounds, renderSvgExport, svgToString } from '../export/svg-export.ts';
import { emphasised } from '../map/map-sync.ts';
import type { BasemapData } from '../map/style.ts';
import { button, el } from '../panels/dom.ts';
import type { AppState, Origin, Store } from '../state/store.ts';
import { openBriefingChannel } from './briefing-channel.ts';
import { type BriefingCommand, briefingKeys } from './briefing-keys.ts';
import { stepPanel } from './briefing-panel.ts';
import { clampStep } from './briefing-steps.ts';
import { briefingStrings } from './briefing-strings.ts';
import './briefing.css';

export interface BriefingApi {
  /** go to a step (1-based, kept in range) */
  go(step: number): void;
  /** the current view as a PNG data URL, 1920×1080 × scale (1 or 2) */
  exportPng(options?: { scale?: number }): Promise<string>;
  /** the current view as a standalone SVG document */
  exportSvg(): string;
  /** draws the handout now (it is otherwise drawn shortly after entering briefing mode); returns its page count */
  renderHandout(): number;
  openPresenter(): Window | null;
}

export interface BriefingOptions {
  store: Store;
  catalog: Catalog;
  basemap: BasemapData;
  /** the MapLibre map on screen, or null where the SVG map stands in */
  getMap(): MapLibreMap | null;
}

const PRESENTER_WINDOW = 'corridors-presenter';

/** Mounts briefing mode on index.html's #briefing and #handout; null on a page without them (the embed). */
export function mountBriefing(o: BriefingOptions): BriefingApi | null {
  const { store, catalog } = o;
  const briefing = catalog.data.briefing;
  const n = briefing.steps.length;
  const panel = document.getElementById('briefing');
  const handout = document.getElementById('handout');
  if (panel === null || handout === null) return null;
  const startButton = document.getElementById('briefing-start');
  const content = el('div', { class: 'briefing-content' });
  const counter = el('p', { class: 'briefing-counter', 'aria-hidden': 'true' });
  const status = el('p', { class: 'briefing-status', role: 'status' });
  const controls = el('nav', { class: 'briefing-controls' });
  const keysHelp = el('p', { class: 'briefing-keys' });
  panel.replaceChildren(counter, content, controls, keysHelp, status);

  const go = (step: number, origin: Origin) => {
    const s = store.getState();
    const next = clampStep(briefing, step);
    if (s.mode === 'briefing' && next !== s.step) s.setStep(next, origin);
  };
  const leave = () => {
    store.getState().setMode('explore', 'keyboard');
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => {});
  };
  const toggleFullscreen = () => {
    if (!document.fullscreenEnabled) return;
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => {});
    else void document.documentElement.requestFullscreen().catch(() => {});
  };

  let presenter: Window | null = null;
  const openPresenter = (): Window | null => {
    const s = store.getState();
    if (presenter !== null && !presenter.closed) {
      presenter.focus();
      return presenter;
    }
    const url = new URL(window.location.href);
    url.search = `?mode=presenter&step=${s.step}&lang=${s.lang}`;
    url.hash = '';
    presenter = window.open(url.href, PRESENTER_WINDOW, 'popup=yes,width=1000,height=720');
    if (presenter === null) status.textContent = briefingStrings(s.lang).popupBlocked;
    return presenter;
  };

  const view = (): LonLatBounds | null => {
    const map = o.getMap();
    if (map === null) return null;
    const b = map.getBounds();
    return [
      [b.getWest(), b.getSouth()],
      [b.getEast(), b.getNorth()],
    ];
  };
  const exportSvg = (): string => {
    const s = store.getState();
    return svgToString(
      renderSvgExport({
        catalog,
        basemap: o.basemap,
        lang: s.lang,
        filters: s,
        emphasised: emphasised(s, catalog),
        view: view(),
        width: EXPORT_WIDTH,
        height: EXPORT_HEIGHT,
        context: exportContext(catalog, s),
        parts: { title: true, legend: true, source: true },
        padding: FRAME_PADDING,
      }),
    );
  };
  const pngCanvas = (scale: number) =>
    renderPng({
      store,
      catalog,
      basemap: o.basemap,
      map: o.getMap(),
      context: exportContext(catalog, store.getState()),
      scale,
      svgFallback: exportSvg,
    });
  /** Runs an export from a button, saying in the status line what happened. */
  const offer = async (make: () => Promise<Blob>, ext: string) => {
    const s = store.getState();
    const t = briefingStrings(s.lang);
    const file = `${exportContext(catalog, s).fileStem}.${ext}`;
    status.textContent = t.exporting;
    try {
      download(await make(), file);
      status.textContent = t.exported(file);
    } catch (e) {
      console.error(e);
      status.textContent = t.exportFailed(e instanceof Error ? e.message : String(e));
    }
  };

  let handoutFor: string | null = null;
  const handoutKey = (s: AppState) =>
    [s.lang, s.hiddenKinds.join(), s.hiddenGroups.join(), s.asOf, s.filterMode, s.dataVersion].join('|');
  const drawHandout = (): number => {
    const s = store.getState();
    if (handoutFor !== handoutKey(s)) {
      renderHandout(handout, { catalog, basemap: o.basemap, state: s });
      handoutFor = handoutKey(s);
    }
    return handout.querySelectorAll('.handout-page').length;
  };
  let handoutTimer: ReturnType<typeof setTimeout> | undefined;
  const scheduleHandout = () => {
    clearTimeout(handoutTimer);
    // After the step has been drawn: the handout is for printing, not for the first frame.
    handoutTimer = setTimeout(() => {
      if (store.getState().mode === 'briefing') drawHandout();
    }, 400);
  };
  window.addEventListener('beforeprint', () => {
    if (store.getState().mode === 'briefing') drawHandout();
  });

  const command = (c: BriefingCommand) => {
    const s = store.getState();
    if (c.type === 'next') go(s.step + 1, 'keyboard');
    else if (c.type === 'prev') go(s.step - 1, 'keyboard');
    else if (c.type === 'first') go(1, 'keyboard');
    else if (c.type === 'last') go(n, 'keyboard');
    else if (c.type === 'go') go(c.step, 'keyboard');
    else if (c.type === 'fullscreen') toggleFullscreen();
    else if (c.type === 'presenter') openPresenter();
    else leave();
  };
  window.addEventListener(
    'keydown',
    briefingKeys({
      enabled: () => store.getState().mode === 'briefing',
      onCommand: command,
      onDigits: (d) => {
        const s = store.getState();
        counter.dataset.digits = d;
        counter.textContent = d === '' ? `${s.step} / ${n}` : briefingStrings(s.lang).goTo(d);
      },
    }),
    true,
  );

  const channel = openBriefingChannel((m) => {
    const s = store.getState();
    if (m.type === 'hello') post(s);
    else if (m.active && s.mode === 'briefing') go(m.step, 'presenter');
  });
  const post = (s: AppState) =>
    channel.post({ type: 'step', step: s.step, lang: s.lang, active: s.mode === 'briefing' });

  const renderControls = (lang: Lang) => {
    const t = briefingStrings(lang);
    const s = () => store.getState();
    controls.setAttribute('aria-label', t.controls);
    const langButton = (l: Lang) =>
      button(l.toUpperCase(), () => s().setLang(l, 'panel'), {
        class: 'briefing-lang',
        'aria-pressed': String(l === lang),
        lang: l,
      });
    controls.replaceChildren(
      el(
        'div',
        { class: 'briefing-nav' },
        button(t.prev, () => go(s().step - 1, 'panel'), { class: 'briefing-prev' }),
        button(t.next, () => go(s().step + 1, 'panel'), { class: 'briefing-next' }),
      ),
      el(
        'div',
        { class: 'briefing-tools' },
        button(t.fullscreen, toggleFullscreen, { class: 'briefing-fullscreen' }),
        button(t.presenter, () => openPresenter(), { class: 'briefing-presenter' }),
        button(t.png, () => void offer(() => pngCanvas(1).then(canvasToBlob), 'png'), {
          class: 'briefing-png',
        }),
        button(t.png2x, () => void offer(() => pngCanvas(2).then(canvasToBlob), '@2x.png'), {
          class: 'briefing-png2x',
        }),
        button(
          t.svg,
          () => void offer(async () => new Blob([exportSvg()], { type: 'image/svg+xml' }), 'svg'),
          { class: 'briefing-svg' },
        ),
        button(
          t.handout,
          () => {
            drawHandout();
            window.print();
          },
          { class: 'briefing-handout' },
        ),
        langButton('ru'),
        langButton('en'),
        button(t.leave, leave, { class: 'briefing-leave' }),
      ),
    );
    keysHelp.textContent = t.keysHelp;
    if (startButton !== null) {
      startButton.textContent = t.start;
      startButton.title = t.startTitle;
    }
  };

  let prev: AppState | null = null;
  const render = (s: AppState) => {
    const on = s.mode === 'briefing';
    const entered = on && prev?.mode !== 'briefing';
    if (prev === null || s.mode !== prev.mode) {
      document.body.classList.toggle('briefing', on);
      panel.hidden = !on;
    }
    if (prev === null || s.lang !== prev.lang) renderControls(s.lang);
    // Data arriving (the corpus, fetched on entering briefing mode) redraws the step: its figures' discrepancies.
    const arrived = s.dataVersion !== prev?.dataVersion;
    if (on && (entered || arrived || s.step !== prev?.step || s.lang !== prev?.lang)) {
      content.replaceChildren(
        stepPanel({
          catalog,
          lang: s.lang,
          step: s.step,
          onOpenSentence: (articleId, mentionId) => {
            store.getState().setMode('explore', 'panel');
            store.getState().openArticle({ articleId, mentionId }, 'panel');
          },
        }),
      );
      if (!arrived || entered) content.scrollTop = 0;
      counter.textContent = `${clampStep(briefing, s.step)} / ${n}`;
      counter.dataset.step = String(s.step);
      if (entered && prev !== null) content.querySelector<HTMLElement>('#briefing-step-title')?.focus();
    }
    if (on && (entered || handoutFor !== handoutKey(s))) scheduleHandout();
    const told = prev === null || s.mode !== prev.mode || s.step !== prev.step || s.lang !== prev.lang;
    // A step that came from the presenter window is not sent back to it.
    if (told && s.origin !== 'presenter' && (on || prev?.mode === 'briefing')) post(s);
    prev = s;
  };
  startButton?.addEventListener('click', () => store.getState().setMode('briefing', 'panel'));
  render(store.getState());
  store.subscribe(render);

  return {
    go: (step) => go(step, 'api'),
    exportPng: async ({ scale = 1 } = {}) => (await pngCanvas(scale)).toDataURL('image/png'),
    exportSvg,
    renderHandout: drawHandout,
    openPresenter,
  };
}
