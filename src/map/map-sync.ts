// The only code that pushes store state into the map: feature-state for selection, hover and dimming; layer
// filters for the legend's toggles; label language; the camera framing a selection beside the panel.
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { Catalog } from '../data/catalog.ts';
import type { FeatureId } from '../domain/feature.ts';
import { REGION } from '../domain/region.ts';
import { STATUS_GROUP, statusAt } from '../domain/status-at.ts';
import { stepDrawnFeatures } from '../modes/briefing-steps.ts';
import type { AppState, Store } from '../state/store.ts';
import { geometryBounds } from './bounds.ts';
import { LAYER, SOURCE } from './ids.ts';
import { FEATURE_LAYERS, featureLayerFilter, labelField, STATEFUL_PAINT } from './style.ts';

/** REGION_BOUNDS of create-map.ts, not imported: svg-map.ts imports this module and must not need MapLibre. */
const REGION_VIEW: [[number, number], [number, number]] = [
  [REGION.west + 1, REGION.south + 1.5],
  [REGION.east - 1, REGION.north - 3],
];

export interface SyncOptions {
  reducedMotion: () => boolean;
}

/**
 * Which drawn features are emphasised: in briefing mode the step's features; otherwise the selection (a
 * composite's parts), or an open article's features.
 */
export function emphasised(state: AppState, catalog: Catalog): FeatureId[] {
  if (state.mode === 'briefing') return stepDrawnFeatures(catalog, state.step);
  if (state.article !== null)
    return catalog.featuresOfArticle(state.article.articleId).flatMap(catalog.drawnMembers);
  if (state.selected !== null) return catalog.drawnMembers(state.selected);
  return [];
}

export function syncMap(map: MapLibreMap, store: Store, catalog: Catalog, o: SyncOptions): () => void {
  const drawn = catalog.features.filter((f) => f.properties.kind !== 'corridor').map((f) => f.properties.id);
  let prev: AppState | null = null;
  let prevEmph: FeatureId[] = [];
  let statesShown = false;
  /** The feature layers follow feature-state from the first state written on (STATEFUL_PAINT in style.ts). */
  const showStates = () => {
    if (statesShown) return;
    statesShown = true;
    for (const [layer, property, value] of STATEFUL_PAINT) map.setPaintProperty(layer, property, value);
  };

  const apply = (s: AppState) => {
    const emph = emphasised(s, catalog);
    if (prev === null || emph.join() !== prevEmph.join()) {
      const any = emph.length > 0;
      for (const id of drawn) {
        const selected = emph.includes(id);
        const dim = any && !selected;
        // A state never set reads as false (style.ts): the first pass writes only what is true, so a map with
        // nothing emphasised gets no feature-state update, and no extra frame, before its first idle.
        if (prev === null && !selected && !dim) continue;
        if (selected || dim) showStates();
        map.setFeatureState({ source: SOURCE.features, id }, { selected, dim });
      }
    }
    if (prev === null || s.hovered !== prev.hovered) {
      if (prev?.hovered) map.setFeatureState({ source: SOURCE.features, id: prev.hovered }, { hover: false });
      for (const id of s.hovered === null ? [] : catalog.drawnMembers(s.hovered)) {
        showStates();
        map.setFeatureState({ source: SOURCE.features, id }, { hover: true });
      }
    }
    const filtersChanged =
      prev === null ||
      s.hiddenKinds !== prev.hiddenKinds ||
      s.hiddenGroups !== prev.hiddenGroups ||
      s.asOf !== prev.asOf ||
      s.filterMode !== prev.filterMode;
    if (filtersChanged) {
      if (prev !== null)
        for (const layer of FEATURE_LAYERS) map.setFilter(layer, featureLayerFilter(layer, s));
      // Dimming is per feature: the kinds and status groups switched off fade instead of going.
      for (const id of drawn) {
        const p = catalog.feature(id)?.properties;
        const status = p ? statusAt(p, s.asOf) : null;
        const off =
          s.filterMode === 'dim' &&
          p !== undefined &&
          (s.hiddenKinds.includes(p.kind) ||
            (status !== null && s.hiddenGroups.includes(STATUS_GROUP[status])));
        if (prev === null && !off) continue;
        if (off) showStates();
        map.setFeatureState({ source: SOURCE.features, id }, { filtered: off });
      }
    }
    if (prev !== null && s.lang !== prev.lang) {
      for (const layer of [LAYER.countryLabels, LAYER.waterLabels, LAYER.pointLabels]) {
        map.setLayoutProperty(layer, 'text-field', labelField(s.lang));
      }
      map.getContainer().setAttribute('lang', s.lang);
    }
    const focusChanged =
      prev === null ||
      s.selected !== prev.selected ||
      s.article?.articleId !== prev.article?.articleId ||
      s.mode !== prev.mode ||
      s.step !== prev.step;
    // An article's features are known once its file has arrived: frame them then.
    const arrived =
      prev !== null && s.dataVersion !== prev.dataVersion && s.article !== null && prevEmph.length === 0;
    if ((focusChanged || arrived) && emph.length > 0) frame(emph);
    // A briefing step that names no feature shows the whole region.
    else if (focusChanged && s.mode === 'briefing') frameBounds(REGION_VIEW, false);
    prev = s;
    prevEmph = emph;
  };

  const frame = (ids: FeatureId[]) => {
    const geometries = ids.flatMap((id) => {
      const g = catalog.feature(id)?.geometry;
      return g ? [g] : [];
    });
    const b = geometryBounds(geometries);
    if (b === null) return;
    const [w, s, e, n] = b;
    frameBounds(
      [
        [w, s],
        [e, n],
      ],
      w === e && s === n,
    );
  };

  const frameBounds = (bounds: [[number, number], [number, number]], isPoint: boolean) => {
    // Entering or leaving briefing mode resizes the map's box in the same task; MapLibre learns of it only on its
    // next resize observation, so framing now would use the old size.
    const c = map.getContainer();
    const canvas = map.getCanvas();
    if (c.clientWidth !== canvas.clientWidth || c.clientHeight !== canvas.clientHeight) map.resize();
    map.fitBounds(bounds, { padding: 48, maxZoom: isPoint ? 7 : 8.5, duration: o.reducedMotion() ? 0 : 700 });
  };

  apply(store.getState());
  return store.subscribe(apply);
}
