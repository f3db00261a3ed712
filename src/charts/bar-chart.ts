// Figures of one unit side by side as horizontal bars: growth multiples, tonnages. Each bar opens its sentence.

import { scaleBand, scaleLinear } from 'd3-scale';
import { select } from 'd3-selection';
import type { Catalog, FigureRef } from '../data/catalog.ts';
import type { Lang } from '../domain/feature.ts';
import { formatFigure, formatPeriod, metricLabel } from '../i18n/figures.ts';
import { outletName } from '../i18n/strings.ts';
import { asButton, chartFrame } from './svg.ts';

export interface BarChartOptions {
  catalog: Catalog;
  lang: Lang;
  refs: readonly FigureRef[];
  title: string;
  description: string;
  onOpen(ref: FigureRef): void;
}

export function barChart(o: BarChartOptions): SVGSVGElement {
  const width = 720;
  const row = 34;
  const labelWidth = 330;
  const height = Math.max(row * o.refs.length + 16, 60);
  const frame = chartFrame(width, height, o.title, o.description);
  const svg = select(frame.svg);
  const keys = o.refs.map((r) => `${r.mention.id}#${r.index}`);
  const yBand = scaleBand<string>()
    .domain(keys)
    .range([8, height - 8])
    .padding(0.25);
  const x = scaleLinear()
    .domain([0, Math.max(...o.refs.map((r) => r.figure.value), 1)])
    .range([0, width - labelWidth - 220]);
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
    g.append('text')
      .attr('class', 'bar-label')
      .attr('x', 0)
      .attr('y', top + yBand.bandwidth() / 2 + 4)
      .text(`${metricLabel(r.figure.metric, o.lang)}, ${formatPeriod(r.figure.period, o.lang)}`);
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
