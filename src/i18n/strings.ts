// Interface text in the two languages the app ships. Quotes and article text stay in their original language.
import type { Accuracy, FeatureKind, Lang, Status } from '../domain/feature.ts';
import { dateFormat, numberFormat } from './formatters.ts';

export interface Strings {
  appTitle: string;
  appSubtitle: string;
  overviewHeading: string;
  overviewIntro: string;
  overviewFiguresHeading: string;
  overviewFiguresNone: string;
  featureListHeading: string;
  legendHeading: string;
  legendStatus: string;
  legendSchematic: string;
  status: string;
  kind: string;
  officialLength: string;
  drawnLength: string;
  capacity: string;
  operator: string;
  milestones: string;
  accuracy: string;
  sources: string;
  partOf: string;
  parts: string;
  mentions: string;
  mentionsOfParts: string;
  noMentions: string;
  openArticle: string;
  close: string;
  back: string;
  chooserHeading: string;
  outletUnknown: string;
  articleHeading: string;
  speaker: string;
  km: string;
  asOf: string;
  language: string;
  showKind: string;
  noWebgl: string;
  articlesCount: (n: number) => string;
  statusOn: string;
  notYet: string;
  overdue: string;
  overdueBanner: (n: number) => string;
  mentionsCount: (n: number) => string;
  /** mentions or an article text on their way from the server */
  loading: string;
  loadFailed: string;
  retry: string;
  /** the next part of a long list */
  showMore: (n: number) => string;
  /** the overview lists the newest; this loads the rest */
  showAllArticles: (n: number) => string;
  showAllFigures: (n: number) => string;
  kinds: Record<FeatureKind, string>;
  kindsPlural: Record<FeatureKind, string>;
  statuses: Record<Status, string>;
  accuracies: Record<Accuracy, string>;
}

function ruPlural(n: number, one: string, few: string, many: string): string {
  const mod10 = n % 10;
  const mod100 = n % 100;
  if (mod10 === 1 && mod100 !== 11) return one;
  if (mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14)) return few;
  return many;
}

const ru: Strings = {
  appTitle: 'Каспийские коридоры',
  appSubtitle:
    'Транспортные и энергетические маршруты между Казахстаном и Азербайджаном и что о них пишет пресса',
  overviewHeading: 'Обзор',
  overviewIntro:
    'Карта показывает Средний коридор (ТМТМ), порты Актау, Курык и Баку (Алят), железную дорогу Баку–Тбилиси–Карс, Зангезурский маршрут, каспийские кабели и нефтепровод Баку–Тбилиси–Джейхан. Выберите объект на карте или в списке, чтобы увидеть его данные и все упоминания в статьях.',
  overviewFiguresHeading: 'Цифры, не привязанные к маршруту',
  overviewFiguresNone: 'Нет предложений с цифрами без привязки к объекту.',
  featureListHeading: 'Все объекты',
  legendHeading: 'Легенда',
  legendStatus: 'Статус',
  legendSchematic: 'Схематично: точная трасса неизвестна',
  status: 'Статус',
  kind: 'Тип',
  officialLength: 'Официальная длина',
  drawnLength: 'Длина на карте',
  capacity: 'Мощность',
  operator: 'Оператор',
  milestones: 'Этапы',
  accuracy: 'Точность линии',
  sources: 'Источники',
  partOf: 'Входит в',
  parts: 'Составные части',
  mentions: 'Упоминания в статьях',
  mentionsOfParts: 'Упоминания составных частей',
  noMentions: 'В статьях не упоминается.',
  openArticle: 'Открыть статью',
  close: 'Закрыть',
  back: 'Назад',
  chooserHeading: 'Здесь несколько объектов',
  outletUnknown: 'издание не указано',
  articleHeading: 'Статья',
  speaker: 'Говорит',
  km: 'км',
  asOf: 'на',
  language: 'Язык',
  showKind: 'Показывать',
  noWebgl: 'Карта недоступна: браузер не поддерживает WebGL2. Список объектов и панели работают.',
  articlesCount: (n) => `${n} ${ruPlural(n, 'статья', 'статьи', 'статей')}`,
  statusOn: 'Статус на',
  notYet: 'ещё не существовал',
  overdue: 'срок прошёл, выполнение не подтверждено',
  overdueBanner: (n) =>
    n === 1 ? 'Плановый срок прошёл без подтверждения' : `${n} плановых срока прошли без подтверждения`,
  mentionsCount: (n) => `${n} ${ruPlural(n, 'упоминание', 'упоминания', 'упоминаний')}`,
  loading: 'Загрузка…',
  loadFailed: 'Не удалось загрузить данные.',
  retry: 'Повторить',
  showMore: (n) => `Показать ещё ${n}`,
  showAllArticles: (n) => `Все ${n} ${ruPlural(n, 'статья', 'статьи', 'статей')}`,
  showAllFigures: (n) => `Все ${n} ${ruPlural(n, 'предложение', 'предложения', 'предложений')} с цифрами`,
  kinds: {
    corridor: 'Коридор',
    rail: 'Железная дорога',
    'sea-route': 'Морской маршрут',
    port: 'Порт',
    'fiber-cable': 'Волоконно-оптический кабель',
    'power-cable': 'Силовой кабель',
    pipeline: 'Трубопровод',
    'oil-field': 'Месторождение',
    place: 'Город',
  },
  kindsPlural: {
    corridor: 'Коридоры',
    rail: 'Железные дороги',
    'sea-route': 'Морские маршруты',
    port: 'Порты',
    'fiber-cable': 'Оптические кабели',
    'power-cable': 'Силовые кабели',
    pipeline: 'Трубопроводы',
    'oil-field': 'Месторождения',
    place: 'Города',
  },
  statuses: {
    operational: 'Действует',
    'under-construction': 'Строится',
    planned: 'Планируется',
    agreed: 'Согласован',
    proposed: 'Предложен',
  },
  accuracies: {
    schematic: 'Схематично: трасса не опубликована, линия лишь показывает связь',
    approximate: 'Приблизительно: по опорным точкам в региональном масштабе',
    surveyed: 'По съёмке',
  },
};

const en: Strings = {
  appTitle: 'Caspian corridors',
  appSubtitle:
    'Transport and energy routes between Kazakhstan and Azerbaijan, and what the press says about them',
  overviewHeading: 'Overview',
  overviewIntro:
    'The map shows the Middle Corridor (TITR), the ports of Aktau, Kuryk and Baku (Alat), the Baku–Tbilisi–Kars railway, the Zangezur route, the Caspian cables and the Baku–Tbilisi–Ceyhan pipeline. Choose a feature on the map or in the list to see its facts and every mention in the articles.',
  overviewFiguresHeading: 'Figures not tied to a route',
  overviewFiguresNone: 'No sentences with figures outside the features.',
  featureListHeading: 'All features',
  legendHeading: 'Legend',
  legendStatus: 'Status',
  legendSchematic: 'Schematic: exact route unknown',
  status: 'Status',
  kind: 'Kind',
  officialLength: 'Official length',
  drawnLength: 'Drawn length',
  capacity: 'Capacity',
  operator: 'Operator',
  milestones: 'Milestones',
  accuracy: 'Line accuracy',
  sources: 'Sources',
  partOf: 'Part of',
  parts: 'Parts',
  mentions: 'Mentions in articles',
  mentionsOfParts: 'Mentions of its parts',
  noMentions: 'Not mentioned in the articles.',
  openArticle: 'Open article',
  close: 'Close',
  back: 'Back',
  chooserHeading: 'Several features here',
  outletUnknown: 'outlet not named',
  articleHeading: 'Article',
  speaker: 'Speaker',
  km: 'km',
  asOf: 'as of',
  language: 'Language',
  showKind: 'Show',
  noWebgl: 'The map is unavailable: this browser has no WebGL2. The list and panels still work.',
  articlesCount: (n) => `${n} article${n === 1 ? '' : 's'}`,
  statusOn: 'Status on',
  notYet: 'did not exist yet',
  overdue: 'date passed, not confirmed as met',
  overdueBanner: (n) =>
    n === 1 ? 'A planned date has passed unconfirmed' : `${n} planned dates have passed unconfirmed`,
  mentionsCount: (n) => `${n} mention${n === 1 ? '' : 's'}`,
  loading: 'Loading…',
  loadFailed: 'The data could not be loaded.',
  retry: 'Try again',
  showMore: (n) => `Show ${n} more`,
  showAllArticles: (n) => `All ${n} article${n === 1 ? '' : 's'}`,
  showAllFigures: (n) => `All ${n} sentence${n === 1 ? '' : 's'} with figures`,
  kinds: {
    corridor: 'Corridor',
    rail: 'Railway',
    'sea-route': 'Sea route',
    port: 'Port',
    'fiber-cable': 'Fibre-optic cable',
    'power-cable': 'Power cable',
    pipeline: 'Pipeline',
    'oil-field': 'Oil field',
    place: 'City',
  },
  kindsPlural: {
    corridor: 'Corridors',
    rail: 'Railways',
    'sea-route': 'Sea routes',
    port: 'Ports',
    'fiber-cable': 'Fibre-optic cables',
    'power-cable': 'Power cables',
    pipeline: 'Pipelines',
    'oil-field': 'Oil fields',
    place: 'Cities',
  },
  statuses: {
    operational: 'Operational',
    'under-construction': 'Under construction',
    planned: 'Planned',
    agreed: 'Agreed',
    proposed: 'Proposed',
  },
  accuracies: {
    schematic: 'Schematic: the route is not published; the line only shows the link',
    approximate: 'Approximate: drawn through waypoints at regional scale',
    surveyed: 'Surveyed',
  },
};

export const STRINGS: Record<Lang, Strings> = { ru, en };

export function strings(lang: Lang): Strings {
  return STRINGS[lang];
}

/** An article's outlet as the interface shows it: its name, or "outlet not named" where the text names none. */
export function outletName(source: string | null | undefined, lang: Lang): string {
  return source ?? STRINGS[lang].outletUnknown;
}

const LOCALES: Record<Lang, string> = { ru: 'ru-RU', en: 'en-GB' };

/** Dates as the reader expects them in the interface language: 21 окт. 2025 / 21 Oct 2025. */
export function formatDate(iso: string, lang: Lang): string {
  const parts = iso.split('-').map(Number);
  const [y, m, d] = parts;
  if (y === undefined || Number.isNaN(y)) return iso;
  if (m === undefined) return String(y);
  const date = new Date(Date.UTC(y, m - 1, d ?? 1));
  const opts: Intl.DateTimeFormatOptions =
    d === undefined
      ? { year: 'numeric', month: 'long', timeZone: 'UTC' }
      : { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' };
  return dateFormat(LOCALES[lang], opts).format(date);
}

export function formatKm(km: number, lang: Lang): string {
  return `${numberFormat(LOCALES[lang], { maximumFractionDigits: 0 }).format(km)} ${STRINGS[lang].km}`;
}
