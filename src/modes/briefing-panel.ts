// The projector panel of one briefing step: where we are, the step's title, what the map highlights, the step's
// figure cards (outlet and date on every one, "sources disagree" tables where outlets differ) and its quotes.
import type { Catalog } from '../data/catalog.ts';
import type { Lang } from '../domain/feature.ts';
import { el } from '../panels/dom.ts';
import { figureCard } from '../panels/figure-card.ts';
import { outletLine } from '../panels/mention-card.ts';
import { clampStep, stepAt, stepFigures, stepMentions } from './briefing-steps.ts';
import { briefingStrings } from './briefing-strings.ts';

export interface StepPanelOptions {
  catalog: Catalog;
  lang: Lang;
  step: number;
  onOpenSentence(articleId: string, mentionId: string): void;
}

export function stepPanel(o: StepPanelOptions): HTMLElement {
  const { catalog, lang } = o;
  const t = briefingStrings(lang);
  const briefing = catalog.data.briefing;
  const n = briefing.steps.length;
  const stepNo = clampStep(briefing, o.step);
  const step = stepAt(briefing, stepNo);
  if (step === undefined) return el('article', { class: 'briefing-step' });
  const names = step.features.flatMap((id) => {
    const f = catalog.feature(id);
    return f === undefined ? [] : [f.properties.name[lang]];
  });
  const figures = stepFigures(catalog, step);
  const quotes = stepMentions(catalog, step);
  return el(
    'article',
    {
      class: 'briefing-step',
      'data-step': String(stepNo),
      'data-step-id': step.id,
      'aria-labelledby': 'briefing-step-title',
    },
    el('p', { class: 'briefing-name' }, briefing.title[lang]),
    el('h2', { id: 'briefing-step-title', tabindex: '-1' }, step.title[lang]),
    el('p', { class: 'briefing-where' }, `${t.onTheMap}: ${names.length > 0 ? names.join(', ') : t.region}`),
    figures.length > 0
      ? el(
          'section',
          { class: 'briefing-figures', 'aria-label': t.figures },
          el(
            'ul',
            { class: 'figure-cards' },
            ...figures.map((r) => figureCard(r, { catalog, lang, onOpenSentence: o.onOpenSentence })),
          ),
        )
      : null,
    quotes.length > 0
      ? el(
          'section',
          { class: 'briefing-quotes', 'aria-label': t.quotes },
          el(
            'ul',
            {},
            ...quotes.map((m) =>
              el(
                'li',
                { class: 'briefing-quote', 'data-mention-id': m.id },
                el('blockquote', { lang: 'ru' }, m.text),
                m.quote?.speaker ? el('p', { class: 'speaker' }, `— ${m.quote.speaker}`) : null,
                el('p', { class: 'briefing-quote-source' }, outletLine(catalog, m.articleId, lang)),
              ),
            ),
          ),
        )
      : null,
    el('p', { class: 'visually-hidden' }, t.counter(stepNo, n)),
  );
}
