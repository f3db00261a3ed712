// The "Figures" view: the corpus's numbers as d3 charts and a table, every mark leading to its sentence, and the
// places where outlets disagree drawn as such.
import type { Catalog, FigureRef } from '../data/catalog.ts';
import type { Lang } from '../domain/feature.ts';
import { formatFigure, formatPeriod, KIND_LABELS, metricLabel } from '../i18n/figures.ts';
import { formatDate, outletName } from '../i18n/strings.ts';
import { button, el } from '../panels/dom.ts';
import { discrepancyTable } from '../panels/figure-card.ts';
import { barChart } from './bar-chart.ts';
import { timelineChart } from './timeline-chart.ts';

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
  },
};

export interface FiguresViewOptions {
  catalog: Catalog;
  lang: Lang;
  /** the charts' width in CSS px (chart-width.ts) */
  width: number;
  onOpenSentence(articleId: string, mentionId: string): void;
}

export function figuresView(o: FiguresViewOptions): HTMLElement {
  const t = T[o.lang];
  const all = o.catalog.figures();
  const open = (r: FigureRef) => o.onOpenSentence(r.mention.articleId, r.mention.id);
  const chartOpts = { catalog: o.catalog, lang: o.lang, width: o.width, onOpen: open };
  const turnover = all.filter((r) => r.figure.metric === 'trade-turnover' && r.figure.unit === 'USD');
  const multiples = all.filter((r) => r.figure.unit === 'x');
  const tonnes = all.filter((r) => r.figure.unit === 't');
  const section = (title: string, chart: SVGSVGElement | null) =>
    chart === null ? null : el('section', { class: 'chart-section' }, el('h3', {}, title), chart);
  const source = (r: FigureRef) => {
    const a = o.catalog.article(r.mention.articleId);
    return `${outletName(a?.source, o.lang)} · ${a ? formatDate(a.date, o.lang) : ''}`;
  };
  return el(
    'article',
    { class: 'figures-view', 'aria-labelledby': 'figures-heading' },
    el('h2', { id: 'figures-heading', tabindex: '-1' }, t.heading),
    el('p', {}, t.intro),
    el('h3', {}, t.disagreements),
    o.catalog.data.joined.discrepancies.length === 0
      ? el('p', { class: 'empty' }, t.none)
      : el(
          'div',
          { class: 'disagreements' },
          ...o.catalog.data.joined.discrepancies.map((d) =>
            discrepancyTable(d, { catalog: o.catalog, lang: o.lang, onOpenSentence: o.onOpenSentence }, null),
          ),
        ),
    section(
      t.turnover,
      turnover.length === 0
        ? null
        : timelineChart({ ...chartOpts, refs: turnover, title: t.turnover, description: t.turnoverDesc }),
    ),
    section(
      t.multiples,
      multiples.length === 0
        ? null
        : barChart({ ...chartOpts, refs: multiples, title: t.multiples, description: t.multiplesDesc }),
    ),
    section(
      t.volumes,
      tonnes.length === 0
        ? null
        : barChart({ ...chartOpts, refs: tonnes, title: t.volumes, description: t.volumesDesc }),
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
        el(
          'tbody',
          {},
          ...all.map((r) =>
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
          ),
        ),
      ),
    ),
  );
}
