// The static picture an embed shows before its map loads (and again when it gives its WebGL context back): the
// basemap and the drawn features as one small SVG, made at build time from the same data the map draws
// (src/embed/build-plugin.ts). Pure: strings in, a string out, no DOM, so it runs in Node inside the build.
// No text in it (the browser's fonts are unknown); the loader gives the <img> its alt text.

import { geoMercator } from 'd3-geo';
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import type { BuiltProperties } from '../domain/app-data.ts';
import { REGION } from '../domain/region.ts';
import { STATUS_GROUP, statusAt } from '../domain/status-at.ts';
import { KIND_COLOR, LINE_KINDS, STATUS_DASH, type Theme } from '../map/palette.ts';
import type { BasemapData } from '../map/style.ts';

export interface PlaceholderInput {
  basemap: Pick<BasemapData, 'land' | 'lakes' | 'rivers' | 'borders'>;
  features: readonly Feature<Geometry | null, BuiltProperties>[];
  theme: Theme;
  /** accessible name inside the SVG */
  title: string;
  width?: number;
  height?: number;
}

/** The view the map opens on (REGION_BOUNDS in create-map.ts, restated here so the build needs no MapLibre). */
const VIEW: [[number, number], [number, number]] = [
  [REGION.west + 1, REGION.south + 1.5],
  [REGION.east - 1, REGION.north - 3],
];
/** Points closer than this (px) to the last one kept are dropped: the file stays small, the picture the same. */
const MIN_STEP = 1.5;
/** How far outside the picture geometry is kept, px: clipped edges stay out of sight. */
const MARGIN = 4;
const LINE_WIDTH = 2;

const esc = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

type XY = [number, number];
type Project = (p: Position) => XY | null;
interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

function rings(g: Geometry): Position[][] {
  switch (g.type) {
    case 'LineString':
      return [g.coordinates];
    case 'MultiLineString':
    case 'Polygon':
      return g.coordinates;
    case 'MultiPolygon':
      return g.coordinates.flat();
    case 'GeometryCollection':
      return g.geometries.flatMap(rings);
    default:
      return [];
  }
}

/** Sutherland–Hodgman against the picture's box: a filled ring keeps its shape inside, drops what is outside. */
function clipRing(ring: XY[], b: Box): XY[] {
  const edges: [(p: XY) => boolean, (a: XY, c: XY) => XY][] = [
    [(p) => p[0] >= b.x0, (a, c) => [b.x0, a[1] + ((c[1] - a[1]) * (b.x0 - a[0])) / (c[0] - a[0])]],
    [(p) => p[0] <= b.x1, (a, c) => [b.x1, a[1] + ((c[1] - a[1]) * (b.x1 - a[0])) / (c[0] - a[0])]],
    [(p) => p[1] >= b.y0, (a, c) => [a[0] + ((c[0] - a[0]) * (b.y0 - a[1])) / (c[1] - a[1]), b.y0]],
    [(p) => p[1] <= b.y1, (a, c) => [a[0] + ((c[0] - a[0]) * (b.y1 - a[1])) / (c[1] - a[1]), b.y1]],
  ];
  let out = ring;
  for (const [isIn, cross] of edges) {
    const input = out;
    out = [];
    input.forEach((c, i) => {
      const a = input[(i + input.length - 1) % input.length] as XY;
      if (isIn(c)) {
        if (!isIn(a)) out.push(cross(a, c));
        out.push(c);
      } else if (isIn(a)) out.push(cross(a, c));
    });
  }
  return out;
}

/** Liang–Barsky: the part of segment a–b inside the box (a and b themselves where they are inside), or null. */
function clipSegment(a: XY, b: XY, box: Box): [XY, XY] | null {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  let t0 = 0;
  let t1 = 1;
  for (const [p, q] of [
    [-dx, a[0] - box.x0],
    [dx, box.x1 - a[0]],
    [-dy, a[1] - box.y0],
    [dy, box.y1 - a[1]],
  ] as const) {
    if (p === 0) {
      if (q < 0) return null;
      continue;
    }
    const t = q / p;
    if (p < 0) t0 = Math.max(t0, t);
    else t1 = Math.min(t1, t);
    if (t0 > t1) return null;
  }
  const at = (t: number): XY => [a[0] + t * dx, a[1] + t * dy];
  return [t0 === 0 ? a : at(t0), t1 === 1 ? b : at(t1)];
}

/** A line cut where it leaves the picture, each part ending on the picture's edge. */
function clipLine(line: XY[], box: Box): XY[][] {
  const parts: XY[][] = [];
  let cur: XY[] = [];
  for (let i = 0; i + 1 < line.length; i++) {
    const a = line[i] as XY;
    const b = line[i + 1] as XY;
    const seg = clipSegment(a, b, box);
    if (seg === null) continue;
    if (seg[0] !== a || cur.length === 0) {
      if (cur.length > 0) parts.push(cur);
      cur = [seg[0]];
    }
    cur.push(seg[1]);
    if (seg[1] !== b) {
      parts.push(cur);
      cur = [];
    }
  }
  if (cur.length > 0) parts.push(cur);
  return parts;
}

/** Relative path commands in whole pixels, thinned to MIN_STEP. */
function pathOf(points: XY[], close: boolean): string {
  let d = '';
  let last: XY | null = null;
  let n = 0;
  points.forEach((p, i) => {
    const q: XY = [Math.round(p[0]), Math.round(p[1])];
    const end = i === points.length - 1 && !close;
    if (last !== null && !end && Math.hypot(q[0] - last[0], q[1] - last[1]) < MIN_STEP) return;
    if (last !== null && q[0] === last[0] && q[1] === last[1]) return;
    d += last === null ? `M${q[0]} ${q[1]}` : `l${q[0] - last[0]} ${q[1] - last[1]}`;
    last = q;
    n++;
  });
  if (n < 2) return '';
  return close ? `${d}z` : d;
}

function pathData(geoms: readonly Geometry[], project: Project, close: boolean, box: Box): string {
  let d = '';
  for (const g of geoms) {
    for (const ring of rings(g)) {
      const xy = ring.flatMap((pos) => {
        const p = project(pos);
        return p === null ? [] : [p];
      });
      if (close) d += pathOf(clipRing(xy, box), true);
      else for (const part of clipLine(xy, box)) d += pathOf(part, false);
    }
  }
  return d.replace(/ -/g, '-');
}

const geometries = (fc: FeatureCollection): Geometry[] =>
  fc.features.flatMap((f) => (f.geometry === null ? [] : [f.geometry]));

export function placeholderSvg(o: PlaceholderInput): string {
  const width = o.width ?? 800;
  const height = o.height ?? 500;
  const projection = geoMercator().fitExtent(
    [
      [16, 16],
      [width - 16, height - 16],
    ],
    {
      type: 'MultiPoint',
      coordinates: [VIEW[0], VIEW[1], [VIEW[0][0], VIEW[1][1]], [VIEW[1][0], VIEW[0][1]]],
    },
  );
  const project: Project = (p) => {
    const [lon, lat] = p;
    return lon === undefined || lat === undefined ? null : projection([lon, lat]);
  };
  const box: Box = { x0: -MARGIN, y0: -MARGIN, x1: width + MARGIN, y1: height + MARGIN };
  const t = o.theme;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${esc(o.title)}">`,
    `<title>${esc(o.title)}</title>`,
    `<rect width="${width}" height="${height}" fill="${t.water}"/>`,
    `<path d="${pathData(geometries(o.basemap.land), project, true, box)}" fill="${t.land}"/>`,
    `<path d="${pathData(geometries(o.basemap.lakes), project, true, box)}" fill="${t.lake}"/>`,
    `<path d="${pathData(geometries(o.basemap.rivers), project, false, box)}" fill="none" stroke="${t.river}" stroke-width="0.8"/>`,
    `<path d="${pathData(geometries(o.basemap.borders), project, false, box)}" fill="none" stroke="${t.border}" stroke-dasharray="3 2"/>`,
  ];
  const lines: string[] = [];
  const points: string[] = [];
  for (const f of o.features) {
    const p = f.properties;
    if (p.kind === 'corridor' || f.geometry === null) continue;
    const status = statusAt(p, null);
    if (status === null) continue;
    const color = KIND_COLOR[p.kind];
    if (LINE_KINDS.includes(p.kind)) {
      const d = pathData([f.geometry], project, false, box);
      const dash = STATUS_DASH[STATUS_GROUP[status]];
      if (d !== '')
        lines.push(
          `<path d="${d}" stroke="${color}"${dash === null ? '' : ` stroke-dasharray="${dash.map((x) => x * LINE_WIDTH).join(' ')}"`}/>`,
        );
    } else if (f.geometry.type === 'Point') {
      const xy = project(f.geometry.coordinates);
      const r = p.kind === 'port' || p.kind === 'oil-field' ? 5 : 3.5;
      if (xy !== null)
        points.push(`<circle cx="${Math.round(xy[0])}" cy="${Math.round(xy[1])}" r="${r}" fill="${color}"/>`);
    }
  }
  out.push(
    `<g fill="none" stroke-width="${LINE_WIDTH}" stroke-linejoin="round">${lines.join('')}</g>`,
    `<g stroke="#ffffff" stroke-width="1.5">${points.join('')}</g>`,
    '</svg>',
  );
  return `${out.join('\n')}\n`;
}
