// Interface text of the embed page and the Embed dialog, in the app's two languages.
import type { Lang } from '../domain/feature.ts';

export interface EmbedStrings {
  fullMap: string;
  fullMapTitle: string;
  legend: string;
  attribution: string;
  showPanel: string;
  hidePanel: string;
  /** MapLibre's cooperative-gestures hints (locale keys of CooperativeGesturesHandler) */
  coopWindows: string;
  coopMac: string;
  coopMobile: string;
  embed: string;
  dialogTitle: string;
  dialogIntro: string;
  loaderForm: string;
  loaderNote: string;
  iframeForm: string;
  iframeNote: string;
  copy: string;
  copied: string;
  close: string;
  theme: string;
  light: string;
  dark: string;
  showLegend: string;
  showControls: string;
  staticMode: string;
  height: string;
  frameTitle: string;
}

const ru: EmbedStrings = {
  fullMap: 'Полная карта ↗',
  fullMapTitle: 'Открыть полную карту в новой вкладке',
  legend: 'Легенда',
  attribution: 'Основа © Natural Earth · данные: geo-facts, статьи СМИ',
  showPanel: 'Показать подробности',
  hidePanel: 'Скрыть подробности',
  coopWindows: 'Чтобы изменить масштаб, прокручивайте с клавишей Ctrl',
  coopMac: 'Чтобы изменить масштаб, прокручивайте с клавишей ⌘',
  coopMobile: 'Двигайте карту двумя пальцами',
  embed: 'Встроить',
  dialogTitle: 'Встроить карту в страницу',
  dialogIntro:
    'Код показывает карту в её текущем виде: выбранный объект, язык, вид и фильтры. Карта загружается, только когда читатель до неё доходит, и не мешает прокрутке страницы.',
  loaderForm: 'Код со скриптом (рекомендуется)',
  loaderNote: 'Высота подстраивается под панель, события выбора и языка приходят на страницу.',
  iframeForm: 'Простой iframe (без скрипта)',
  iframeNote: 'Работает везде, где разрешён iframe; высота фиксирована.',
  copy: 'Копировать',
  copied: 'Скопировано',
  close: 'Закрыть',
  theme: 'Тема',
  light: 'светлая',
  dark: 'тёмная',
  showLegend: 'Легенда',
  showControls: 'Кнопки управления',
  staticMode: 'Статичная картинка (без WebGL)',
  height: 'Высота, px',
  frameTitle: 'Карта каспийских коридоров',
};

const en: EmbedStrings = {
  fullMap: 'Full map ↗',
  fullMapTitle: 'Open the full map in a new tab',
  legend: 'Legend',
  attribution: 'Basemap © Natural Earth · data: geo-facts, news articles',
  showPanel: 'Show details',
  hidePanel: 'Hide details',
  coopWindows: 'Use Ctrl + scroll to zoom the map',
  coopMac: 'Use ⌘ + scroll to zoom the map',
  coopMobile: 'Use two fingers to move the map',
  embed: 'Embed',
  dialogTitle: 'Embed the map in a page',
  dialogIntro:
    'The code shows the map as it is now: the selected feature, language, view and filters. It loads only when the reader reaches it and never takes over page scrolling.',
  loaderForm: 'With the loader script (recommended)',
  loaderNote: 'Its height follows the panel; selection and language events reach the page.',
  iframeForm: 'Plain iframe (no script)',
  iframeNote: 'Works wherever an iframe is allowed; fixed height.',
  copy: 'Copy',
  copied: 'Copied',
  close: 'Close',
  theme: 'Theme',
  light: 'light',
  dark: 'dark',
  showLegend: 'Legend',
  showControls: 'Controls',
  staticMode: 'Static picture (no WebGL)',
  height: 'Height, px',
  frameTitle: 'Map of the Caspian corridors',
};

export function embedStrings(lang: Lang): EmbedStrings {
  return lang === 'en' ? en : ru;
}
