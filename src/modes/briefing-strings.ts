// Interface text of briefing mode, the presenter window and the exports, in the two languages the app ships.
import type { Lang } from '../domain/feature.ts';

export interface BriefingStrings {
  start: string;
  startTitle: string;
  prev: string;
  next: string;
  fullscreen: string;
  presenter: string;
  png: string;
  png2x: string;
  svg: string;
  handout: string;
  leave: string;
  keysHelp: string;
  onTheMap: string;
  figures: string;
  quotes: string;
  region: string;
  counter: (i: number, n: number) => string;
  goTo: (digits: string) => string;
  exporting: string;
  exported: (file: string) => string;
  exportFailed: (why: string) => string;
  popupBlocked: string;
  notes: string;
  noNotes: string;
  nextStep: string;
  lastStep: string;
  elapsed: string;
  resetClock: string;
  presenterTitle: string;
  mainLeft: string;
  controls: string;
}

const ru: BriefingStrings = {
  start: 'Брифинг',
  startTitle:
    'Показ по шагам для проектора: клавиши, окно докладчика, экспорт слайдов и раздаточного материала',
  prev: '← Назад',
  next: 'Далее →',
  fullscreen: 'Во весь экран (F)',
  presenter: 'Окно докладчика (N)',
  png: 'PNG 1920×1080',
  png2x: 'PNG 2× (3840×2160)',
  svg: 'SVG',
  handout: 'Раздаточный материал (печать)',
  leave: 'Выйти (Esc)',
  keysHelp: '→, Page Down, пробел — дальше · ←, Page Up — назад · Home, End · номер шага и Enter',
  onTheMap: 'На карте',
  figures: 'Цифры',
  quotes: 'Цитаты',
  region: 'весь регион',
  counter: (i, n) => `Шаг ${i} из ${n}`,
  goTo: (d) => `→ шаг ${d}, Enter`,
  exporting: 'Готовим файл…',
  exported: (f) => `Скачан файл ${f}`,
  exportFailed: (why) => `Экспорт не удался: ${why}`,
  popupBlocked: 'Браузер не открыл окно докладчика: разрешите всплывающие окна для этой страницы.',
  notes: 'Заметки докладчика',
  noNotes: 'Заметок к этому шагу нет.',
  nextStep: 'Следующий шаг',
  lastStep: 'Это последний шаг.',
  elapsed: 'Прошло',
  resetClock: 'Сбросить',
  presenterTitle: 'Окно докладчика',
  mainLeft: 'Основное окно вышло из режима брифинга.',
  controls: 'Управление брифингом',
};

const en: BriefingStrings = {
  start: 'Briefing',
  startTitle: 'Step-by-step presentation for a projector: keys, presenter window, slide and handout export',
  prev: '← Previous',
  next: 'Next →',
  fullscreen: 'Full screen (F)',
  presenter: 'Presenter window (N)',
  png: 'PNG 1920×1080',
  png2x: 'PNG 2× (3840×2160)',
  svg: 'SVG',
  handout: 'Handout (print)',
  leave: 'Leave (Esc)',
  keysHelp: '→, Page Down, Space: next · ←, Page Up: previous · Home, End · a step number and Enter',
  onTheMap: 'On the map',
  figures: 'Figures',
  quotes: 'Quotes',
  region: 'the whole region',
  counter: (i, n) => `Step ${i} of ${n}`,
  goTo: (d) => `→ step ${d}, Enter`,
  exporting: 'Preparing the file…',
  exported: (f) => `Downloaded ${f}`,
  exportFailed: (why) => `Export failed: ${why}`,
  popupBlocked: 'The browser did not open the presenter window: allow pop-ups for this page.',
  notes: 'Speaker notes',
  noNotes: 'No notes for this step.',
  nextStep: 'Next step',
  lastStep: 'This is the last step.',
  elapsed: 'Elapsed',
  resetClock: 'Reset',
  presenterTitle: 'Presenter window',
  mainLeft: 'The main window has left briefing mode.',
  controls: 'Briefing controls',
};

export function briefingStrings(lang: Lang): BriefingStrings {
  return lang === 'ru' ? ru : en;
}

/** 75 s → "01:15"; an hour or more → "1:01:15". */
export function formatElapsed(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const mm = String(m).padStart(2, '0');
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${mm}:${ss}` : `${mm}:${ss}`;
}
