// The map without WebGL: the same features, palette, dashes, filters and click-to-panel as the MapLibre map,
// drawn once as SVG with d3-geo. Used where there is no WebGL2, after a lost WebGL context that does not come
// back, and (renderSvgMap alone, no listeners) for a vector export. Every name is a text node, never markup.

import { type GeoPermissibleObjects, geoMercator, geoPath, geoTransform } from 'd3-geo';
import type { BuiltFeature, Catalog } from '../data/catalog.ts';
import type { FeatureId, Lang } from '../domain/feature.ts';
import { MAP_EXTENT, REGION } from '../domain/region.ts';
import { STATUS_GROUP, type StatusGroup, statusAt } from '../domain/status-at.ts';
import type { AppState, Store } from '../state/store.ts';
import { emphasised } from './map-sync.ts';
import { KIND_COLOR, LIGHT, LINE_KINDS, STATUS_DASH, type Theme } from './palette.ts';
import type { BasemapData, MapFilters } from './style.ts';
import './svg-map.css';

const SVG_NS = 'http://www.w3.org/2000/svg';

/** The view MapLibre opens on (REGION_BOUNDS in create-map.ts, not imported so this module needs no MapLibre). */
const VIEW: [[number, number], [number, number]] = [
  [REGION.west + 1, REGION.south + 1.5],
  [REGION.east - 1, REGION.north - 3],
];
const PAD = 16;
const LINE_WIDTH = 2.5;
/** Wide and invisible, like the MapLibre hit layer: a thin line is still easy to click. */
const HIT_WIDTH = 14;
/** As the MapLibre style's line-opacity for dimmed and filtered features (style.ts: dimmed(1, 0.18)). */
const DIM_OPACITY = 0.2;
const POINT_RADIUS: Partial<Record<string, number>> = { port: 6, 'oil-field': 6 };

export interface SvgMapState extends MapFilters {
  lang: Lang;
  /** drawn features to highlight; every other one is dimmed while this is not empty */
  emphasised: readonly FeatureId[];
}

export interface SvgMapInput {
  features: readonly BuiltFeature[];
  basemap: BasemapData;
  width: number;
  height: number;
  state: SvgMapState;
  theme?: Theme;
  /** a corner note that this is the simplified map (the live fallback shows it; an export would not) */
  note?: boolean;
}

const TEXT: Record<Lang, { title: string; note: string }> = {
  ru: { title: 'Карта коридоров', note: 'Упрощённая карта: WebGL недоступен' },
  en: { title: 'Corridors map', note: 'Simplified map: WebGL is unavailable' },
};

function svgEl<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number> = {},
): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  return node;
}

function textEl(text: string, attrs: Record<string, string | number>): SVGTextElement {
  const t = svgEl('text', attrs);
  t.textContent = text;
  return t;
}

/** The status group a feature is drawn in on the as-of date, or null when it is not drawn at all. */
function visibleGroup(f: BuiltFeature, s: MapFilters): { group: StatusGroup; filtered: boolean } | null {
  const p = f.properties;
  const status = statusAt(p, s.asOf);
  if (status === null) return null;
  const group = STATUS_GROUP[status];
  const off = s.hiddenKinds.includes(p.kind) || s.hiddenGroups.includes(group);
  if (off && s.filterMode === 'hide') return null;
  return { group, filtered: off };
}

/** Mercator fitted to the region, applied point by point: straight segments stay straight, as in MapLibre. */
function projector(width: number, height: number) {
  const projection = geoMercator().fitExtent(
    [
      [PAD, PAD],
      [Math.max(PAD + 1, width - PAD), Math.max(PAD + 1, height - PAD)],
    ],
    {
      type: 'MultiPoint',
      coordinates: [VIEW[0], VIEW[1], [VIEW[0][0], VIEW[1][1]], [VIEW[1][0], VIEW[0][1]]],
    },
  );
  // Unlike MapLibre, this map cannot pan: it never zooms in past the whole view, so no feature is ever out of
  // reach. Where the basemap is larger than the viewport it slides so that none of its clipped edge shows.
  const [x0 = 0, y0 = 0] = projection([MAP_EXTENT.west, MAP_EXTENT.north]) ?? [];
  const [x1 = 0, y1 = 0] = projection([MAP_EXTENT.east, MAP_EXTENT.south]) ?? [];
  const slide = (lo: number, hi: number, size: number) =>
    hi - lo <= size ? 0 : lo > 0 ? -lo : hi < size ? size - hi : 0;
  const [tx, ty] = projection.translate();
  projection.translate([tx + slide(x0, x1, width), ty + slide(y0, y1, height)]);
  // Planar, not spherical: polygon winding does not matter, so RFC 7946 rings are never read inside out.
  const planar = geoTransform({
    point(x: number, y: number) {
      const p = projection([x, y]);
      if (p) this.stream.point(p[0], p[1]);
    },
  });
  return { project: (c: [number, number]) => projection(c), path: geoPath(planar).digits(1) };
}

/** Greedy label placement: a label whose box overlaps one already placed is left out. */
function labelPlacer() {
  const placed: [number, number, number, number][] = [];
  return (x: number, y: number, text: string, size: number, anchor: 'middle' | 'top'): boolean => {
    const w = text.length * size * 0.55;
    const box: [number, number, number, number] =
      anchor === 'middle'
        ? [x - w / 2, y - size, x + w / 2, y + size * 0.3]
        : [x - w / 2, y, x + w / 2, y + size];
    if (placed.some((b) => box[0] < b[2] && box[2] > b[0] && box[1] < b[3] && box[3] > b[1])) return false;
    placed.push(box);
    return true;
  };
}

/** A pure render: data, state and size in, an <svg> out. No listeners; `mountSvgMap` adds them. */
export function renderSvgMap(input: SvgMapInput): SVGSVGElement {
  const theme = input.theme ?? LIGHT;
  const { width, height, state } = input;
  const { project, path } = projector(width, height);
  const t = TEXT[state.lang];
  const svg = svgEl('svg', {
    class: 'svg-map-canvas',
    viewBox: `0 0 ${width} ${height}`,
    width,
    height,
    role: 'group',
    'aria-label': t.title,
    lang: state.lang,
    'font-family': 'system-ui, "Noto Sans", sans-serif',
  });
  const title = svgEl('title');
  title.textContent = t.title;
  svg.appendChild(title);
  svg.appendChild(svgEl('rect', { class: 'svg-water', x: 0, y: 0, width, height, fill: theme.water }));

  const base = svgEl('g', { class: 'svg-basemap', 'aria-hidden': 'true', 'pointer-events': 'none' });
  const area = (fc: GeoPermissibleObjects, cls: string, attrs: Record<string, string | number>) => {
    const d = path(fc);
    if (d) base.appendChild(svgEl('path', { class: cls, d, ...attrs }));
  };
  area(input.basemap.land, 'svg-land', { fill: theme.land });
  area(input.basemap.lakes, 'svg-lakes', { fill: theme.lake });
  area(input.basemap.rivers, 'svg-rivers', { fill: 'none', stroke: theme.river, 'stroke-width': 0.8 });
  area(input.basemap.borders, 'svg-borders', {
    fill: 'none',
    stroke: theme.border,
    'stroke-width': 1,
    'stroke-dasharray': '3 2',
  });
  svg.appendChild(base);

  const place = labelPlacer();
  const labels = svgEl('g', { class: 'svg-labels', 'aria-hidden': 'true', 'pointer-events': 'none' });
  const nameKey = state.lang === 'ru' ? 'name_ru' : 'name_en';
  for (const [fc, cls, size, color] of [
    [input.basemap.waterLabels, 'svg-water-label', 13, theme.water_label],
    [input.basemap.countryLabels, 'svg-country-label', 12, theme.label],
  ] as const) {
    for (const f of fc.features) {
      const name = f.properties?.[nameKey];
      const rank = f.properties?.rank;
      if (typeof name !== 'string' || f.geometry?.type !== 'Point') continue;
      if (typeof rank === 'number' && rank > 2) continue;
      const [lon, lat] = f.geometry.coordinates;
      const p = lon === undefined || lat === undefined ? null : project([lon, lat]);
      if (!p || p[0] < 0 || p[1] < 0 || p[0] > width || p[1] > height) continue;
      const text = cls === 'svg-country-label' ? name.toUpperCase() : name;
      if (!place(p[0], p[1], text, size, 'middle')) continue;
      labels.appendChild(
        textEl(text, {
          class: cls,
          x: p[0],
          y: p[1],
          'font-size': size,
          fill: color,
          'text-anchor': 'middle',
          ...(cls === 'svg-country-label' ? { opacity: 0.55, 'letter-spacing': '0.12em' } : {}),
        }),
      );
    }
  }

  const lines = svgEl('g', { class: 'svg-lines' });
  const points = svgEl('g', { class: 'svg-points' });
  const pointLabels: SVGTextElement[] = [];
  for (const f of input.features) {
    const p = f.properties;
    if (p.kind === 'corridor' || f.geometry === null) continue;
    const shown = visibleGroup(f, state);
    if (shown === null) continue;
    const name = p.name[state.lang];
    const color = KIND_COLOR[p.kind];
    const g = svgEl('g', {
      class: shown.filtered ? 'svg-feature is-filtered' : 'svg-feature',
      'data-feature-id': p.id,
      'data-kind': p.kind,
      'data-group': shown.group,
      role: 'button',
      tabindex: 0,
      'aria-label': name,
    });
    const tip = svgEl('title');
    tip.textContent = name;
    g.appendChild(tip);
    if (LINE_KINDS.includes(p.kind)) {
      const d = path(f.geometry);
      if (!d) continue;
      if (p.accuracy === 'schematic')
        g.appendChild(
          svgEl('path', {
            class: 'svg-uncertainty',
            d,
            fill: 'none',
            stroke: color,
            'stroke-width': 10,
            'stroke-opacity': 0.14,
            'stroke-linecap': 'round',
            'stroke-linejoin': 'round',
            'pointer-events': 'none',
          }),
        );
      g.appendChild(
        svgEl('path', {
          class: 'svg-halo',
          d,
          fill: 'none',
          stroke: color,
          'stroke-width': 12,
          'stroke-opacity': 0,
          'stroke-linecap': 'round',
          'stroke-linejoin': 'round',
          'pointer-events': 'none',
        }),
      );
      const dash = STATUS_DASH[shown.group];
      g.appendChild(
        svgEl('path', {
          class: 'svg-mark',
          d,
          fill: 'none',
          stroke: color,
          'stroke-linejoin': 'round',
          'stroke-width': LINE_WIDTH,
          'stroke-linecap': dash === null ? 'round' : 'butt',
          'pointer-events': 'none',
          ...(dash === null ? {} : { 'stroke-dasharray': dash.map((x) => x * LINE_WIDTH).join(' ') }),
        }),
      );
      g.appendChild(
        svgEl('path', {
          class: 'svg-hit',
          d,
          fill: 'none',
          stroke: 'transparent',
          'stroke-width': HIT_WIDTH,
          'pointer-events': 'stroke',
        }),
      );
      lines.appendChild(g);
    } else {
      const c = f.geometry.type === 'Point' ? f.geometry.coordinates : null;
      const xy = c && c[0] !== undefined && c[1] !== undefined ? project([c[0], c[1]]) : null;
      if (!xy) continue;
      const r = POINT_RADIUS[p.kind] ?? 4;
      g.appendChild(
        svgEl('circle', {
          class: 'svg-hit',
          cx: xy[0],
          cy: xy[1],
          r: r + 4,
          fill: 'transparent',
          'pointer-events': 'all',
        }),
      );
      g.appendChild(
        svgEl('circle', {
          class: 'svg-mark',
          cx: xy[0],
          cy: xy[1],
          r,
          fill: color,
          stroke: '#ffffff',
          'stroke-width': 1.5,
          'pointer-events': 'none',
        }),
      );
      points.appendChild(g);
      if (p.kind !== 'oil-field' && place(xy[0], xy[1] + r + 2, name, p.kind === 'port' ? 12 : 11, 'top')) {
        pointLabels.push(
          textEl(name, {
            class: 'svg-point-label',
            'data-feature-id': p.id,
            x: xy[0],
            y: xy[1] + r + 2,
            dy: '0.8em',
            'font-size': p.kind === 'port' ? 12 : 11,
            fill: theme.label,
            stroke: theme.labelHalo,
            'stroke-width': 3,
            'stroke-linejoin': 'round',
            'paint-order': 'stroke',
            'text-anchor': 'middle',
          }),
        );
      }
    }
  }
  labels.append(...pointLabels);
  svg.append(lines, points, labels);
  if (input.note === true)
    svg.appendChild(
      textEl(t.note, {
        class: 'svg-note',
        x: width - 8,
        y: height - 8,
        'text-anchor': 'end',
        'font-size': 11,
        fill: theme.label,
        opacity: 0.7,
      }),
    );
  applyEmphasis(svg, state.emphasised);
  return svg;
}

/**
 * Selection without a redraw: the emphasised features strong, every other one dimmed (as feature-state does).
 * Written as attributes, not only classes, so an exported SVG looks the same without the page's CSS.
 */
export function applyEmphasis(svg: SVGSVGElement, ids: readonly FeatureId[]): void {
  const any = ids.length > 0;
  for (const g of svg.querySelectorAll<SVGGElement>('.svg-feature')) {
    const on = ids.includes(g.dataset.featureId ?? '');
    const dim = any && !on;
    g.classList.toggle('is-selected', on);
    g.classList.toggle('is-dim', dim);
    g.setAttribute('opacity', dim || g.classList.contains('is-filtered') ? String(DIM_OPACITY) : '1');
    g.querySelector('.svg-halo')?.setAttribute('stroke-opacity', on ? '0.35' : '0');
    const mark = g.querySelector('.svg-mark');
    if (mark instanceof SVGPathElement) mark.setAttribute('stroke-width', String(on ? 4 : LINE_WIDTH));
    if (mark instanceof SVGCircleElement) mark.setAttribute('stroke-width', on ? '3' : '1.5');
  }
  for (const t of svg.querySelectorAll<SVGTextElement>('.svg-point-label')) {
    const dim = any && !ids.includes(t.dataset.featureId ?? '');
    t.classList.toggle('is-dim', dim);
    t.setAttribute('opacity', dim ? '0.35' : '1');
  }
}

export interface SvgMapHandle {
  element: HTMLElement;
  svg(): SVGSVGElement;
  destroy(): void;
}

const stateOf = (s: AppState, catalog: Catalog): SvgMapState => ({
  lang: s.lang,
  hiddenKinds: s.hiddenKinds,
  hiddenGroups: s.hiddenGroups,
  asOf: s.asOf,
  filterMode: s.filterMode,
  emphasised: emphasised(s, catalog),
});

/** Did anything change that needs a redraw rather than new classes? */
const redraw = (s: AppState, p: AppState) =>
  s.lang !== p.lang ||
  s.hiddenKinds !== p.hiddenKinds ||
  s.hiddenGroups !== p.hiddenGroups ||
  s.asOf !== p.asOf ||
  s.filterMode !== p.filterMode;

/**
 * Mounts the SVG map in `container` and keeps it in step with the store: the same store actions as the MapLibre
 * click router (select with origin 'map', the chooser where several features lie under one click).
 */
export function mountSvgMap(
  container: HTMLElement,
  store: Store,
  catalog: Catalog,
  basemap: BasemapData,
  opts: { theme?: Theme | undefined } = {},
): SvgMapHandle {
  const wrap = document.createElement('div');
  wrap.className = 'svg-map';
  container.appendChild(wrap);
  let size = { width: 0, height: 0 };
  let svg: SVGSVGElement = svgEl('svg');
  let prev: AppState = store.getState();
  let prevEmph = '';

  const draw = (s: AppState) => {
    const r = wrap.getBoundingClientRect();
    size = { width: Math.round(r.width) || 800, height: Math.round(r.height) || 500 };
    const focusedId = wrap.contains(document.activeElement)
      ? (document.activeElement as SVGElement | HTMLElement).dataset.featureId
      : undefined;
    const state = stateOf(s, catalog);
    svg = renderSvgMap({
      features: catalog.features,
      basemap,
      ...size,
      state,
      theme: opts.theme ?? LIGHT,
      note: true,
    });
    wrap.replaceChildren(svg);
    prevEmph = state.emphasised.join();
    if (focusedId !== undefined)
      svg.querySelector<SVGGElement>(`.svg-feature[data-feature-id="${CSS.escape(focusedId)}"]`)?.focus();
  };

  const idsAt = (x: number, y: number): FeatureId[] => {
    const ids: FeatureId[] = [];
    for (const node of document.elementsFromPoint(x, y)) {
      const g = node.closest<SVGGElement>('.svg-feature');
      const id = g?.dataset.featureId;
      if (id !== undefined && wrap.contains(g) && !ids.includes(id)) ids.push(id);
    }
    return ids;
  };

  const onClick = (e: MouseEvent) => {
    const { select, openChooser, chooser } = store.getState();
    // A keyboard "click" on a focused feature has no pointer position: it selects that feature.
    const target = (e.target as Element | null)?.closest<SVGGElement>('.svg-feature');
    const ids = e.detail === 0 && target ? [target.dataset.featureId ?? ''] : idsAt(e.clientX, e.clientY);
    const [first] = ids;
    if (first === undefined) {
      if (chooser !== null) openChooser(null);
      else select(null, 'map');
    } else if (ids.length === 1) select(first, 'map');
    else {
      const box = container.getBoundingClientRect();
      openChooser({
        ids,
        point: { x: Math.round(e.clientX - box.left), y: Math.round(e.clientY - box.top) },
      });
    }
  };
  const onKey = (e: KeyboardEvent) => {
    if (e.key !== 'Enter' && e.key !== ' ') return;
    const id = (e.target as Element | null)?.closest<SVGGElement>('.svg-feature')?.dataset.featureId;
    if (id === undefined) return;
    e.preventDefault();
    store.getState().select(id, 'map');
  };
  wrap.addEventListener('click', onClick);
  wrap.addEventListener('keydown', onKey);

  let frame = 0;
  const resize = new ResizeObserver(() => {
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(() => {
      const r = wrap.getBoundingClientRect();
      if (Math.abs(r.width - size.width) > 2 || Math.abs(r.height - size.height) > 2) draw(store.getState());
    });
  });
  resize.observe(wrap);

  draw(prev);
  const unsubscribe = store.subscribe((s) => {
    if (redraw(s, prev)) draw(s);
    else {
      const emph = emphasised(s, catalog);
      if (emph.join() !== prevEmph) {
        applyEmphasis(svg, emph);
        prevEmph = emph.join();
      }
    }
    prev = s;
  });

  return {
    element: wrap,
    svg: () => svg,
    destroy() {
      unsubscribe();
      resize.disconnect();
      cancelAnimationFrame(frame);
      wrap.removeEventListener('click', onClick);
      wrap.removeEventListener('keydown', onKey);
      wrap.remove();
    },
  };
}
