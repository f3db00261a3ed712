// Which map the reader gets, and keeping one alive: MapLibre where WebGL2 works, the SVG map where it does not,
// where a software renderer is too slow to draw the first frame, or where a lost WebGL context does not come
// back. Switching keeps the store, so the selection, the panel and the URL stay as they were; nothing reloads.
import type { Map as MapLibreMap, MapOptions } from 'maplibre-gl';
import type { Catalog } from '../data/catalog.ts';
import type { Store } from '../state/store.ts';
import { routeClicks } from './click-router.ts';
import { createMap, drawsInSoftware, hasWebGL2, prefersReducedMotion } from './create-map.ts';
import { fontUrls } from './fonts.ts';
import { syncMap } from './map-sync.ts';
import { LIGHT, type Theme } from './palette.ts';
import { type BasemapData, buildStyle, toMapFeatures } from './style.ts';
import { mountSvgMap } from './svg-map.ts';

export type MapMode = 'webgl' | 'svg';

/** How long MapLibre and the browser get to restore a lost context before the SVG map takes over. */
export const CONTEXT_RESTORE_MS = 3000;
/** A software renderer (SwiftShader, llvmpipe) that has not drawn the map by then is too slow to use. */
export const SOFTWARE_FIRST_LOAD_MS = 15000;

export interface MapHostOptions {
  container: HTMLElement;
  tooltip: HTMLElement;
  store: Store;
  catalog: Catalog;
  basemap: BasemapData;
  /** the map's colours (LIGHT by default) and extra MapLibre options: the embed passes both */
  theme?: Theme | undefined;
  mapOptions?: Partial<MapOptions> | undefined;
  /** called whenever the map changes: a new MapLibre map, or null with the SVG map */
  onChange(map: MapLibreMap | null, mode: MapMode): void;
}

export interface MapHost {
  mode(): MapMode;
  /** remove the current map and create it again (same mode); resolves when it has loaded */
  remount(): Promise<void>;
  destroy(): void;
}

type Camera = { center: [number, number]; zoom: number };

/** Mounts a map now; `ready` resolves when it has loaded (or fallen back to SVG). */
export function mountMapHost(o: MapHostOptions): { host: MapHost; ready: Promise<void> } {
  const { container, store, catalog } = o;
  let mode: MapMode = hasWebGL2() ? 'webgl' : 'svg';
  let current: MapLibreMap | null = null;
  let teardown: () => void = () => {};
  /** bumped on every mount, so late events and timers of a removed map do nothing */
  let generation = 0;

  const cameraOf = (m: MapLibreMap | null): Camera | null =>
    m === null ? null : { center: m.getCenter().toArray(), zoom: m.getZoom() };

  const mountSvg = (): Promise<void> => {
    teardown();
    generation++;
    mode = 'svg';
    current = null;
    const svg = mountSvgMap(container, store, catalog, o.basemap, { theme: o.theme });
    teardown = () => svg.destroy();
    o.onChange(null, 'svg');
    return Promise.resolve();
  };

  const mountWebgl = (camera: Camera | null): Promise<void> => {
    teardown();
    const gen = ++generation;
    const s = store.getState();
    let map: MapLibreMap;
    try {
      map = createMap(
        container,
        buildStyle({
          basemap: o.basemap,
          features: toMapFeatures(catalog.data.features),
          fonts: fontUrls(),
          theme: o.theme ?? LIGHT,
          lang: s.lang,
          filters: s,
        }),
        s.lang,
        o.mapOptions,
      );
    } catch (e) {
      // MapLibre throws GPUInitializationError where no WebGL2 context can be made (hasWebGL2 does not ask).
      console.warn('no WebGL2 context: drawing the SVG map', e);
      return mountSvg();
    }
    if (camera !== null) map.jumpTo(camera);
    current = map;
    let settle: () => void = () => {};
    const loaded = new Promise<void>((resolve) => {
      settle = resolve;
    });
    let unsync: () => void = () => {};
    const timers = new Set<ReturnType<typeof setTimeout>>();
    const after = (ms: number, f: () => void) => {
      const t = setTimeout(() => {
        timers.delete(t);
        if (gen === generation) f();
      }, ms);
      timers.add(t);
    };
    teardown = () => {
      unsync();
      unsync = () => {};
      for (const t of timers) clearTimeout(t);
      timers.clear();
      try {
        map.remove();
      } catch (e) {
        // A map whose context is lost may fail halfway through remove(); what it leaves is cleared below.
        console.error(e);
      }
      container.replaceChildren();
      container.classList.remove('maplibregl-map');
      // Removed before it loaded (a remount, a fallback): nobody waits for it any more.
      settle();
    };
    o.onChange(map, 'webgl');

    routeClicks(map, store);
    map.on('mousemove', (e) => {
      o.tooltip.style.left = `${Math.round(e.point.x + 14)}px`;
      o.tooltip.style.top = `${Math.round(e.point.y + 14)}px`;
    });
    map.on('error', (e) => console.error(e.error));
    // The moment the reader first sees the whole map; `npm run bench` reads it (src/bench/load.ts).
    map.once('idle', () => performance.mark('corridors:map-idle'));
    map.on('webglcontextlost', () => {
      // MapLibre drops the style until the context returns: nothing may write to the map meanwhile.
      unsync();
      unsync = () => {};
      after(CONTEXT_RESTORE_MS, () => {
        console.warn(`WebGL context not restored within ${CONTEXT_RESTORE_MS} ms: switching to the SVG map`);
        void mountSvg();
      });
    });
    map.on('webglcontextrestored', () => {
      // MapLibre restores the style as it was when the context went, but the store may have moved on since, and
      // feature-state is not part of its snapshot. A fresh map from the current state, same camera, is exact.
      if (gen === generation) void mountWebgl(cameraOf(map));
    });
    let drawn = false;
    // The renderer is asked only if the map has not drawn in time. Asked at once, it cost a synchronous round trip
    // to the GPU process (enabling the renderer-info extension) while that process was busy setting up the
    // context: 2–20 ms of the main thread in every load, on the way to the map's first idle (CPU profiles, load
    // bench, session 13).
    after(SOFTWARE_FIRST_LOAD_MS, () => {
      // Whether the map has ever drawn, not map.loaded(): that is false for a moment after any style or camera
      // change, and a reader busy with the map at fifteen seconds would lose it to the SVG map.
      if (drawn || !drawsInSoftware(map)) return;
      console.warn(`software WebGL has not drawn the map in ${SOFTWARE_FIRST_LOAD_MS} ms: switching to SVG`);
      void mountSvg();
    });
    map.once('load', () => {
      drawn = true;
      if (gen !== generation) return;
      unsync = syncMap(map, store, catalog, { reducedMotion: prefersReducedMotion });
      settle();
    });
    return loaded;
  };

  const ready = mode === 'webgl' ? mountWebgl(null) : mountSvg();
  return {
    ready,
    host: {
      mode: () => mode,
      remount: () => (mode === 'webgl' ? mountWebgl(cameraOf(current)) : mountSvg()),
      destroy: () => {
        generation++;
        teardown();
        teardown = () => {};
      },
    },
  };
}
