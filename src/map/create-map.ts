// Creating the MapLibre map. MapLibre 6 finds its worker relative to its own module URL, which bundling breaks,
// so the worker file is imported as a URL and handed over before any map exists (tech-notes.md).
import { Map as MapLibreMap, NavigationControl, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import type { MapOptions, StyleSpecification } from 'maplibre-gl';
import { MAP_EXTENT, REGION } from '../domain/region.ts';

let workerSet = false;

/**
 * Whether the browser has WebGL2 at all, asked without making a context. A probe context costs more than it tells:
 * Chromium tears a lost or dropped context down about a second later with a GPU finish, which stalls the page's
 * frames until every queued draw is done (under SwiftShader, 0.4–1 s, often just before the map's first idle;
 * `npm run bench` saw it). Whether a context can really be made, MapLibre finds out: it throws
 * GPUInitializationError, and the map host falls back to the SVG map.
 */
export function hasWebGL2(): boolean {
  return typeof WebGL2RenderingContext !== 'undefined';
}

/** Renderers that draw WebGL on the CPU: Chromium's SwiftShader, Mesa's llvmpipe and softpipe, Windows' WARP. */
const SOFTWARE_RENDERER = /swiftshader|llvmpipe|softpipe|software|basic render/i;

/**
 * True when the map's own context is drawn by a software rasteriser, read from the renderer's name; no second
 * context is made (see hasWebGL2). Where the name is hidden, the renderer is taken to be hardware. Not for the load
 * path: enabling the renderer-info extension waits for the GPU process (map-host.ts asks only when the map is late).
 */
export function drawsInSoftware(map: MapLibreMap): boolean {
  // getContext with the type the canvas already has returns the map's context; it never makes another.
  const gl = map.getCanvas().getContext('webgl2');
  if (gl === null) return false;
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  const name: unknown = gl.getParameter(info === null ? gl.RENDERER : info.UNMASKED_RENDERER_WEBGL);
  return typeof name === 'string' && SOFTWARE_RENDERER.test(name);
}

export function prefersReducedMotion(): boolean {
  return window.matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/** The view that shows the whole region, from the Black Sea to the Chinese border. */
export const REGION_BOUNDS: [[number, number], [number, number]] = [
  [REGION.west + 1, REGION.south + 1.5],
  [REGION.east - 1, REGION.north - 3],
];

/** `extra` adds or overrides map options (the embed: cooperativeGestures, locale). */
export function createMap(
  container: HTMLElement,
  style: StyleSpecification,
  lang: string,
  extra: Partial<MapOptions> = {},
): MapLibreMap {
  if (!workerSet) {
    setWorkerUrl(new URL(workerUrl, window.location.href).href);
    workerSet = true;
  }
  const map = new MapLibreMap({
    container,
    style,
    bounds: REGION_BOUNDS,
    fitBoundsOptions: { padding: 16 },
    // The camera never shows past the basemap's edge (MAP_EXTENT is what the build clips it to).
    maxBounds: [
      [MAP_EXTENT.west, MAP_EXTENT.south],
      [MAP_EXTENT.east, MAP_EXTENT.north],
    ],
    minZoom: 2,
    maxZoom: 12,
    attributionControl: { compact: true, customAttribution: 'Natural Earth · geo-facts.md' },
    dragRotate: false,
    pitchWithRotate: false,
    // The style is built by our own code (style.ts) and checked against the style specification by
    // tests/unit/style.test.ts. Validating it again on every load cost ~25 ms of the main thread before the first
    // frame under SwiftShader, nearly all of it the validator's own code running for the first time: warm, it
    // takes ~2 ms, with or without the inline GeoJSON.
    validateStyle: false,
    ...extra,
  });
  map.getContainer().setAttribute('lang', lang);
  map.touchZoomRotate.disableRotation();
  map.addControl(new NavigationControl({ showCompass: false }), 'top-left');
  return map;
}
