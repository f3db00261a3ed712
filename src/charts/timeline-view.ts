// The timeline: curated milestones and the dates articles give, one row per feature. Plans are hollow, plans whose
// date has passed unmet are flagged, and every event leads to its source: a milestone to the page that states it,
// an article date to its sentence.
import { axisBottom } from 'd3-axis';
import { scaleBand, scaleUtc } from 'd3-scale';
import { select } from 'd3-selection';
import type { Catalog } from '../data/catalog.ts';
import { effectiveDate } from '../data/today.ts';
import { compareStrings } from '../domain/compare-strings.ts';
import type { FeatureId, Lang, Milestone } from '../domain/feature.ts';
import { newestFirst } from '../domain/mention-order.ts';
import { overduePlans, startOf } from '../domain/status-at.ts';
import { formatDate, strings } from '../i18n/strings.ts';
import { button, el, safeLink } from '../panels/dom.ts';
import { incrementalList } from '../panels/incremental-list.ts';
import { CHART_TEXT_PX } from './chart-width.ts';
import { fitLabel, textWidth } from './fit-label.ts';
import type { ChartView } from './lazy-views.ts';
import { asButton, chartFrame } from './svg.ts';

/** between a row label and the plot, and kept free at the chart's left edge */
const LABEL_GAP = 8;
const MIN_LEFT = 200;
/** beyond this the plot would get too narrow for forty years of events: longer names are cut */
const MAX_LEFT = 360;
/** In a narrow chart the names may take no more than this share of its width. */
const MAX_LEFT_SHARE = 0.45;

const T: Record<
  Lang,
  {
    heading: string;
    intro: string;
    title: string;
    desc: string;
    list: string;
    plan: string;
    overdue: string;
    open: string;
    many: (count: number) => string;
  }
> = {
  ru: {
    heading: 'Хронология',
    intro:
      'Этапы из справочных данных (●), планы (○, ⚠ — срок прошёл без подтверждения) и даты, которые называют статьи (◆). Вертикальная линия — выбранная дата.',
    title: 'Хронология объектов',
    desc: 'По строке на объект; по горизонтали время. Каждая метка открывает свой источник.',
    list: 'Все события по порядку',
    plan: 'план',
    overdue: 'срок прошёл',
    open: 'Предложение',
    many: (n) => `статей с этой датой: ${n}; открывается самая новая`,
  },
  en: {
    heading: 'Timeline',
    intro:
      'Milestones from the curated data (●), plans (○, ⚠ when the date passed unconfirmed) and dates the articles give (◆). The vertical line is the chosen date.',
    title: 'Feature timeline',
    desc: 'One row per feature; time runs left to right. Each mark opens its source.',
    list: 'Every event in order',
    plan: 'plan',
    overdue: 'date passed',
    open: 'Sentence',
    many: (n) => `${n} articles give this date; opens the newest`,
  },
};

interface Row {
  featureId: FeatureId;
  date: string;
  label: string;
  kind: 'event' | 'plan' | 'overdue' | 'article';
  milestone: Milestone | null;
  mentionId: string | null;
  articleId: string | null;
}

export interface TimelineViewOptions {
  catalog: Catalog;
  lang: Lang;
  asOf: string | null;
  /** in CSS px: one unit of the chart per pixel (chart-width.ts) */
  width: number;
  onOpenSentence(articleId: string, mentionId: string): void;
}

function rowsOf(o: TimelineViewOptions): Row[] {
  const today = effectiveDate(o.asOf);
  const rows: Row[] = [];
  for (const f of o.catalog.features) {
    const overdue = overduePlans(f.properties, today);
    for (const m of f.properties.milestones ?? []) {
      rows.push({
        featureId: f.properties.id,
        date: m.date,
        label: m.text[o.lang],
        kind: overdue.includes(m) ? 'overdue' : m.plan ? 'plan' : 'event',
        milestone: m,
        mentionId: null,
        articleId: null,
      });
    }
  }
  for (const e of o.catalog.data.events) {
    const m = o.catalog.mention(e.mentionId);
    if (m === undefined) continue;
    for (const id of e.featureIds) {
      rows.push({
        featureId: id,
        date: e.date,
        label: `«${e.raw}» — ${m.text}`,
        kind: 'article',
        milestone: null,
        mentionId: m.id,
        articleId: m.articleId,
      });
    }
  }
  return rows.sort(
    (a, b) => compareStrings(startOf(a.date), startOf(b.date)) || compareStrings(a.featureId, b.featureId),
  );
}

export function timelineView(o: TimelineViewOptions): ChartView {
  const t = T[o.lang];
  const rows = rowsOf(o);
  const features = [...new Set(rows.map((r) => r.featureId))];
  const open = (r: Row) => {
    if (r.mentionId !== null && r.articleId !== null) o.onOpenSentence(r.articleId, r.mentionId);
    else if (r.milestone !== null) window.open(r.milestone.source, '_blank', 'noopener');
  };
  const drawChart = (width: number) => chart(o, rows, features, width, open);
  let svg = drawChart(o.width);
  // A batch at a time: every date an article gives is a row, thousands of them at ten thousand articles
  // (src/panels/incremental-list.ts).
  const list = incrementalList({
    items: rows,
    tag: 'ol',
    attrs: { class: 'timeline-list' },
    moreLabel: strings(o.lang).showMore,
    render: (r) =>
      el(
        'li',
        { class: `tl-${r.kind}`, 'data-feature-id': r.featureId },
        el('time', {}, formatDate(r.date, o.lang)),
        ' · ',
        el(
          'span',
          { class: 'tl-feature' },
          o.catalog.feature(r.featureId)?.properties.name[o.lang] ?? r.featureId,
        ),
        r.kind === 'plan' ? ` (${t.plan})` : null,
        r.kind === 'overdue' ? el('span', { class: 'overdue-flag' }, ` ⚠ ${t.plan}, ${t.overdue}`) : null,
        ' — ',
        el('span', r.kind === 'article' ? { lang: 'ru' } : {}, r.label),
        ' ',
        r.milestone !== null
          ? safeLink(r.milestone.source, '↗')
          : button(t.open, () => open(r), { class: 'link-button', 'data-mention-id': r.mentionId ?? '' }),
      ),
  });
  const node = el(
    'article',
    { class: 'timeline-view', 'aria-labelledby': 'timeline-heading' },
    el('h2', { id: 'timeline-heading', tabindex: '-1' }, t.heading),
    el('p', {}, t.intro),
    svg,
    el('h3', {}, t.list),
    list,
  );
  return {
    node,
    resize: (width) => {
      const next = drawChart(width);
      svg.replaceWith(next);
      svg = next;
    },
  };
}

/** The chart of the view, `width` px wide. */
function chart(
  o: TimelineViewOptions,
  rows: readonly Row[],
  features: readonly FeatureId[],
  width: number,
  open: (r: Row) => void,
): SVGSVGElement {
  const t = T[o.lang];
  const rowH = 22;
  // The row labels' margin follows the longest name, within bounds; a name longer still is cut with "…" and
  // given whole in a tooltip (at a fixed 250 the longest English names ran off the chart's left edge).
  const names = features.map((id) => o.catalog.feature(id)?.properties.name[o.lang] ?? id);
  const longest = Math.max(0, ...names.map((n) => textWidth(n, CHART_TEXT_PX)));
  const widest = Math.min(MAX_LEFT, width * MAX_LEFT_SHARE);
  const left = Math.round(Math.min(widest, Math.max(Math.min(MIN_LEFT, widest), longest + 2 * LABEL_GAP)));
  const height = features.length * rowH + 40;
  const frame = chartFrame(width, height, t.title, t.desc);
  const svg = select(frame.svg);
  const dates = rows.map((r) => new Date(`${startOf(r.date)}T00:00:00Z`));
  const x = scaleUtc()
    .domain([new Date(Math.min(...dates.map(Number))), new Date(Math.max(...dates.map(Number)))])
    .range([left, width - 20])
    .nice();
  const y = scaleBand<string>()
    .domain(features)
    .range([10, height - 30])
    .padding(0.2);
  svg
    .append('g')
    .attr('class', 'axis')
    .attr('transform', `translate(0,${height - 30})`)
    .call(axisBottom(x).ticks(Math.max(2, Math.floor((width - 20 - left) / 50))));
  features.forEach((id, i) => {
    const name = names[i] ?? id;
    const fitted = fitLabel(name, left - 2 * LABEL_GAP, CHART_TEXT_PX);
    const label = svg
      .append('text')
      .attr('class', 'row-label')
      .attr('x', left - LABEL_GAP)
      .attr('y', (y(id) ?? 0) + y.bandwidth() / 2 + 4)
      .attr('text-anchor', 'end')
      .text(fitted.text);
    if (fitted.cut) label.append('title').text(name);
  });
  if (o.asOf !== null) {
    const ax = x(new Date(`${o.asOf}T00:00:00Z`));
    svg
      .append('line')
      .attr('class', 'as-of-line')
      .attr('x1', ax)
      .attr('x2', ax)
      .attr('y1', 0)
      .attr('y2', height - 30);
  }
  for (const { row: r, count } of chartMarks(rows, o.catalog)) {
    const cx = x(new Date(`${startOf(r.date)}T00:00:00Z`));
    const cy = (y(r.featureId) ?? 0) + y.bandwidth() / 2;
    const g = svg
      .append('g')
      .attr('class', `mark tl-${r.kind}${count > 1 ? ' tl-many' : ''}`)
      .attr('data-feature-id', r.featureId)
      .attr('data-date', r.date);
    if (r.kind === 'article')
      g.append('rect')
        .attr('x', cx - 4)
        .attr('y', cy - 4)
        .attr('width', 8)
        .attr('height', 8)
        .attr('transform', `rotate(45 ${cx} ${cy})`);
    else g.append('circle').attr('cx', cx).attr('cy', cy).attr('r', 5);
    if (r.kind === 'overdue')
      g.append('text')
        .attr('x', cx + 7)
        .attr('y', cy + 4)
        .text('⚠');
    if (count > 1) g.attr('data-count', count);
    const many = count > 1 ? ` (${t.many(count)})` : '';
    const node = g.node();
    if (node) asButton(node, `${formatDate(r.date, o.lang)}${many}: ${r.label}`, () => open(r));
  }
  return frame.svg;
}

/**
 * What the chart draws: every milestone, and one mark for each feature and date the articles give, which stands
 * for the newest article giving it. Marks of one feature and date lie on top of each other anyway; at 10,000
 * articles 8,343 dated rows fell on 690 such pairs, and a mark each made ~17,000 elements (~3.4 s to open the
 * view). The list below the chart still has every row.
 */
function chartMarks(rows: readonly Row[], catalog: Catalog): { row: Row; count: number }[] {
  /** the row a mark opens, and the articles that give its date (a sentence may give it twice, an article twice) */
  type Mark = { row: Row; articles: Set<string> };
  const marks: Mark[] = [];
  const byPair = new Map<string, Mark>();
  for (const row of rows) {
    const key = `${row.featureId}\n${row.date}`;
    const mark = row.kind === 'article' ? byPair.get(key) : undefined;
    if (mark === undefined) {
      const made = { row, articles: new Set(row.articleId === null ? [] : [row.articleId]) };
      if (row.kind === 'article') byPair.set(key, made);
      marks.push(made);
      continue;
    }
    mark.articles.add(row.articleId ?? '');
    // the newest article, ties by article id, as in the overview
    const article = catalog.article(row.articleId ?? '');
    const shown = catalog.article(mark.row.articleId ?? '');
    if (article !== undefined && (shown === undefined || newestFirst(article, shown) < 0)) mark.row = row;
  }
  return marks.map((m) => ({ row: m.row, count: Math.max(1, m.articles.size) }));
}
