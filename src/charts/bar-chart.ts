// Figures of one unit side by side as horizontal bars: growth multiples, tonnages. Each bar opens its sentence.

import { scaleBand, scaleLinear } from 'd3-scale';
import { select } from 'd3-selection';
import { type Catalog, type FigureRef, figureKey } from '../data/catalog.ts';
import type { Lang } from '../domain/feature.ts';
import { formatFigure, formatPeriod, metricLabel } from '../i18n/figures.ts';
import { outletName } from '../i18n/strings.ts';
import { CHART_TEXT_PX } from './chart-width.ts';
import { fitLabel } from './fit-label.ts';
import { asButton, chartFrame } from './svg.ts';

/** The space kept between a label and its bar. */
const LABEL_GAP = 8;

export interface BarChartOptions {
  catalog: Catalog;
  lang: Lang;
  /** in CSS px: one unit of the chart per pixel (chart-width.ts) */
  width: number;
  refs: readonly FigureRef[];
  title: string;
  description: string;
  onOpen(ref: FigureRef): void;
}

export function barChart(o: BarChartOptions): SVGSVGElement {
  const width = o.width;
  const row = 34;
  // The label on the left, the bar, then its value and outlet: the label's share shrinks with the chart, and a
  // label longer than its share is cut with "…" and given whole in its tooltip.
  const labelWidth = Math.round(Math.min(330, width * 0.4));
  const valueWidth = Math.round(Math.min(220, width * 0.3));
  const height = Math.max(row * o.refs.length + 16, 60);
  const frame = chartFrame(width, height, o.title, o.description);
  const svg = select(frame.svg);
  const keys = o.refs.map(figureKey);
  const yBand = scaleBand<string>()
    .domain(keys)
    .range([8, height - 8])
    .padding(0.25);
  const x = scaleLinear()
    .domain([0, Math.max(...o.refs.map((r) => r.figure.value), 1)])
    .range([0, Math.max(width - labelWidth - valueWidth, 40)]);
  o.refs.forEach((r, i) => {
    const key = keys[i] ?? '';
    const a = o.catalog.article(r.mention.articleId);
    const outlet = outletName(a?.source, o.lang);
    const disputed = o.catalog.discrepanciesOf(r).length > 0;
    const top = yBand(key) ?? 0;
    const g = svg
      .append('g')
      .attr('class', `mark bar kind-${r.figure.kind}${disputed ? ' disputed' : ''}`)
      .attr('data-mention-id', r.mention.id);
    const name = `${metricLabel(r.figure.metric, o.lang)}, ${formatPeriod(r.figure.period, o.lang)}`;
    const fitted = fitLabel(name, labelWidth - LABEL_GAP, CHART_TEXT_PX);
    const label = g
      .append('text')
      .attr('class', 'bar-label')
      .attr('x', 0)
      .attr('y', top + yBand.bandwidth() / 2 + 4)
      .text(fitted.text);
    if (fitted.cut) label.append('title').text(name);
    g.append('rect')
      .attr('x', labelWidth)
      .attr('y', top)
      .attr('width', Math.max(x(r.figure.value), 2))
      .attr('height', yBand.bandwidth());
    g.append('text')
      .attr('x', labelWidth + Math.max(x(r.figure.value), 2) + 6)
      .attr('y', top + yBand.bandwidth() / 2 + 4)
      .text(`${formatFigure(r.figure, o.lang)} · ${outlet}${disputed ? ' ⚠' : ''}`);
    const node = g.node();
    if (node)
      asButton(
        node,
        `${formatFigure(r.figure, o.lang)}, ${metricLabel(r.figure.metric, o.lang)}, ${outlet}`,
        () => o.onOpen(r),
      );
  });
  return frame.svg;
}
