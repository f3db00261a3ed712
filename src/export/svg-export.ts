// A view as a standalone vector SVG for slide decks: the SVG map's own renderer (src/map/svg-map.ts, d3-geo:
// basemap, features, labels) cropped to the view, with the styles its stylesheet gives inlined as attributes (a
// slide tool reads no CSS), the interactive parts dropped, and the title, legend and source line on top.
//
// renderSvgMap always fits the whole region into the size it is given. To show a smaller view at the right scale,
// the map is drawn larger, so that the view comes out at the output size, and the SVG's viewBox is set to the
// view. Where the view falls in that drawing is measured from the drawing itself (the circles of two point
// features, whose coordinates we know), so this module depends on renderSvgMap's output, not on its padding.
import { geoMercator } from 'd3-geo';
import type { Catalog } from '../data/catalog.ts';
import type { FeatureId, Lang } from '../domain/feature.ts';
import type { BasemapData, MapFilters } from '../map/style.ts';
import { renderSvgMap } from '../map/svg-map.ts';
import type { ExportContext } from './export-context.ts';
import { type OverlayParts, overlay, overlayToSvg } from './overlay.ts';

const SVG_NS = 'http://www.w3.org/2000/svg';

/** [[west, south], [east, north]] */
export type LonLatBounds = [[number, number], [number, number]];

export interface SvgExportOptions {
  catalog: Catalog;
  basemap: BasemapData;
  lang: Lang;
  filters: MapFilters;
  emphasised: readonly FeatureId[];
  /** the area to show (it is widened to the output's aspect); null: the whole region */
  view: LonLatBounds | null;
  /** output size in px */
  width: number;
  height: number;
  context: ExportContext;
  parts: OverlayParts;
  /** the frame's scale (see overlay); by default it grows with the width */
  frameScale?: number;
  /** output px the view keeps clear of at each edge (the frame's bands); 24 px by default */
  padding?: Padding;
}

const EMPTY_FC = { type: 'FeatureCollection' as const, features: [] };
const EMPTY_BASEMAP: BasemapData = {
  land: EMPTY_FC,
  lakes: EMPTY_FC,
  rivers: EMPTY_FC,
  borders: EMPTY_FC,
  countryLabels: EMPTY_FC,
  waterLabels: EMPTY_FC,
};
const NO_FILTERS: MapFilters = { hiddenKinds: [], hiddenGroups: [], asOf: null, filterMode: 'hide' };

/** Mercator at scale 1: a fitted Mercator is this times k, plus a translation. */
const unitMercator = geoMercator().scale(1).translate([0, 0]);

interface Fit {
  k: number;
  tx: number;
  ty: number;
}

/** How renderSvgMap at this size projects: drawn cheaply (points only, no basemap) and measured. */
function measure(catalog: Catalog, width: number, height: number): Fit | null {
  const points = catalog.features.filter((f) => f.geometry?.type === 'Point');
  const svg = renderSvgMap({
    features: points,
    basemap: EMPTY_BASEMAP,
    width,
    height,
    state: { lang: 'en', emphasised: [], ...NO_FILTERS },
  });
  const samples: { m: [number, number]; p: [number, number] }[] = [];
  for (const c of svg.querySelectorAll('circle.svg-mark')) {
    const id = c.closest('[data-feature-id]')?.getAttribute('data-feature-id');
    const g = id == null ? undefined : catalog.feature(id)?.geometry;
    if (g?.type !== 'Point') continue;
    const [lon, lat] = g.coordinates;
    const m = lon === undefined || lat === undefined ? null : unitMercator([lon, lat]);
    const cx = Number(c.getAttribute('cx'));
    const cy = Number(c.getAttribute('cy'));
    if (m && Number.isFinite(cx) && Number.isFinite(cy)) samples.push({ m, p: [cx, cy] });
  }
  // The two samples furthest apart east–west give the scale with the least rounding error.
  let best: [(typeof samples)[number], (typeof samples)[number]] | null = null;
  for (const a of samples)
    for (const b of samples)
      if (best === null || Math.abs(b.m[0] - a.m[0]) > Math.abs(best[1].m[0] - best[0].m[0])) best = [a, b];
  if (best === null || Math.abs(best[1].m[0] - best[0].m[0]) < 1e-3) return null;
  const [a, b] = best;
  const k = (b.p[0] - a.p[0]) / (b.m[0] - a.m[0]);
  return { k, tx: a.p[0] - k * a.m[0], ty: a.p[1] - k * a.m[1] };
}

export interface Padding {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/**
 * The part of a drawing (in its px) to show so that the view fills the output less the padding (output px), as
 * MapLibre's fitBounds does: the view is widened to the inner area's aspect around its centre.
 */
function cropBox(
  fit: Fit,
  view: LonLatBounds,
  out: { width: number; height: number },
  pad: Padding,
): { x: number; y: number; w: number; h: number } {
  const at = (lon: number, lat: number) => {
    const m = unitMercator([lon, lat]) ?? [0, 0];
    return [fit.k * m[0] + fit.tx, fit.k * m[1] + fit.ty] as const;
  };
  const [x0, y0] = at(view[0][0], view[1][1]);
  const [x1, y1] = at(view[1][0], view[0][1]);
  const innerW = Math.max(1, out.width - pad.left - pad.right);
  const innerH = Math.max(1, out.height - pad.top - pad.bottom);
  // drawing px per output px
  const s = Math.max(Math.max(1e-6, x1 - x0) / innerW, Math.max(1e-6, y1 - y0) / innerH);
  return {
    x: (x0 + x1) / 2 - (pad.left + innerW / 2) * s,
    y: (y0 + y1) / 2 - (pad.top + innerH / 2) * s,
    w: out.width * s,
    h: out.height * s,
  };
}

/** Presentation properties the SVG map sets through its stylesheet, and their initial values. */
const STYLE_PROPS: Record<string, string> = {
  fill: 'rgb(0, 0, 0)',
  'fill-opacity': '1',
  stroke: 'none',
  'stroke-width': '1px',
  'stroke-opacity': '1',
  'stroke-dasharray': 'none',
  'stroke-linecap': 'butt',
  'stroke-linejoin': 'miter',
  opacity: '1',
  'paint-order': 'normal',
  'letter-spacing': 'normal',
};

/** Copies what the stylesheet gives each classed element into attributes, so the file stands alone. */
function inlineStyles(svg: SVGSVGElement): void {
  const host = document.createElement('div');
  host.setAttribute('aria-hidden', 'true');
  host.style.cssText = 'position:fixed;left:0;top:0;width:0;height:0;overflow:hidden;visibility:hidden';
  host.appendChild(svg);
  document.body.appendChild(host);
  try {
    for (const node of svg.querySelectorAll<SVGElement>('[class]')) {
      const cs = getComputedStyle(node);
      for (const [prop, initial] of Object.entries(STYLE_PROPS)) {
        if (node.hasAttribute(prop)) continue;
        const v = cs.getPropertyValue(prop);
        const parent = node.parentElement
          ? getComputedStyle(node.parentElement).getPropertyValue(prop)
          : initial;
        // Inherited values already set on an ancestor need not be repeated.
        if (v !== '' && v !== initial && !(prop !== 'opacity' && v === parent)) node.setAttribute(prop, v);
      }
    }
  } finally {
    host.remove();
  }
}

/** The view as an <svg> element (not attached to the document). */
export function renderSvgExport(o: SvgExportOptions): SVGSVGElement {
  const { width, height } = o;
  let size = { width, height };
  let box = { x: 0, y: 0, w: width, h: height };
  const first = o.view === null ? null : measure(o.catalog, width, height);
  if (o.view !== null && first !== null) {
    const out = { width, height };
    const pad = o.padding ?? { top: 24, right: 24, bottom: 24, left: 24 };
    const b0 = cropBox(first, o.view, out, pad);
    // Draw the region so much larger that the view comes out at the output size (within sane limits).
    const zoom = Math.min(64, Math.max(0.25, width / b0.w));
    size = { width: Math.round(width * zoom), height: Math.round(height * zoom) };
    const fit = Math.abs(zoom - 1) < 0.01 ? first : measure(o.catalog, size.width, size.height);
    box = fit === null ? { x: 0, y: 0, w: size.width, h: size.height } : cropBox(fit, o.view, out, pad);
  }
  const svg = renderSvgMap({
    features: o.catalog.features,
    basemap: o.basemap,
    ...size,
    state: { lang: o.lang, emphasised: o.emphasised, ...o.filters },
  });
  // Interactive parts mean nothing in a file.
  for (const n of svg.querySelectorAll('.svg-hit, .svg-note')) n.remove();
  for (const n of svg.querySelectorAll('[tabindex], [role]')) {
    n.removeAttribute('tabindex');
    if (n !== svg) n.removeAttribute('role');
  }
  inlineStyles(svg);
  svg.setAttribute('xmlns', SVG_NS);
  svg.setAttribute('class', 'export-svg');
  svg.setAttribute('width', String(width));
  svg.setAttribute('height', String(height));
  const r = (n: number) => Math.round(n * 10) / 10;
  svg.setAttribute('viewBox', `${r(box.x)} ${r(box.y)} ${r(box.w)} ${r(box.h)}`);
  svg.setAttribute('preserveAspectRatio', 'xMidYMid slice');
  const frame = overlayToSvg(overlay(o.context, width, height, o.parts, o.frameScale ?? width / 1920));
  frame.setAttribute('transform', `translate(${r(box.x)} ${r(box.y)}) scale(${box.w / width})`);
  svg.appendChild(frame);
  const title = svg.querySelector(':scope > title');
  if (title !== null) {
    title.textContent = [o.context.title, o.context.subtitle].filter((x) => x !== '').join(': ');
  }
  return svg;
}

export function svgToString(svg: SVGSVGElement): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(svg)}\n`;
}
