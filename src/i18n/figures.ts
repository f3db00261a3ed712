// How figures read in the interface language: values, units, periods, kinds, qualifiers and metric names.
import type { Lang, Localized } from '../domain/feature.ts';
import type { Figure, FigureKind, Period, Qualifier, Unit } from '../domain/joined.ts';
import { dateFormat, numberFormat } from './formatters.ts';

const LOCALE: Record<Lang, string> = { ru: 'ru-RU', en: 'en-GB' };
// en-US writes compact numbers as 547M (en-GB: 547m).
const NUMBER_LOCALE: Record<Lang, string> = { ru: 'ru-RU', en: 'en-US' };

/** Metric keys of the pipeline's dictionary (src/pipeline/metrics.ts); a unit test keeps the two in step. */
export const METRIC_LABELS: Record<string, Localized> = {
  'trade-turnover': { ru: 'Товарооборот КЗ–АЗ', en: 'KZ–AZ trade turnover' },
  'transit-volume': { ru: 'Транзитные перевозки КЗ–АЗ', en: 'KZ–AZ transit volume' },
  'corridor-cargo-volume': { ru: 'Перевозки по ТМТМ', en: 'Middle Corridor cargo' },
  'cargo-volume': { ru: 'Объём грузов', en: 'Cargo volume' },
  'port-capacity': { ru: 'Мощность портов', en: 'Port capacity' },
  'container-throughput': { ru: 'Пропуск контейнеров', en: 'Container throughput' },
  'oil-transit': { ru: 'Транзит нефти', en: 'Oil transit' },
  'investment-fund': { ru: 'Инвестиционный фонд', en: 'Investment fund' },
  investment: { ru: 'Инвестиции', en: 'Investment' },
  'grain-import-share': { ru: 'Доля в импорте зерна АЗ', en: 'Share of AZ grain imports' },
  'grain-import-volume': { ru: 'Импорт зерна', en: 'Grain imports' },
  'companies-with-az-capital-in-kz': {
    ru: 'Компании с азербайджанским капиталом в Казахстане',
    en: 'Companies with Azerbaijani capital in Kazakhstan',
  },
  'companies-with-kz-capital-in-az': {
    ru: 'Компании с казахстанским капиталом в Азербайджане',
    en: 'Companies with Kazakh capital in Azerbaijan',
  },
  'power-capacity': { ru: 'Мощность', en: 'Power capacity' },
  'line-length': { ru: 'Длина линии', en: 'Line length' },
  unknown: { ru: 'Показатель не определён', en: 'Metric not identified' },
};

export function metricLabel(metric: string, lang: Lang): string {
  return METRIC_LABELS[metric]?.[lang] ?? metric;
}

export const KIND_LABELS: Record<FigureKind, Localized> = {
  actual: { ru: 'факт', en: 'actual' },
  target: { ru: 'цель', en: 'target' },
  forecast: { ru: 'прогноз', en: 'forecast' },
  capacity: { ru: 'мощность', en: 'capacity' },
  change: { ru: 'изменение', en: 'change' },
};

const QUALIFIER_PREFIX: Record<Qualifier, Localized> = {
  about: { ru: 'около ', en: 'about ' },
  over: { ru: 'свыше ', en: 'over ' },
  under: { ru: 'до ', en: 'under ' },
  exact: { ru: '', en: '' },
};

const UNIT_SUFFIX: Record<Unit, Localized> = {
  USD: { ru: '$', en: '$' },
  KZT: { ru: '₸', en: '₸' },
  AZN: { ru: '₼', en: '₼' },
  EUR: { ru: '€', en: '€' },
  t: { ru: 'т', en: 't' },
  TEU: { ru: 'ДФЭ', en: 'TEU' },
  km: { ru: 'км', en: 'km' },
  '%': { ru: '%', en: '%' },
  x: { ru: 'раз', en: '×' },
  count: { ru: '', en: '' },
  GW: { ru: 'ГВт', en: 'GW' },
  MW: { ru: 'МВт', en: 'MW' },
  year: { ru: 'лет', en: 'years' },
};

/** 547000000 USD → "547 млн $" / "$547M"; 6 x → "в 6 раз" / "6×"; 20 % → "20 %" / "20%". */
export function formatValue(value: number, unit: Unit, lang: Lang): string {
  const big = Math.abs(value) >= 10_000;
  const n = numberFormat(NUMBER_LOCALE[lang], {
    notation: big ? 'compact' : 'standard',
    compactDisplay: 'short',
    maximumFractionDigits: big ? 2 : 1,
  }).format(value);
  if (unit === 'x') return lang === 'ru' ? `в ${n} раза` : `${n}×`;
  if (unit === 'USD' && lang === 'en') return `$${n}`;
  const suffix = UNIT_SUFFIX[unit][lang];
  if (unit === '%') return lang === 'ru' ? `${n} %` : `${n}%`;
  return suffix === '' ? n : `${n} ${suffix}`;
}

export function formatFigure(f: Pick<Figure, 'value' | 'unit' | 'qualifier'>, lang: Lang): string {
  return `${QUALIFIER_PREFIX[f.qualifier][lang]}${formatValue(f.value, f.unit, lang)}`;
}

function formatMonth(ym: string, lang: Lang, withYear: boolean): string {
  const [y, m] = ym.split('-').map(Number);
  if (y === undefined || Number.isNaN(y)) return ym;
  if (m === undefined) return String(y);
  const opts: Intl.DateTimeFormatOptions = withYear
    ? { month: 'short', year: 'numeric', timeZone: 'UTC' }
    : { month: 'short', timeZone: 'UTC' };
  return dateFormat(LOCALE[lang], opts).format(new Date(Date.UTC(y, m - 1, 1)));
}

/** {2025-01, 2025-08} → "янв.–авг. 2025 г." / "Jan–Aug 2025"; {2024, 2024} → "2024". */
export function formatPeriod(p: Period | null, lang: Lang): string {
  if (p === null) return lang === 'ru' ? 'период не указан' : 'no period given';
  if (p.from === p.to) return p.from.length === 4 ? p.from : formatMonth(p.from, lang, true);
  const sameYear = p.from.slice(0, 4) === p.to.slice(0, 4);
  if (p.from.length === 7 && p.to.length === 7 && sameYear) {
    return `${formatMonth(p.from, lang, false)}–${formatMonth(p.to, lang, true)}`;
  }
  return `${p.from.length === 4 ? p.from : formatMonth(p.from, lang, true)}–${p.to.length === 4 ? p.to : formatMonth(p.to, lang, true)}`;
}
