// The metric dictionary: what a figure measures, told from trigger words in its clause. ./compare.ts compares
// figures of the same metric and period across articles, so keys are stable and the list is the documentation.
// Rules are tried in order (specific before general); all patterns of a rule must occur, and the figure's unit
// must be one the metric can have, so "товарооборот" never labels a count of companies. New articles bring new
// metrics: add a rule here (and a fixture line in tests/fixtures/pipeline/figures/metrics.txt).
//
// The keys assume the corpus's subject, Azerbaijan–Kazakhstan relations: "trade-turnover" is the trade between the
// two countries. A figure about another pair of countries would get the same key (a known gap); metrics whose
// value belongs to one feature (a port, a line) say so with `scope`, and ./compare.ts compares those only
// between mentions naming the same features.
import type { Unit } from '../domain/joined.ts';
import { toLower } from './char-class.ts';

/**
 * `flow`: summed over its period (trade, cargo carried) — a longer period holds at least as much as a period
 * inside it, and the same amount for two different periods is suspicious. `level`: a state (capacity, a count of
 * companies, a share) — figures for overlapping periods should agree.
 */
export type MetricNature = 'flow' | 'level';
/**
 * `corpus`: the key says everything (trade between the two countries). `feature`: the value belongs to a feature
 * the sentence names (a port's capacity, a line's length), so two figures are comparable only for the same one.
 */
export type MetricScope = 'corpus' | 'feature';

export interface MetricRule {
  metric: string;
  /** every pattern must match the (lower-case, ё → е) text */
  all: readonly RegExp[];
  units: readonly Unit[];
  nature: MetricNature;
  scope: MetricScope;
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
    nature: 'level',
    scope: 'corpus',
  },
  {
    metric: 'companies-with-kz-capital-in-az',
    all: [ownedBy('казахстанск'), COMPANIES],
    units: ['count'],
    nature: 'level',
    scope: 'corpus',
  },
  // "обеспечив около 85% всего импорта [зерна]": a share, so % only; tonnes of grain are a volume.
  {
    metric: 'grain-import-share',
    all: [/зерн/u, /импорт/u],
    units: ['%', 'x'],
    nature: 'level',
    scope: 'corpus',
  },
  {
    metric: 'grain-import-volume',
    all: [/зерн/u, /(?:импорт|постав|экспорт)/u],
    units: ['t', ...CHANGE],
    nature: 'flow',
    scope: 'corpus',
  },
  {
    metric: 'investment-fund',
    all: [/инвестиционн\p{L}{0,4}\sфонд/u],
    units: MONEY,
    nature: 'level',
    scope: 'corpus',
  },
  {
    metric: 'port-capacity',
    all: [/(?:пропускн\p{L}{0,4}\sспособн|мощност)/u, /порт/u],
    units: ['t', 'TEU', ...CHANGE],
    nature: 'level',
    scope: 'feature',
  },
  {
    metric: 'container-throughput',
    all: [/контейнер/u],
    units: ['TEU', 'count', ...CHANGE],
    nature: 'flow',
    scope: 'feature',
  },
  {
    metric: 'corridor-cargo-volume',
    all: [/(?:перевоз|груз)/u, /(?:тмтм|транскаспийск|средн\p{L}{0,4}\sкоридор|срединн\p{L}{0,4}\sкоридор)/u],
    units: ['t', 'TEU', ...CHANGE],
    nature: 'flow',
    scope: 'corpus',
  },
  {
    metric: 'oil-transit',
    all: [/нефт/u, /(?:транспортир|транзит|экспорт|прокач)/u],
    units: ['t', ...CHANGE],
    nature: 'flow',
    scope: 'corpus',
  },
  {
    metric: 'transit-volume',
    all: [/транзит/u],
    units: ['t', 'TEU', ...CHANGE],
    nature: 'flow',
    scope: 'corpus',
  },
  {
    metric: 'trade-turnover',
    all: [/(?:товарооборот|торговл)/u],
    units: [...MONEY, ...CHANGE],
    nature: 'flow',
    scope: 'corpus',
  },
  // TEU count containers whatever the sentence says ("порт обработал 300 тыс. ДФЭ").
  { metric: 'container-throughput', all: [], units: ['TEU'], nature: 'flow', scope: 'feature' },
  // General metrics, after the specific ones above; their value belongs to what the sentence names.
  {
    metric: 'cargo-volume',
    all: [/(?:грузооборот|грузопоток|перевоз|перевез|груз)/u],
    units: ['t', 'TEU', ...CHANGE],
    nature: 'flow',
    scope: 'feature',
  },
  {
    // nouns only: "инвестиционный климат" is not an amount invested
    metric: 'investment',
    all: [/инвестици(?:я|и|й|ю|ям|ями|ях)(?!\p{L})/u],
    units: MONEY,
    nature: 'flow',
    scope: 'feature',
  },
  {
    metric: 'power-capacity',
    all: [/(?:мощност|энерг|электр|кабел|станци)/u],
    units: ['GW', 'MW'],
    nature: 'level',
    scope: 'feature',
  },
  {
    // "224-километровой ж/д ветки", "кабель протяженностью 380 км"
    metric: 'line-length',
    all: [/(?:ветк|лини|дорог|магистрал|протяж|участ|трасс|кабел|трубопровод|ж\/д)/u],
    units: ['km'],
    nature: 'level',
    scope: 'feature',
  },
];

/** The first metric whose patterns all occur in `text` and which can have `unit`; null when none. */
export function metricOf(text: string, unit: Unit): string | null {
  const rules = RULES_BY_UNIT.get(unit);
  if (rules === undefined) return null;
  const lower = lowerYo(text);
  for (const r of rules) if (allMatch(r.all, lower)) return r.metric;
  return null;
}

/** The rules that can have each unit, in rule order: asked for every figure, so not filtered each time. */
const RULES_BY_UNIT = new Map<Unit, MetricRule[]>();
for (const r of METRIC_RULES) {
  for (const unit of r.units) {
    const list = RULES_BY_UNIT.get(unit);
    if (list === undefined) RULES_BY_UNIT.set(unit, [r]);
    else if (!list.includes(r)) list.push(r);
  }
}

function allMatch(patterns: readonly RegExp[], lower: string): boolean {
  for (const re of patterns) if (!re.test(lower)) return false;
  return true;
}

export function metricAllowsUnit(metric: string, unit: Unit): boolean {
  return METRIC_RULES.some((r) => r.metric === metric && r.units.includes(unit));
}

/** What a sentence is about, whatever its figures: the first metric whose patterns all occur; null when none. */
export function topicOf(text: string): string | null {
  const lower = lowerYo(text);
  // A rule with no trigger words (TEU → containers) tells the unit's metric, not what a sentence is about.
  return METRIC_RULES.find((r) => r.all.length > 0 && r.all.every((re) => re.test(lower)))?.metric ?? null;
}

/**
 * Lower case, ё → е: the same string as `text.toLowerCase().replace(/ё/g, 'е')`, without new strings when the
 * text is so already (a clause of figures.ts, lower-cased once per sentence).
 */
function lowerYo(text: string): string {
  const lower = toLower(text);
  return lower.includes('ё') ? lower.replace(/ё/g, 'е') : lower;
}

const RULE_OF = new Map(METRIC_RULES.map((r) => [r.metric, r]));

/** How a metric's figures add up over time; null for 'unknown' and keys not in the dictionary. */
export function metricNature(metric: string): MetricNature | null {
  return RULE_OF.get(metric)?.nature ?? null;
}

export function metricScope(metric: string): MetricScope | null {
  return RULE_OF.get(metric)?.scope ?? null;
}
