// One metric over time: each actual figure is a segment spanning its period (one mark per source), targets are
// dashed reference lines, and figures of a discrepancy are drawn in the disagreement colour and joined.

import { axisBottom, axisLeft } from 'd3-axis';
import { scaleLinear, scaleUtc } from 'd3-scale';
import { select } from 'd3-selection';
import { type Catalog, type FigureRef, figureKey } from '../data/catalog.ts';
import type { Lang } from '../domain/feature.ts';
import type { Period } from '../domain/joined.ts';
import { formatFigure, formatPeriod, formatValue } from '../i18n/figures.ts';
import { outletName } from '../i18n/strings.ts';
import { CHART_TEXT_PX } from './chart-width.ts';
import { textWidth } from './fit-label.ts';
import { asButton, chartFrame } from './svg.ts';

export interface TimelineChartOptions {
  catalog: Catalog;
  lang: Lang;
  /** in CSS px: one unit of the chart per pixel (chart-width.ts) */
  width: number;
  refs: readonly FigureRef[];
  title: string;
  description: string;
  onOpen(ref: FigureRef): void;
}

const M = { top: 16, right: 150, bottom: 28, left: 64 };
/** the dots' radius */
const DOT_R = 5;

function monthStart(s: string): Date {
  const [y = 1970, m = 1] = s.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, 1));
}
function monthEnd(s: string): Date {
  const [y = 1970, m] = s.split('-').map(Number);
  return m === undefined ? new Date(Date.UTC(y + 1, 0, 1)) : new Date(Date.UTC(y, m, 1));
}

/** A figure without a period is placed at its article's month: "now", as the article saw it. */
function span(ref: FigureRef, catalog: Catalog): { from: Date; to: Date; assumed: boolean } {
  const p: Period | null = ref.figure.period;
  if (p !== null) return { from: monthStart(p.from), to: monthEnd(p.to), assumed: false };
  const month = (catalog.article(ref.mention.articleId)?.date ?? '1970-01').slice(0, 7);
  return { from: monthStart(month), to: monthEnd(month), assumed: true };
}

export function timelineChart(o: TimelineChartOptions): SVGSVGElement {
  const width = o.width;
  const height = 300;
  const frame = chartFrame(width, height, o.title, o.description);
  const svg = select(frame.svg);
  const actual = o.refs.filter((r) => r.figure.kind !== 'target');
  const targets = o.refs.filter((r) => r.figure.kind === 'target');
  const spans = actual.map((r) => ({ ref: r, ...span(r, o.catalog) }));
  const times = spans.flatMap((s) => [s.from, s.to]);
  const lo = new Date(Math.min(...times.map(Number)));
  const hi = new Date(Math.max(...times.map(Number)));
  const x = scaleUtc()
    .domain([lo, hi])
    .range([M.left, width - M.right])
    .nice();
  const maxValue = Math.max(...o.refs.map((r) => r.figure.value), 1);
  const y = scaleLinear()
    .domain([0, maxValue * 1.1])
    .range([height - M.bottom, M.top])
    .nice();
  const unit = o.refs[0]?.figure.unit ?? 'USD';

  svg
    .append('g')
    .attr('class', 'axis')
    .attr('transform', `translate(0,${height - M.bottom})`)
    .call(axisBottom(x).ticks(Math.max(2, Math.floor((width - M.left - M.right) / 90))));
  svg
    .append('g')
    .attr('class', 'axis')
    .attr('transform', `translate(${M.left},0)`)
    .call(
      axisLeft(y)
        .ticks(5)
        .tickFormat((v) => formatValue(Number(v), unit, o.lang)),
    );

  for (const t of targets) {
    const g = svg.append('g').attr('class', 'mark target').attr('data-mention-id', t.mention.id);
    g.append('line')
      .attr('x1', M.left)
      .attr('x2', width - M.right)
      .attr('y1', y(t.figure.value))
      .attr('y2', y(t.figure.value));
    g.append('text')
      .attr('x', width - M.right + 6)
      .attr('y', y(t.figure.value) + 4)
      .text(`${o.lang === 'ru' ? 'цель' : 'target'} ${formatFigure(t.figure, o.lang)}`);
    const node = g.node();
    if (node)
      asButton(node, `${o.lang === 'ru' ? 'Цель' : 'Target'}: ${formatFigure(t.figure, o.lang)}`, () =>
        o.onOpen(t),
      );
  }

  const disputed = new Set(actual.filter((r) => o.catalog.discrepanciesOf(r).length > 0).map(figureKey));
  for (const d of o.catalog.data.joined.discrepancies) {
    const members = spans.filter(
      (s) => d.mentionIds.includes(s.ref.mention.id) && s.ref.figure.metric === d.metric,
    );
    if (members.length < 2) continue;
    const xs = members.map((s) => x(new Date((Number(s.from) + Number(s.to)) / 2)));
    const ys = members.map((s) => y(s.ref.figure.value));
    svg
      .append('path')
      .attr('class', 'disagree-link')
      .attr('d', members.map((_, i) => `${i === 0 ? 'M' : 'L'}${xs[i]},${ys[i]}`).join(''));
  }

  // Labels that would overlap another label or any mark's dot are pushed down, in order from the top of the chart
  // (a label over a dot would take that mark's clicks). A dot is kept as a label-sized box around its centre.
  const placed: { x1: number; x2: number; y: number }[] = spans.map((s) => {
    const cx = (x(s.from) + Math.max(x(s.to), x(s.from) + 4)) / 2;
    return { x1: cx - DOT_R - 1, x2: cx + DOT_R + 1, y: y(s.ref.figure.value) + 4 };
  });
  const labelY = (x: number, text: string, wanted: number): number => {
    const w = textWidth(text, CHART_TEXT_PX);
    let y = wanted;
    for (const p of [...placed].sort((a, b) => a.y - b.y)) {
      if (x < p.x2 && p.x1 < x + w && Math.abs(p.y - y) < 13) y = p.y + 13;
    }
    placed.push({ x1: x, x2: x + w, y });
    return y;
  };
  const byHeight = [...spans].sort((a, b) => b.ref.figure.value - a.ref.figure.value);
  for (const s of byHeight) {
    const key = figureKey(s.ref);
    const a = o.catalog.article(s.ref.mention.articleId);
    const outlet = outletName(a?.source, o.lang);
    const g = svg
      .append('g')
      .attr('class', `mark actual${disputed.has(key) ? ' disputed' : ''}${s.assumed ? ' assumed' : ''}`)
      .attr('data-mention-id', s.ref.mention.id);
    const yy = y(s.ref.figure.value);
    const x1 = x(s.from);
    const x2 = Math.max(x(s.to), x1 + 4);
    g.append('line').attr('x1', x1).attr('x2', x2).attr('y1', yy).attr('y2', yy);
    g.append('circle')
      .attr('cx', (x1 + x2) / 2)
      .attr('cy', yy)
      .attr('r', DOT_R);
    const label = `${formatFigure(s.ref.figure, o.lang)} · ${outlet}${disputed.has(key) ? ' ⚠' : ''}`;
    g.append('text')
      .attr('x', x2 + 6)
      .attr('y', labelY(x2 + 6, label, yy - 6))
      .text(label);
    const node = g.node();
    if (node) {
      asButton(
        node,
        `${formatFigure(s.ref.figure, o.lang)}, ${formatPeriod(s.ref.figure.period, o.lang)}, ${outlet}`,
        () => o.onOpen(s.ref),
      );
    }
  }
  return frame.svg;
}
