// The printable handout: one page per briefing step with a static vector map of the step (no WebGL needed in
// print), its figures and quotes, and numbered source notes (outlet, date, article file, URL where known). Shown
// only in print (briefing.css): print the page in briefing mode, or "Save as PDF", and each step is one A4
// landscape page. Article text is untrusted: everything is text nodes.
import { type Catalog, type FigureRef, sameRef } from '../data/catalog.ts';
import { shownSides } from '../data/shown-sides.ts';
import type { Lang } from '../domain/feature.ts';
import type { Article } from '../domain/joined.ts';
import { formatFigure, formatPeriod, KIND_LABELS, metricLabel } from '../i18n/figures.ts';
import { formatDate, strings } from '../i18n/strings.ts';
import { emphasised } from '../map/map-sync.ts';
import type { BasemapData } from '../map/style.ts';
import { stepArticles, stepFigures, stepMentions, stepView } from '../modes/briefing-steps.ts';
import { el } from '../panels/dom.ts';
import type { AppState } from '../state/store.ts';
import { exportContext } from './export-context.ts';
import { renderSvgExport } from './svg-export.ts';

const T: Record<
  Lang,
  {
    step: (i: number, n: number) => string;
    figures: string;
    quotes: string;
    sources: string;
    file: string;
    disagree: string;
    more: (n: number) => string;
    none: string;
  }
> = {
  ru: {
    step: (i, n) => `Шаг ${i} из ${n}`,
    figures: 'Цифры',
    quotes: 'Цитаты',
    sources: 'Источники',
    file: 'файл',
    disagree: 'источники расходятся',
    more: (n) => `и ещё ${n} (все — во вкладке «Цифры»)`,
    none: 'Цифр в этом шаге нет.',
  },
  en: {
    step: (i, n) => `Step ${i} of ${n}`,
    figures: 'Figures',
    quotes: 'Quotes',
    sources: 'Sources',
    file: 'file',
    disagree: 'sources disagree',
    more: (n) => `and ${n} more (all of them in the Figures view)`,
    none: 'No figures in this step.',
  },
};

/** Handout map size in SVG px; CSS scales it to the page column. */
const MAP_W = 960;
const MAP_H = 600;

export interface HandoutOptions {
  catalog: Catalog;
  basemap: BasemapData;
  state: AppState;
}

function sourceNote(a: Article, lang: Lang): (Node | string)[] {
  const t = strings(lang);
  const parts: (Node | string)[] = [
    `${a.source ?? t.outletUnknown}, ${formatDate(a.date, lang)}`,
    a.title === null ? '' : `, «${a.title}»`,
    ` — ${T[lang].file} ${a.file}`,
  ];
  if (a.url !== null) parts.push(' — ', el('span', { class: 'handout-url' }, a.url));
  return parts;
}

function figureLine(r: FigureRef, o: HandoutOptions, note: (articleId: string) => number): HTMLElement {
  const { catalog } = o;
  const lang = o.state.lang;
  const f = r.figure;
  const shown = catalog.discrepanciesOf(r).map((d) => shownSides(catalog, d, r));
  const others = shown.flatMap((s) => s.sides).filter((x) => !sameRef(x, r));
  const more = shown.reduce((n, s) => n + s.more, 0);
  return el(
    'li',
    { class: 'handout-figure', 'data-mention-id': r.mention.id, 'data-figure-index': String(r.index) },
    el('strong', {}, formatFigure(f, lang)),
    ` — ${metricLabel(f.metric, lang)} · ${formatPeriod(f.period, lang)} · ${KIND_LABELS[f.kind][lang]} `,
    el('span', { class: 'note-ref' }, `[${note(r.mention.articleId)}]`),
    others.length > 0
      ? el(
          'span',
          { class: 'handout-disagree' },
          ` ⚠ ${T[lang].disagree}: `,
          others
            .map(
              (x) =>
                `${formatFigure(x.figure, lang)} (${formatPeriod(x.figure.period, lang)}) [${note(x.mention.articleId)}]`,
            )
            .join('; '),
          more > 0 ? `; ${T[lang].more(more)}` : '',
        )
      : null,
  );
}

/** Fills `container` with one .handout-page per step. */
export function renderHandout(container: HTMLElement, o: HandoutOptions): void {
  const { catalog, state } = o;
  const lang = state.lang;
  const t = T[lang];
  const briefing = catalog.data.briefing;
  const n = briefing.steps.length;
  const pages = briefing.steps.map((step, i) => {
    const stepNo = i + 1;
    const articles = stepArticles(catalog, step);
    const note = (articleId: string) => articles.findIndex((a) => a.id === articleId) + 1;
    const stepState: AppState = { ...state, mode: 'briefing', step: stepNo };
    const svg = renderSvgExport({
      catalog,
      basemap: o.basemap,
      lang,
      filters: state,
      emphasised: emphasised(stepState, catalog),
      view: stepView(catalog, stepNo),
      width: MAP_W,
      height: MAP_H,
      context: exportContext(catalog, stepState),
      parts: { title: false, legend: true, source: false },
      frameScale: 0.85,
    });
    const figures = stepFigures(catalog, step);
    const quotes = stepMentions(catalog, step);
    return el(
      'section',
      { class: 'handout-page', 'data-step': String(stepNo), 'data-step-id': step.id },
      el(
        'header',
        { class: 'handout-head' },
        el('span', {}, briefing.title[lang]),
        el('span', {}, t.step(stepNo, n)),
      ),
      el('h2', { class: 'handout-title' }, step.title[lang]),
      el(
        'div',
        { class: 'handout-body' },
        el('figure', { class: 'handout-map' }, svg),
        el(
          'div',
          { class: 'handout-text' },
          el('h3', {}, t.figures),
          figures.length > 0
            ? el('ol', { class: 'handout-figures' }, ...figures.map((r) => figureLine(r, o, note)))
            : el('p', { class: 'handout-none' }, t.none),
          quotes.length > 0 ? el('h3', {}, t.quotes) : null,
          quotes.length > 0
            ? el(
                'ul',
                { class: 'handout-quotes' },
                ...quotes.map((m) =>
                  el(
                    'li',
                    { 'data-mention-id': m.id },
                    el('q', { lang: 'ru' }, m.text),
                    m.quote?.speaker ? ` — ${m.quote.speaker}` : '',
                    ' ',
                    el('span', { class: 'note-ref' }, `[${note(m.articleId)}]`),
                  ),
                ),
              )
            : null,
          el('h3', {}, t.sources),
          el(
            'ol',
            { class: 'handout-sources' },
            ...articles.map((a) => el('li', { 'data-article-id': a.id }, ...sourceNote(a, lang))),
            el('li', { class: 'handout-basemap' }, 'Natural Earth (basemap); geo/ (curated features)'),
          ),
        ),
      ),
    );
  });
  container.replaceChildren(...pages);
}
