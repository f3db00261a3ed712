// The frame around an exported map — title band, legend, source line — as a list of primitives in output pixels,
// drawn by two small renderers: SVG elements (the SVG export, the handout) and a 2D canvas (the PNG export). One
// layout for both, so a slide made from the PNG and one made from the SVG look the same.
import type { ExportContext } from './export-context.ts';

export type Prim =
  | { t: 'rect'; x: number; y: number; w: number; h: number; fill: string; opacity?: number; stroke?: string }
  | {
      t: 'text';
      x: number;
      y: number;
      text: string;
      size: number;
      fill: string;
      bold?: boolean;
      cls: string;
    }
  | {
      t: 'line';
      x1: number;
      y1: number;
      x2: number;
      y2: number;
      stroke: string;
      width: number;
      dash: number[] | null;
      opacity?: number;
    }
  | { t: 'circle'; cx: number; cy: number; r: number; fill: string; stroke: string; strokeWidth: number };

export interface OverlayParts {
  title: boolean;
  legend: boolean;
  source: boolean;
}

const FONT = 'system-ui, "Noto Sans", "Segoe UI", Roboto, sans-serif';
export const OVERLAY_FONT = FONT;

/** Text width, estimated: the exports must not wait for fonts, and a little slack is harmless. */
const textWidth = (s: string, size: number, bold = false) => s.length * size * (bold ? 0.6 : 0.55);

/** Cut a line to fit `width`, with an ellipsis. */
function clip(s: string, size: number, width: number): string {
  const max = Math.floor(width / (size * 0.55));
  return s.length <= max ? s : `${s.slice(0, Math.max(0, max - 1))}…`;
}

/**
 * Layout for a frame of `width`×`height` output px (1920×1080 for the PNG and SVG exports). Sizes are given for
 * 1920 px and multiplied by `u`, by default the frame's width over 1920.
 */
export function overlay(
  c: ExportContext,
  width: number,
  height: number,
  parts: OverlayParts,
  u = width / 1920,
): Prim[] {
  const out: Prim[] = [];
  const sourceH = 44 * u;
  if (parts.title && (c.title !== '' || c.subtitle !== '')) {
    const h = (c.subtitle === '' ? 64 : 112) * u;
    out.push({ t: 'rect', x: 0, y: 0, w: width, h, fill: '#ffffff', opacity: 0.94 });
    out.push({ t: 'line', x1: 0, y1: h, x2: width, y2: h, stroke: '#000000', width: 2 * u, dash: null });
    out.push({
      t: 'text',
      x: 36 * u,
      y: (c.subtitle === '' ? 44 : 40) * u,
      text: clip(c.title, 24 * u, width - 72 * u),
      size: 24 * u,
      fill: '#333333',
      cls: 'export-title',
    });
    if (c.subtitle !== '')
      out.push({
        t: 'text',
        x: 36 * u,
        y: 92 * u,
        text: clip(c.subtitle, 42 * u, width - 72 * u),
        size: 42 * u,
        fill: '#000000',
        bold: true,
        cls: 'export-subtitle',
      });
  }
  if (parts.legend && (c.kinds.length > 0 || c.statuses.length > 0)) {
    const size = 18 * u;
    const row = 30 * u;
    const pad = 16 * u;
    const sample = 44 * u;
    const labels = [...c.kinds.map((k) => k.label), ...c.statuses.map((s) => s.label)];
    const w = Math.max(
      textWidth(c.legendHeading, size, true),
      ...labels.map((l) => sample + 12 * u + textWidth(l, size)),
    );
    const rows = c.kinds.length + c.statuses.length;
    const h = pad * 2 + row * (rows + 1) + (c.statuses.length > 0 ? 8 * u : 0);
    const x = 24 * u;
    const y = height - (parts.source ? sourceH : 0) - 24 * u - h;
    out.push({ t: 'rect', x, y, w: w + pad * 2, h, fill: '#ffffff', opacity: 0.94, stroke: '#000000' });
    let cy = y + pad + row * 0.7;
    out.push({
      t: 'text',
      x: x + pad,
      y: cy,
      text: c.legendHeading,
      size,
      fill: '#000000',
      bold: true,
      cls: 'export-legend-heading',
    });
    const mid = (yy: number) => yy - size * 0.35;
    for (const k of c.kinds) {
      cy += row;
      if (k.line)
        out.push({
          t: 'line',
          x1: x + pad,
          y1: mid(cy),
          x2: x + pad + sample,
          y2: mid(cy),
          stroke: k.color,
          width: 5 * u,
          dash: null,
        });
      else
        out.push({
          t: 'circle',
          cx: x + pad + sample / 2,
          cy: mid(cy),
          r: 8 * u,
          fill: k.color,
          stroke: '#ffffff',
          strokeWidth: 2 * u,
        });
      out.push({
        t: 'text',
        x: x + pad + sample + 12 * u,
        y: cy,
        text: k.label,
        size,
        fill: '#000000',
        cls: 'export-legend-kind',
      });
    }
    if (c.statuses.length > 0) cy += 8 * u;
    for (const s of c.statuses) {
      cy += row;
      const lw = 4 * u;
      out.push({
        t: 'line',
        x1: x + pad,
        y1: mid(cy),
        x2: x + pad + sample,
        y2: mid(cy),
        stroke: '#333333',
        width: lw,
        dash: s.dash === null ? null : s.dash.map((d) => d * lw),
      });
      out.push({
        t: 'text',
        x: x + pad + sample + 12 * u,
        y: cy,
        text: s.label,
        size,
        fill: '#000000',
        cls: 'export-legend-status',
      });
    }
  }
  if (parts.source) {
    out.push({ t: 'rect', x: 0, y: height - sourceH, w: width, h: sourceH, fill: '#ffffff', opacity: 0.94 });
    out.push({
      t: 'text',
      x: 36 * u,
      y: height - 15 * u,
      text: clip(c.sourceLine, 17 * u, width - 72 * u),
      size: 17 * u,
      fill: '#000000',
      cls: 'export-source',
    });
  }
  return out;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

export function overlayToSvg(prims: readonly Prim[]): SVGGElement {
  const g = document.createElementNS(SVG_NS, 'g');
  g.setAttribute('class', 'export-frame');
  g.setAttribute('font-family', FONT);
  const add = (tag: string, attrs: Record<string, string | number | undefined>, text?: string) => {
    const node = document.createElementNS(SVG_NS, tag);
    for (const [k, v] of Object.entries(attrs)) if (v !== undefined) node.setAttribute(k, String(v));
    if (text !== undefined) node.textContent = text;
    g.appendChild(node);
  };
  const r = (n: number) => Math.round(n * 100) / 100;
  for (const p of prims) {
    if (p.t === 'rect')
      add('rect', {
        x: r(p.x),
        y: r(p.y),
        width: r(p.w),
        height: r(p.h),
        fill: p.fill,
        'fill-opacity': p.opacity,
        stroke: p.stroke,
      });
    else if (p.t === 'text')
      add(
        'text',
        {
          class: p.cls,
          x: r(p.x),
          y: r(p.y),
          'font-size': r(p.size),
          'font-weight': p.bold ? 700 : undefined,
          fill: p.fill,
        },
        p.text,
      );
    else if (p.t === 'line')
      add('line', {
        x1: r(p.x1),
        y1: r(p.y1),
        x2: r(p.x2),
        y2: r(p.y2),
        stroke: p.stroke,
        'stroke-width': r(p.width),
        'stroke-dasharray': p.dash?.map(r).join(' '),
        'stroke-opacity': p.opacity,
      });
    else
      add('circle', {
        cx: r(p.cx),
        cy: r(p.cy),
        r: r(p.r),
        fill: p.fill,
        stroke: p.stroke,
        'stroke-width': r(p.strokeWidth),
      });
  }
  return g;
}

export function overlayToCanvas(ctx: CanvasRenderingContext2D, prims: readonly Prim[]): void {
  for (const p of prims) {
    ctx.save();
    if (p.t === 'rect') {
      ctx.globalAlpha = p.opacity ?? 1;
      ctx.fillStyle = p.fill;
      ctx.fillRect(p.x, p.y, p.w, p.h);
      if (p.stroke !== undefined) {
        ctx.globalAlpha = 1;
        ctx.strokeStyle = p.stroke;
        ctx.strokeRect(p.x, p.y, p.w, p.h);
      }
    } else if (p.t === 'text') {
      ctx.fillStyle = p.fill;
      ctx.font = `${p.bold ? '700 ' : ''}${p.size}px ${FONT}`;
      ctx.textBaseline = 'alphabetic';
      ctx.fillText(p.text, p.x, p.y);
    } else if (p.t === 'line') {
      ctx.globalAlpha = p.opacity ?? 1;
      ctx.strokeStyle = p.stroke;
      ctx.lineWidth = p.width;
      ctx.setLineDash(p.dash ?? []);
      ctx.beginPath();
      ctx.moveTo(p.x1, p.y1);
      ctx.lineTo(p.x2, p.y2);
      ctx.stroke();
    } else {
      ctx.fillStyle = p.fill;
      ctx.strokeStyle = p.stroke;
      ctx.lineWidth = p.strokeWidth;
      ctx.beginPath();
      ctx.arc(p.cx, p.cy, p.r, 0, Math.PI * 2);
      ctx.fill();
      ctx.stroke();
    }
    ctx.restore();
  }
}
