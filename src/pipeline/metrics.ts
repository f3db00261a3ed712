// The metric dictionary: what a figure measures, told from trigger words in its clause. A later issue compares
// figures of the same metric and period across articles, so keys are stable and the list is the documentation.
// Rules are tried in order (specific before general); all patterns of a rule must occur, and the figure's unit
// must be one the metric can have, so "товарооборот" never labels a count of companies.
import type { Unit } from '../domain/joined.ts';

export interface MetricRule {
  metric: string;
  /** every pattern must match the (lower-case, ё → е) text */
  all: readonly RegExp[];
  units: readonly Unit[];
}

const MONEY: readonly Unit[] = ['USD', 'EUR', 'KZT', 'AZN'];
const CHANGE: readonly Unit[] = ['x', '%'];
const COMPANIES = /(?:компани|предприяти|структур|фирм|капитал)/u;
/** "<origin>ского капитала", "<origin>ских предприятий", "<origin>ских коммерческих структур" (one word between at most). */
function ownedBy(origin: string): RegExp {
  const what = '(?:компани|предприяти|структур|фирм|капитал)';
  return new RegExp(`${origin}\\p{L}{0,4}\\s${what}|${origin}\\p{L}{0,4}\\s\\p{L}{1,20}\\s${what}`, 'u');
}

export const METRIC_RULES: readonly MetricRule[] = [
  // The direction matters: whose capital, in which country. "компаний с участием азербайджанского капитала" in
  // Kazakhstan vs "казахстанских предприятий"/"с участием казахстанского капитала" in Azerbaijan.
  {
    metric: 'companies-with-az-capital-in-kz',
    all: [ownedBy('азербайджанск'), COMPANIES],
    units: ['count'],
  },
  {
    metric: 'companies-with-kz-capital-in-az',
    all: [ownedBy('казахстанск'), COMPANIES],
    units: ['count'],
  },
  { metric: 'grain-import-share', all: [/зерн/u, /импорт/u], units: ['%', 't', ...CHANGE] },
  { metric: 'investment-fund', all: [/инвестиционн\p{L}{0,4}\sфонд/u], units: MONEY },
  {
    metric: 'port-capacity',
    all: [/пропускн\p{L}{0,4}\sспособн/u, /порт/u],
    units: ['t', 'TEU', ...CHANGE],
  },
  { metric: 'container-throughput', all: [/контейнер/u], units: ['TEU', 'count', ...CHANGE] },
  {
    metric: 'corridor-cargo-volume',
    all: [/(?:перевоз|груз)/u, /(?:тмтм|транскаспийск|средн\p{L}{0,4}\sкоридор|срединн\p{L}{0,4}\sкоридор)/u],
    units: ['t', 'TEU', ...CHANGE],
  },
  {
    metric: 'oil-transit',
    all: [/нефт/u, /(?:транспортир|транзит|экспорт|прокач)/u],
    units: ['t', ...CHANGE],
  },
  { metric: 'transit-volume', all: [/транзит/u], units: ['t', 'TEU', ...CHANGE] },
  {
    metric: 'trade-turnover',
    all: [/(?:товарооборот|торговл)/u],
    units: [...MONEY, ...CHANGE],
  },
];

/** The first metric whose patterns all occur in `text` and which can have `unit`; null when none. */
export function metricOf(text: string, unit: Unit): string | null {
  const lower = text.toLowerCase().replace(/ё/g, 'е');
  return (
    METRIC_RULES.find((r) => r.units.includes(unit) && r.all.every((re) => re.test(lower)))?.metric ?? null
  );
}

export function metricAllowsUnit(metric: string, unit: Unit): boolean {
  return METRIC_RULES.some((r) => r.metric === metric && r.units.includes(unit));
}

/** What a sentence is about, whatever its figures: the first metric whose patterns all occur; null when none. */
export function topicOf(text: string): string | null {
  const lower = text.toLowerCase().replace(/ё/g, 'е');
  return METRIC_RULES.find((r) => r.all.every((re) => re.test(lower)))?.metric ?? null;
}
