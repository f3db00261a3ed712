// Creating the MapLibre map. MapLibre 6 finds its worker relative to its own module URL, which bundling breaks,
// so the worker file is imported as a URL and handed over before any map exists (tech-notes.md).
import { Map as MapLibreMap, NavigationControl, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import type { MapOptions, StyleSpecification } from 'maplibre-gl';
import { MAP_EXTENT, REGION } from '../domain/region.ts';

let workerSet = false;

export function hasWebGL2(): boolean {
  try {
    const gl = document.createElement('canvas').getContext('webgl2');
    // Free the probe's context now, not at garbage collection: Chromium keeps about 16 live contexts per page,
    // and a page of embeds would otherwise hold one probe per frame on top of its maps (tech-notes.md).
    gl?.getExtension('WEBGL_lose_context')?.loseContext();
    return gl !== null;
  } catch {
    return false;
  }
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
    ...extra,
  });
  map.getContainer().setAttribute('lang', lang);
  map.touchZoomRotate.disableRotation();
  map.addControl(new NavigationControl({ showCompass: false }), 'top-left');
  return map;
}
