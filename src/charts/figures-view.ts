// The "Figures" view: the corpus's numbers as d3 charts and a table, every mark leading to its sentence, and the
// places where outlets disagree drawn as such.
import type { Catalog, FigureRef } from '../data/catalog.ts';
import { compareStrings } from '../domain/compare-strings.ts';
import type { Lang } from '../domain/feature.ts';
import { formatFigure, formatPeriod, KIND_LABELS, metricLabel } from '../i18n/figures.ts';
import { formatDate, outletName, strings } from '../i18n/strings.ts';
import { button, el } from '../panels/dom.ts';
import { discrepancyTable } from '../panels/figure-card.ts';
import { incrementalList } from '../panels/incremental-list.ts';
import { barChart } from './bar-chart.ts';
import type { ChartView } from './lazy-views.ts';
import { timelineChart } from './timeline-chart.ts';

/** rows of the table of every figure drawn at a time */
export const TABLE_BATCH = 100;
/**
 * The most marks a chart draws: at ten thousand articles there are thousands of figures of each kind (2,996 of
 * turnover, 7,828 multiples, 16,839 tonnages, most of them distinct), which drew some 550,000 SVG elements and took
 * ~25 s to open. Past this, a chart draws the figures of the newest articles, says so, and the table lists all.
 */
export const CHART_LIMIT = { turnover: 120, bars: 40 } as const;

const T: Record<
  Lang,
  {
    heading: string;
    intro: string;
    turnover: string;
    turnoverDesc: string;
    multiples: string;
    multiplesDesc: string;
    volumes: string;
    volumesDesc: string;
    disagreements: string;
    none: string;
    all: string;
    cols: [string, string, string, string, string];
    open: string;
    newest: (shown: number, total: number) => string;
  }
> = {
  ru: {
    heading: 'Цифры',
    intro:
      'Все цифры из статей. Каждая метка открывает предложение, из которого она взята; ⚠ — издания приводят разные значения.',
    turnover: 'Товарооборот Казахстана и Азербайджана',
    turnoverDesc:
      'Фактические значения — отрезки на период, к которому они относятся, по одному на издание; цели — пунктирные линии. Расходящиеся значения соединены.',
    multiples: 'Рост в разах',
    multiplesDesc: 'Во сколько раз вырос показатель, по словам каждого источника.',
    volumes: 'Объёмы в тоннах',
    volumesDesc: 'Перевозки, транзит и поставки в тоннах.',
    disagreements: 'Где источники расходятся',
    none: 'Расхождений не найдено.',
    all: 'Все цифры',
    cols: ['Значение', 'Показатель', 'Период', 'Вид', 'Источник'],
    open: 'открыть предложение',
    newest: (shown, total) =>
      `Показаны ${shown} цифр из самых свежих статей, всего их ${total}; все — в таблице ниже.`,
  },
  en: {
    heading: 'Figures',
    intro:
      'Every figure in the articles. Each mark opens the sentence it comes from; ⚠ marks outlets that disagree.',
    turnover: 'Kazakhstan–Azerbaijan trade turnover',
    turnoverDesc:
      'Actual values are segments over the period they cover, one per outlet; targets are dashed lines. Values that disagree are joined.',
    multiples: 'Growth multiples',
    multiplesDesc: 'How many times a measure grew, according to each source.',
    volumes: 'Volumes in tonnes',
    volumesDesc: 'Carriage, transit and supply in tonnes.',
    disagreements: 'Where sources disagree',
    none: 'No disagreements found.',
    all: 'All figures',
    cols: ['Value', 'Metric', 'Period', 'Kind', 'Source'],
    open: 'open the sentence',
    newest: (shown, total) =>
      `The ${shown} figures of the newest articles, of ${total}; all are in the table below.`,
  },
};

export interface FiguresViewOptions {
  catalog: Catalog;
  lang: Lang;
  /** the charts' width in CSS px (chart-width.ts) */
  width: number;
  onOpenSentence(articleId: string, mentionId: string): void;
}

export function figuresView(o: FiguresViewOptions): ChartView {
  const t = T[o.lang];
  const all = o.catalog.figures();
  const open = (r: FigureRef) => o.onOpenSentence(r.mention.articleId, r.mention.id);
  const chartOpts = { catalog: o.catalog, lang: o.lang, onOpen: open };
  const turnover = all.filter((r) => r.figure.metric === 'trade-turnover' && r.figure.unit === 'USD');
  const multiples = all.filter((r) => r.figure.unit === 'x');
  const tonnes = all.filter((r) => r.figure.unit === 't');
  /** each chart drawn, and how to draw it at another width */
  const charts: { svg: SVGSVGElement; draw: (width: number) => SVGSVGElement }[] = [];
  const section = (title: string, draw: ((width: number) => SVGSVGElement) | null, note: string | null) => {
    if (draw === null) return null;
    const svg = draw(o.width);
    charts.push({ svg, draw });
    return el(
      'section',
      { class: 'chart-section' },
      el('h3', {}, title),
      note === null ? null : el('p', { class: 'chart-note' }, note),
      svg,
    );
  };
  const dateOf = (r: FigureRef) => o.catalog.article(r.mention.articleId)?.date ?? '';
  /** `refs` if there are at most `limit`, else those of the newest articles (in their own order) and a note */
  const capped = (refs: FigureRef[], limit: number): [FigureRef[], string | null] => {
    if (refs.length <= limit) return [refs, null];
    const keep = new Set(
      refs
        .map((r, i) => ({ r, i, date: dateOf(r) }))
        .sort((a, b) => compareStrings(b.date, a.date) || a.i - b.i)
        .slice(0, limit)
        .map((x) => x.r),
    );
    return [refs.filter((r) => keep.has(r)), t.newest(limit, refs.length)];
  };
  const [turnoverShown, turnoverNote] = capped(turnover, CHART_LIMIT.turnover);
  const [multiplesShown, multiplesNote] = capped(multiples, CHART_LIMIT.bars);
  const [tonnesShown, tonnesNote] = capped(tonnes, CHART_LIMIT.bars);
  const source = (r: FigureRef) => {
    const a = o.catalog.article(r.mention.articleId);
    return `${outletName(a?.source, o.lang)} · ${a ? formatDate(a.date, o.lang) : ''}`;
  };
  const node = el(
    'article',
    { class: 'figures-view', 'aria-labelledby': 'figures-heading' },
    el('h2', { id: 'figures-heading', tabindex: '-1' }, t.heading),
    el('p', {}, t.intro),
    el('h3', {}, t.disagreements),
    o.catalog.data.joined.discrepancies.length === 0
      ? el('p', { class: 'empty' }, t.none)
      : // A batch at a time: ten thousand articles disagree in thousands of places (6,677 in the bench's corpus),
        // whose tables were ~430,000 of the view's ~900,000 elements.
        incrementalList({
          items: o.catalog.data.joined.discrepancies,
          attrs: { class: 'disagreements' },
          moreLabel: strings(o.lang).showMore,
          render: (d) =>
            el(
              'li',
              {},
              discrepancyTable(
                d,
                { catalog: o.catalog, lang: o.lang, onOpenSentence: o.onOpenSentence },
                null,
              ),
            ),
        }),
    section(
      t.turnover,
      turnover.length === 0
        ? null
        : (width) =>
            timelineChart({
              ...chartOpts,
              width,
              refs: turnoverShown,
              title: t.turnover,
              description: t.turnoverDesc,
            }),
      turnoverNote,
    ),
    section(
      t.multiples,
      multiples.length === 0
        ? null
        : (width) =>
            barChart({
              ...chartOpts,
              width,
              refs: multiplesShown,
              title: t.multiples,
              description: t.multiplesDesc,
            }),
      multiplesNote,
    ),
    section(
      t.volumes,
      tonnes.length === 0
        ? null
        : (width) =>
            barChart({
              ...chartOpts,
              width,
              refs: tonnesShown,
              title: t.volumes,
              description: t.volumesDesc,
            }),
      tonnesNote,
    ),
    el('h3', {}, t.all),
    // The value opens its sentence: a column of "Sentence" buttons of its own made the table wider than the column
    // at 1280×800, and the whole view scrolled sideways. Narrower still (a phone), the table alone scrolls.
    el(
      'div',
      { class: 'table-scroll' },
      el(
        'table',
        { class: 'figures-table' },
        el('thead', {}, el('tr', {}, ...t.cols.map((c) => el('th', { scope: 'col' }, c)))),
        // A batch of rows at a time: ten thousand articles have tens of thousands of figures, which as one table
        // were ~350,000 of the view's ~900,000 elements (src/panels/incremental-list.ts).
        incrementalList({
          items: all,
          tag: 'tbody',
          columns: t.cols.length,
          batch: TABLE_BATCH,
          moreLabel: strings(o.lang).showMore,
          render: (r) =>
            el(
              'tr',
              { 'data-mention-id': r.mention.id },
              el(
                'td',
                {},
                button(formatFigure(r.figure, o.lang), () => open(r), {
                  class: 'link-button',
                  'aria-label': `${formatFigure(r.figure, o.lang)}: ${t.open}`,
                }),
              ),
              el('td', {}, metricLabel(r.figure.metric, o.lang)),
              el('td', {}, formatPeriod(r.figure.period, o.lang)),
              el('td', {}, KIND_LABELS[r.figure.kind][o.lang]),
              el('td', {}, source(r)),
            ),
        }),
      ),
    ),
  );
  return {
    node,
    resize: (width) => {
      for (const c of charts) {
        const next = c.draw(width);
        c.svg.replaceWith(next);
        c.svg = next;
      }
    },
  };
}
