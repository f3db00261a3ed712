// A view as a PNG, 1920×1080 CSS px at pixel ratio 1 or 2 (3840×2160: within MapLibre's 4096 px drawing-buffer
// cap). The map is drawn by a second, hidden MapLibre map of exactly that size — same style function, same map
// sync for feature-state and filters, camera set to the visible map's bounds — so the export does not depend on
// the window's size and never disturbs the map on screen. The title, legend and source line are then drawn over it
// on a 2D canvas. Without WebGL the SVG export is rasterised instead. Nothing here touches the network: the
// style's sources are inline GeoJSON and its fonts are files of our own origin.
//
// The hidden map is kept for a minute after an export: a new WebGL context compiles its shaders on its first
// frame, which on a software renderer takes seconds, and a speaker exporting a slide per step should pay once.
import { type Map as MapLibreMap, Map as MapLibreMapClass } from 'maplibre-gl';
import type { Catalog } from '../data/catalog.ts';
import { fontUrls } from '../map/fonts.ts';
import { syncMap } from '../map/map-sync.ts';
import { LIGHT } from '../map/palette.ts';
import { type BasemapData, buildStyle, toMapFeatures } from '../map/style.ts';
import type { Store } from '../state/store.ts';
import type { ExportContext } from './export-context.ts';
import { overlay, overlayToCanvas } from './overlay.ts';

export const EXPORT_WIDTH = 1920;
export const EXPORT_HEIGHT = 1080;
/** How long the hidden export map outlives its last export. */
export const EXPORT_MAP_TTL_MS = 60_000;

export interface PngExportOptions {
  store: Store;
  catalog: Catalog;
  basemap: BasemapData;
  /** the map on screen, whose view is exported; null where the SVG map stands in */
  map: MapLibreMap | null;
  context: ExportContext;
  /** 1 or 2 */
  scale: number;
  /** an SVG of the same view, for machines without WebGL */
  svgFallback: () => string;
}

/** Space the frame takes at each edge of a 1920×1080 export, so the framed features stay clear of it. */
export const FRAME_PADDING = { top: 140, bottom: 90, left: 60, right: 60 };

function waitFor(map: MapLibreMap, event: 'load' | 'idle', ms = 60_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`the export map did not fire ${event} in ${ms} ms`)), ms);
    map.once(event, () => {
      clearTimeout(t);
      resolve();
    });
  });
}

interface ExportMap {
  map: MapLibreMap;
  store: Store;
  catalog: Catalog;
  loaded: Promise<void>;
  dispose(): void;
}

let cached: ExportMap | null = null;
let disposeTimer: ReturnType<typeof setTimeout> | undefined;
/** Exports run one at a time: they share the hidden map. */
let queue: Promise<unknown> = Promise.resolve();

function exportMap(o: PngExportOptions): ExportMap {
  if (cached !== null && cached.store === o.store && cached.catalog === o.catalog) return cached;
  cached?.dispose();
  const host = document.createElement('div');
  host.setAttribute('aria-hidden', 'true');
  // Laid out (MapLibre sizes its canvas from the box) but invisible and out of the way.
  host.style.cssText = `position:fixed;left:0;top:0;width:${EXPORT_WIDTH}px;height:${EXPORT_HEIGHT}px;visibility:hidden;pointer-events:none;z-index:-1`;
  document.body.appendChild(host);
  const s = o.store.getState();
  const map = new MapLibreMapClass({
    container: host,
    style: buildStyle({
      basemap: o.basemap,
      features: toMapFeatures(o.catalog.data.features),
      fonts: fontUrls(),
      theme: LIGHT,
      lang: s.lang,
      filters: s,
    }),
    pixelRatio: o.scale,
    interactive: false,
    attributionControl: false,
    fadeDuration: 0,
    // Kept after presenting, so the frame can be read back whenever the export gets to it.
    canvasContextAttributes: { preserveDrawingBuffer: true },
  });
  let unsync = () => {};
  const entry: ExportMap = {
    map,
    store: o.store,
    catalog: o.catalog,
    // The same code that styles the map on screen (selection, dimming, filters, language) keeps this one in step.
    loaded: waitFor(map, 'load').then(() => {
      unsync = syncMap(map, o.store, o.catalog, { reducedMotion: () => true });
    }),
    dispose: () => {
      unsync();
      map.remove();
      host.remove();
      if (cached === entry) cached = null;
    },
  };
  map.on('webglcontextlost', () => entry.dispose());
  cached = entry;
  return entry;
}

async function renderMap(o: PngExportOptions, main: MapLibreMap): Promise<HTMLCanvasElement> {
  clearTimeout(disposeTimer);
  const e = exportMap(o);
  try {
    await e.loaded;
    const { map } = e;
    if (map.getPixelRatio() !== o.scale) map.setPixelRatio(o.scale);
    const b = main.getBounds();
    map.fitBounds(
      [
        [b.getWest(), b.getSouth()],
        [b.getEast(), b.getNorth()],
      ],
      { duration: 0, padding: FRAME_PADDING },
    );
    const idle = waitFor(map, 'idle');
    map.triggerRepaint();
    await idle;
    return readCanvas(map.getCanvas());
  } catch (err) {
    e.dispose();
    throw err;
  } finally {
    disposeTimer = setTimeout(() => cached?.dispose(), EXPORT_MAP_TTL_MS);
  }
}

/**
 * The map's pixels on a 2D canvas, read with readPixels into memory (the canvas is then a plain CPU canvas, quick
 * to draw the frame on and to encode).
 */
function readCanvas(source: HTMLCanvasElement): HTMLCanvasElement {
  const gl = source.getContext('webgl2');
  const out = document.createElement('canvas');
  out.width = source.width;
  out.height = source.height;
  const ctx = out.getContext('2d', { willReadFrequently: true });
  if (ctx === null) throw new Error('no 2D canvas');
  if (gl === null) {
    ctx.drawImage(source, 0, 0);
    return out;
  }
  const { width, height } = source;
  const pixels = new Uint8Array(width * height * 4);
  gl.readPixels(0, 0, width, height, gl.RGBA, gl.UNSIGNED_BYTE, pixels);
  // WebGL's rows run bottom to top.
  const image = ctx.createImageData(width, height);
  const row = width * 4;
  for (let y = 0; y < height; y++) {
    image.data.set(pixels.subarray((height - 1 - y) * row, (height - y) * row), y * row);
  }
  ctx.putImageData(image, 0, 0);
  return out;
}

async function rasteriseSvg(svg: string, scale: number): Promise<HTMLCanvasElement> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    const out = document.createElement('canvas');
    out.width = EXPORT_WIDTH * scale;
    out.height = EXPORT_HEIGHT * scale;
    const ctx = out.getContext('2d');
    if (ctx === null) throw new Error('no 2D canvas');
    ctx.drawImage(img, 0, 0, out.width, out.height);
    return out;
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** A canvas of exactly 1920×1080 × scale px (MapLibre may have capped its pixel ratio). */
function exactSize(c: HTMLCanvasElement, scale: number): HTMLCanvasElement {
  const w = EXPORT_WIDTH * scale;
  const h = EXPORT_HEIGHT * scale;
  if (c.width === w && c.height === h) return c;
  const out = document.createElement('canvas');
  out.width = w;
  out.height = h;
  out.getContext('2d')?.drawImage(c, 0, 0, w, h);
  return out;
}

async function renderPngNow(o: PngExportOptions): Promise<HTMLCanvasElement> {
  const scale = o.scale >= 2 ? 2 : 1;
  if (o.map === null) return rasteriseSvg(o.svgFallback(), scale); // the SVG carries its own frame
  const canvas = exactSize(await renderMap({ ...o, scale }, o.map), scale);
  const ctx = canvas.getContext('2d');
  if (ctx === null) throw new Error('no 2D canvas');
  ctx.save();
  ctx.scale(scale, scale);
  overlayToCanvas(
    ctx,
    overlay(o.context, EXPORT_WIDTH, EXPORT_HEIGHT, { title: true, legend: true, source: true }),
  );
  ctx.restore();
  return canvas;
}

/** The finished PNG on a canvas of 1920×1080 × scale px. */
export function renderPng(o: PngExportOptions): Promise<HTMLCanvasElement> {
  const run = queue.then(
    () => renderPngNow(o),
    () => renderPngNow(o),
  );
  queue = run.catch(() => {});
  return run;
}

export function canvasToBlob(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) =>
    canvas.toBlob((b) => (b === null ? reject(new Error('PNG encoding failed')) : resolve(b)), 'image/png'),
  );
}
