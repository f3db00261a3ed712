// The one place that turns pointer events on the map into store actions. A click queries a small box around the
// point (thin lines are hard to hit exactly), then selects, offers a chooser, or clears the selection.
import type { Map as MapLibreMap, MapMouseEvent, PointLike } from 'maplibre-gl';
import type { FeatureId } from '../domain/feature.ts';
import type { Store } from '../state/store.ts';
import { INTERACTIVE_LAYERS } from './ids.ts';

const HIT_RADIUS_PX = 6;

export function featuresAt(map: MapLibreMap, x: number, y: number): FeatureId[] {
  const box: [PointLike, PointLike] = [
    [x - HIT_RADIUS_PX, y - HIT_RADIUS_PX],
    [x + HIT_RADIUS_PX, y + HIT_RADIUS_PX],
  ];
  const layers = INTERACTIVE_LAYERS.filter((l) => map.getLayer(l) !== undefined);
  const ids: FeatureId[] = [];
  for (const f of map.queryRenderedFeatures(box, { layers })) {
    const id = f.properties.id;
    if (typeof id === 'string' && !ids.includes(id)) ids.push(id);
  }
  return ids;
}

export function routeClicks(map: MapLibreMap, store: Store): void {
  map.on('click', (e: MapMouseEvent) => {
    const ids = featuresAt(map, e.point.x, e.point.y);
    const { select, openChooser } = store.getState();
    const [first] = ids;
    if (first === undefined) {
      if (store.getState().chooser !== null) openChooser(null);
      else select(null, 'map');
    } else if (ids.length === 1) select(first, 'map');
    else openChooser({ ids, point: { x: e.point.x, y: e.point.y } });
  });

  // Hover: highlight and a name tooltip; one query per animation frame at most.
  let pending: { x: number; y: number } | null = null;
  map.on('mousemove', (e: MapMouseEvent) => {
    const scheduled = pending !== null;
    pending = { x: e.point.x, y: e.point.y };
    if (scheduled) return;
    requestAnimationFrame(() => {
      if (pending === null) return;
      const [id] = featuresAt(map, pending.x, pending.y);
      pending = null;
      map.getCanvas().style.cursor = id === undefined ? '' : 'pointer';
      if (store.getState().hovered !== (id ?? null)) store.getState().hover(id ?? null);
    });
  });
  map.on('mouseout', () => {
    pending = null;
    map.getCanvas().style.cursor = '';
    store.getState().hover(null);
  });
}
