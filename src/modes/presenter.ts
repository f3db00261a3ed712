// The presenter window (?mode=presenter&step=N&lang=xx), opened from briefing mode with N: the same built app in
// a second window, showing the speaker notes, the next step and the elapsed time. It keeps in step with the main
// window over the briefing channel in both directions: stepping here moves the projector, and the other way round.
// No map here: it loads only the data.
import { loadCore, loadShard } from '../data/load.ts';
import { createLoader } from '../data/loader.ts';
import type { Lang } from '../domain/feature.ts';
import { formatFigure } from '../i18n/figures.ts';
import { formatDate, strings } from '../i18n/strings.ts';
import { append, button, el } from '../panels/dom.ts';
import { openBriefingChannel } from './briefing-channel.ts';
import { briefingKeys } from './briefing-keys.ts';
import { clampStep, stepAt, stepFigures } from './briefing-steps.ts';
import { briefingStrings, formatElapsed } from './briefing-strings.ts';
import './briefing.css';

export interface PresenterApi {
  ready: Promise<void>;
  state(): { step: number; lang: Lang; active: boolean };
}

declare global {
  interface Window {
    corridorsPresenter?: PresenterApi;
  }
}

export function isPresenterUrl(search: string): boolean {
  return new URLSearchParams(search).getAll('mode').includes('presenter');
}

export function startPresenter(): PresenterApi {
  const q = new URLSearchParams(window.location.search);
  const state = {
    step: Number(q.get('step')) || 1,
    lang: (q.get('lang') === 'en' ? 'en' : 'ru') as Lang,
    active: true,
  };
  let clockFrom = Date.now();
  const root = el('main', { class: 'presenter', 'aria-live': 'polite' });
  document.body.className = 'presenter-body';
  document.body.replaceChildren(root);

  // The core preloads everything the briefing's steps cite: the presenter needs nothing more.
  const ready = loadCore().then((core) => {
    const catalog = createLoader(core, loadShard).catalog;
    const briefing = core.briefing;
    const n = briefing.steps.length;
    const elapsed = el('span', { class: 'presenter-elapsed' }, '00:00');
    const tick = () => {
      elapsed.textContent = formatElapsed(Date.now() - clockFrom);
    };
    setInterval(tick, 1000);

    const render = () => {
      const t = briefingStrings(state.lang);
      const stepNo = clampStep(briefing, state.step);
      const step = stepAt(briefing, stepNo);
      const next = briefing.steps[stepNo];
      document.documentElement.lang = state.lang;
      document.title = `${t.presenterTitle} · ${stepNo}/${n} · ${briefing.title[state.lang]}`;
      const figures = step === undefined ? [] : stepFigures(catalog, step);
      root.dataset.step = String(stepNo);
      root.replaceChildren();
      append(
        root,
        el(
          'header',
          { class: 'presenter-bar' },
          el('p', { class: 'presenter-counter', 'data-step': String(stepNo) }, t.counter(stepNo, n)),
          el(
            'p',
            { class: 'presenter-clock' },
            `${t.elapsed}: `,
            elapsed,
            ' ',
            button(
              t.resetClock,
              () => {
                clockFrom = Date.now();
                tick();
              },
              { class: 'presenter-reset' },
            ),
          ),
        ),
        state.active ? null : el('p', { class: 'presenter-warning', role: 'status' }, t.mainLeft),
        el('h1', { class: 'presenter-title' }, step?.title[state.lang] ?? ''),
        el(
          'section',
          { class: 'presenter-notes', 'aria-label': t.notes },
          el('h2', {}, t.notes),
          ...(step === undefined || step.notes[state.lang] === ''
            ? [el('p', { class: 'presenter-none' }, t.noNotes)]
            : step.notes[state.lang].split(/\n+/).map((p) => el('p', {}, p))),
        ),
        el(
          'section',
          { class: 'presenter-next', 'aria-label': t.nextStep },
          el('h2', {}, t.nextStep),
          el(
            'p',
            { class: 'presenter-next-title' },
            next === undefined ? t.lastStep : `${stepNo + 1}. ${next.title[state.lang]}`,
          ),
        ),
        figures.length > 0
          ? el(
              'section',
              { class: 'presenter-figures', 'aria-label': t.figures },
              el('h2', {}, t.figures),
              el(
                'ul',
                {},
                ...figures.map((r) => {
                  const a = catalog.article(r.mention.articleId);
                  const outlet = a?.source ?? strings(state.lang).outletUnknown;
                  return el(
                    'li',
                    {},
                    el('strong', {}, formatFigure(r.figure, state.lang)),
                    ` — ${outlet}${a ? `, ${formatDate(a.date, state.lang)}` : ''}`,
                  );
                }),
              ),
            )
          : null,
        el(
          'nav',
          { class: 'presenter-nav', 'aria-label': t.controls },
          button(t.prev, () => go(stepNo - 1), { class: 'presenter-prev' }),
          button(t.next, () => go(stepNo + 1), { class: 'presenter-next-button' }),
        ),
        el('p', { class: 'briefing-keys' }, t.keysHelp),
      );
    };

    const channel = openBriefingChannel((m) => {
      if (m.type !== 'step') return;
      state.step = clampStep(briefing, m.step);
      state.lang = m.lang;
      state.active = m.active;
      render();
    });
    const go = (step: number) => {
      const next = clampStep(briefing, step);
      if (next === state.step) return;
      state.step = next;
      render();
      channel.post({ type: 'step', step: next, lang: state.lang, active: true });
    };
    window.addEventListener(
      'keydown',
      briefingKeys({
        enabled: () => true,
        onCommand: (c) => {
          if (c.type === 'next') go(state.step + 1);
          else if (c.type === 'prev') go(state.step - 1);
          else if (c.type === 'first') go(1);
          else if (c.type === 'last') go(n);
          else if (c.type === 'go') go(c.step);
          else if (c.type === 'fullscreen' && document.fullscreenEnabled) {
            if (document.fullscreenElement) void document.exitFullscreen().catch(() => {});
            else void document.documentElement.requestFullscreen().catch(() => {});
          }
          // N and Esc mean nothing here: this window is the presenter, and the main window leaves the briefing.
        },
      }),
      true,
    );
    state.step = clampStep(briefing, state.step);
    render();
    channel.post({ type: 'hello' });
  });
  ready.catch((e: unknown) => root.replaceChildren(el('p', { class: 'load-error' }, String(e))));
  const api: PresenterApi = { ready, state: () => ({ ...state }) };
  window.corridorsPresenter = api;
  return api;
}
