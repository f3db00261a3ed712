// The yardstick of the load figure: MapLibre alone with the app's basemap — the same basemap JSON, the same
// basemap layers from the app's own style code, the same fonts and camera — and nothing else. `?w=&h=` sizes the
// map like the app's map box, so both draw the same view on a canvas of the same size.
import type { StyleSpecification } from 'maplibre-gl';
import { createMap } from '../../map/create-map.ts';
import { fontUrls } from '../../map/fonts.ts';
import { SOURCE } from '../../map/ids.ts';
import { LIGHT } from '../../map/palette.ts';
import { type BasemapData, buildStyle } from '../../map/style.ts';

/** The app's style without its feature source and layers: the basemap part only. */
function basemapStyle(basemap: BasemapData): StyleSpecification {
  const full = buildStyle({
    basemap,
    features: { type: 'FeatureCollection', features: [] },
    fonts: fontUrls(),
    theme: LIGHT,
    lang: 'ru',
    filters: { hiddenKinds: [], hiddenGroups: [], asOf: null, filterMode: 'hide' },
  });
  return {
    ...full,
    sources: Object.fromEntries(Object.entries(full.sources).filter(([id]) => id !== SOURCE.features)),
    layers: full.layers.filter((l) => !('source' in l) || l.source !== SOURCE.features),
  };
}

async function start(): Promise<void> {
  const container = document.getElementById('map');
  if (container === null) throw new Error('no #map');
  const q = new URLSearchParams(window.location.search);
  const w = q.get('w');
  const h = q.get('h');
  if (w !== null && h !== null) {
    container.style.width = `${w}px`;
    container.style.height = `${h}px`;
  }
  // Fetched like the app fetches it (src/data/load.ts), from the same built file.
  const res = await fetch('data/basemap.json');
  if (!res.ok) throw new Error(`data/basemap.json: HTTP ${res.status}`);
  const map = createMap(container, basemapStyle((await res.json()) as BasemapData), 'ru');
  map.once('idle', () => performance.mark('corridors:map-idle'));
}

void start();
