// Figures in a sentence, normalised per the joined-data contract: value and unit ("547 млн долларов" → 547000000
// USD, "в 6 раз" → 6 x, "224-километровой" → 224 km), the exact span read (`raw`, qualifier words included),
// the qualifier (около → about, свыше → over…), the metric (./metrics.ts), the period (./periods.ts) and the kind.
//
// First version, built to be extended: a table of unit patterns (`UNITS`) after a number parser (./numbers.ts).
// Not quantities: years and dates ("в 2024 году", "20-21 октября", "2022-2026 годы"), durations ("20 лет",
// "пять лет"), ordinals ("восьмым", "второе", "12-й", "20-летие"), digits inside names ("СОР29"), and small number
// words without a unit ("двух стран"). Everything works on one lexeme list, so extraction is linear in the text.
import type { Figure, FigureKind, Period, Qualifier, Unit } from '../domain/joined.ts';
import { metricAllowsUnit, metricOf } from './metrics.ts';
import { type Lexeme, lexemes, type NumberRead, readNumber, timesAdverbOf } from './numbers.ts';
import { findPeriods, type PeriodSpan } from './periods.ts';
import { lowerSameLength } from './text.ts';

export interface FigureContext {
  /** YYYY-MM-DD: "в этом году", "за последние пять лет" are read against it */
  articleDate: string;
  /** the metric of the previous sentence of the paragraph, for "он уже составил…", "увеличить его до…" */
  previousMetric?: string | null;
}

export interface LocatedFigure {
  figure: Figure;
  /** UTF-16 offsets of `raw` in the sentence */
  start: number;
  end: number;
}

export function extractFigures(sentence: string, context: FigureContext): Figure[] {
  return locateFigures(sentence, context).map((f) => f.figure);
}

interface Quantity {
  value: number;
  unit: Unit;
  /** lexeme range of the quantity, qualifier excluded */
  from: number;
  to: number;
  /** "на 20%": a change, not a share */
  byNa: boolean;
}

export function locateFigures(sentence: string, context: FigureContext): LocatedFigure[] {
  const lx = lexemes(sentence);
  const quantities: Quantity[] = [];
  for (let i = 0; i < lx.length; i++) {
    const q = quantityAt(sentence, lx, i, quantities[quantities.length - 1] ?? null);
    if (q === null) continue;
    quantities.push(q);
    i = q.to - 1;
  }
  if (quantities.length === 0) return [];
  const clauses = new ClauseIndex(
    sentence,
    findPeriods(sentence, context.articleDate),
    context.previousMetric ?? null,
  );
  return quantities.map((q) => {
    const qualifier = qualifierBefore(lx, q.from);
    const start = (lx[qualifier.from] as Lexeme).start;
    const end = (lx[q.to - 1] as Lexeme).end;
    const clause = clauses.at(start);
    const kind = kindOf(q, clause);
    const upTo = qualifier.upTo && kind !== 'target' && !clause.changeVerb;
    const rawStart = upTo ? (lx[q.from - 1] as Lexeme).start : start;
    const figure: Figure = {
      value: q.value,
      unit: q.unit,
      raw: sentence.slice(rawStart, end),
      qualifier: upTo ? 'under' : qualifier.qualifier,
      metric: clauses.metric(clause, q.unit),
      period: periodFor(clause, start, kind),
      kind,
    };
    return { figure, start: rawStart, end };
  });
}

// ---- units -------------------------------------------------------------------------------------------------

interface UnitRule {
  unit: Unit;
  /** how many lexemes from `j` the unit takes (0 = not this unit) */
  read: (lx: readonly Lexeme[], j: number, n: NumberRead) => number;
}

const word = (lx: readonly Lexeme[], j: number, re: RegExp): boolean =>
  lx[j]?.kind === 'word' && re.test((lx[j] as Lexeme).lower);
const sym = (lx: readonly Lexeme[], j: number, c: string): boolean =>
  lx[j]?.kind === 'sym' && lx[j]?.text === c;

/** The unit table. Order matters only where two could read the same words. */
const UNITS: readonly UnitRule[] = [
  { unit: '%', read: (lx, j) => (sym(lx, j, '%') || word(lx, j, /^процент/) ? 1 : 0) },
  {
    unit: 'USD',
    read: (lx, j) => {
      if (!word(lx, j, /^(?:долл|доллар\p{L}{0,3})$/u)) return 0;
      let k = j + 1;
      if (sym(lx, k, '.') && lx[k]?.start === lx[j]?.end && word(lx, k + 1, /^сша$/)) k++;
      if (word(lx, k, /^сша$/)) k++;
      return k - j;
    },
  },
  { unit: 'EUR', read: (lx, j) => (word(lx, j, /^евро$/) ? 1 : 0) },
  { unit: 'KZT', read: (lx, j) => (word(lx, j, /^тенге$/) ? 1 : 0) },
  { unit: 'AZN', read: (lx, j) => (word(lx, j, /^манат\p{L}{0,3}$/u) ? 1 : 0) },
  {
    unit: 't',
    read: (lx, j, n) => (word(lx, j, /^тонн\p{L}{0,3}$/u) || (n.scaled && word(lx, j, /^т$/)) ? 1 : 0),
  },
  { unit: 'km', read: (lx, j) => (word(lx, j, /^(?:км|километр\p{L}{0,3})$/u) ? 1 : 0) },
  { unit: 'TEU', read: (lx, j) => (word(lx, j, /^(?:teu|дфэ)$/) ? 1 : 0) },
  { unit: 'GW', read: (lx, j) => (word(lx, j, /^(?:гвт|гигаватт\p{L}{0,3})$/u) ? 1 : 0) },
  { unit: 'MW', read: (lx, j) => (word(lx, j, /^(?:мвт|мегаватт\p{L}{0,3})$/u) ? 1 : 0) },
];

const MONTH_WORD = /^(?:январ|феврал|март|апрел|ма[йяе]|июн|июл|август|сентябр|октябр|ноябр|декабр)/;
/** Durations and calendar words: a number before them is a date, a year or a span of time, not a quantity. */
const TIME_WORD =
  /^(?:год|года|году|годом|годы|годов|годам|годах|лет|г|гг|месяц\p{L}{0,3}|недел\p{L}{0,3}|дн\p{L}{0,3}|день|сут\p{L}{0,3}|час\p{L}{0,3}|минут\p{L}{0,3}|секунд\p{L}{0,3}|век\p{L}{0,3}|десятилети\p{L}{0,3}|квартал\p{L}{0,3}|полугоди\p{L}{0,3}|раз|раза)$/u;
/** Words that cannot be what is counted: prepositions, conjunctions, particles. */
const FUNCTION_WORD =
  /^(?:в|во|на|и|или|с|со|по|до|из|за|от|к|у|о|об|для|при|а|но|что|как|чем|же|ли|не|ни|это|то|из-за|над|под|без|через|между)$/;
/** Plural oblique adjective endings: "казахстанских", "коммерческих" stand between a number and its noun. */
const ADJECTIVE = /(?:ых|их|ым|им|ыми|ими)$/;

/** The quantity starting at lexeme `i`, or null. */
function quantityAt(
  sentence: string,
  lx: readonly Lexeme[],
  i: number,
  previous: Quantity | null,
): Quantity | null {
  const here = lx[i] as Lexeme;
  // "вдвое", "втрое": a change by a factor.
  const adverb = here.kind === 'word' ? timesAdverbOf(here.lower) : null;
  if (adverb !== null) return { value: adverb, unit: 'x', from: i, to: i + 1, byNa: false };

  // "в 6 раз", "в три раза", "в полтора раза"
  if (here.kind === 'word' && (here.lower === 'в' || here.lower === 'во')) {
    const n = readNumber(sentence, lx, i + 1);
    if (n && !n.scaled && word(lx, n.to, /^раза?$/)) {
      return { value: n.value, unit: 'x', from: i, to: n.to + 1, byNa: false };
    }
    return null;
  }

  const n = here.kind === 'num' || here.kind === 'word' ? readNumber(sentence, lx, i) : null;
  if (n === null || isNotAQuantity(sentence, lx, n)) return null;
  const byNa = lx[i - 1]?.lower === 'на';
  const from = byNa && lx[i - 1] ? i - 1 : i;

  // "224-километровой": a length written as an adjective.
  if (sym(lx, n.to, '-') && adjacent(lx, n.to - 1, n.to) && adjacent(lx, n.to, n.to + 1)) {
    return word(lx, n.to + 1, /^километров\p{L}{0,3}$/u) && n.digits
      ? { value: n.value, unit: 'km', from: i, to: n.to + 2, byNa: false }
      : null;
  }
  // "$500 млн"
  if (sym(lx, i - 1, '$')) return { value: n.value, unit: 'USD', from: i - 1, to: n.to, byNa: false };

  for (const rule of UNITS) {
    const taken = rule.read(lx, n.to, n);
    if (taken > 0) {
      const unitFrom = rule.unit === '%' ? from : i;
      return {
        value: n.value,
        unit: rule.unit,
        from: unitFrom,
        to: n.to + taken,
        byNa: rule.unit === '%' && byNa,
      };
    }
  }
  if (word(lx, n.to, TIME_WORD) || word(lx, n.to, MONTH_WORD)) return null;

  const counted = countedNoun(lx, n.to);
  const bigEnough = n.digits ? !isYearLike(n) : n.scaled || n.value >= 100;
  if (counted !== null && bigEnough)
    return { value: n.value, unit: 'count', from: i, to: counted + 1, byNa: false };

  // "довести этот показатель до 1 млрд": a scaled number with no unit takes the unit of the figure before it.
  const inherits = previous !== null && n.scaled && ['USD', 'EUR', 'KZT', 'AZN', 't'].includes(previous.unit);
  if (inherits && previous) return { value: n.value, unit: previous.unit, from: i, to: n.to, byNa: false };
  return null;
}

function adjacent(lx: readonly Lexeme[], a: number, b: number): boolean {
  return lx[a] !== undefined && lx[b] !== undefined && (lx[a] as Lexeme).end === (lx[b] as Lexeme).start;
}

/** Digits glued to letters ("СОР29"), ranges ("20-21", "2022-2026"), "№ 5", ordinals ("12-й"). */
function isNotAQuantity(sentence: string, lx: readonly Lexeme[], n: NumberRead): boolean {
  if (!n.digits) return false;
  const before = lx[n.from - 1];
  const after = lx[n.to];
  if (before && adjacent(lx, n.from - 1, n.from) && before.kind === 'word') return true;
  if (after && adjacent(lx, n.to - 1, n.to) && after.kind === 'word') return true;
  if (before?.text === '№') return true;
  const dashBefore = before && /^[-–—]$/.test(before.text) && lx[n.from - 2]?.kind === 'num';
  const dashAfter = after && /^[-–—]$/.test(after.text) && lx[n.to + 1]?.kind === 'num';
  if ((dashBefore && /^\s?$/.test(sentence.slice(lx[n.from - 2]?.end ?? 0, n.from))) || dashAfter)
    return true;
  return false;
}

function isYearLike(n: NumberRead): boolean {
  const v = Number(n.integer);
  return !n.scaled && n.integer !== null && n.integer.length === 4 && v >= 1900 && v <= 2100;
}

/** Index of the noun counted after a number ("около 150 казахстанских предприятий" → предприятий), or null. */
function countedNoun(lx: readonly Lexeme[], j: number): number | null {
  for (let k = j; k < j + 3; k++) {
    const w = lx[k];
    if (w?.kind !== 'word' || w.text !== w.lower || !/^\p{Script=Cyrillic}+$/u.test(w.text)) return null;
    if (FUNCTION_WORD.test(w.lower) || TIME_WORD.test(w.lower) || MONTH_WORD.test(w.lower)) return null;
    if (k > j && !adjacentBySpace(lx, k - 1, k)) return null;
    if (!ADJECTIVE.test(w.lower)) return k;
  }
  return null;
}

function adjacentBySpace(lx: readonly Lexeme[], a: number, b: number): boolean {
  const x = lx[a];
  const y = lx[b];
  return x !== undefined && y !== undefined && y.start - x.end === 1;
}

// ---- qualifier -----------------------------------------------------------------------------------------------

const FILLERS = new Set(['чем', 'в', 'на']);
const TWO_WORD_QUALIFIERS: Record<string, Qualifier> = {
  'не более': 'under',
  'не больше': 'under',
  'не превышает': 'under',
  'не менее': 'over',
  'не меньше': 'over',
};
const ONE_WORD_QUALIFIERS: [RegExp, Qualifier][] = [
  [/^(?:около|почти|примерно|приблизительно|порядка|ориентировочно)$/, 'about'],
  [/^(?:свыше|более|больше|превыша\p{L}{0,6}|превыси\p{L}{0,3})$/u, 'over'],
  [/^(?:менее|меньше|ниже)$/, 'under'],
];

/**
 * The qualifier words right before lexeme `from` ("более чем втрое", "почти в три раза"), if any. A bare "до"
 * ("мощность до 10 млн тонн") is reported as `upTo`: it means "at most" unless a verb of change or a target
 * makes it the value reached ("увеличить до", "вырос с 2 до 3"), which the caller decides from the clause.
 */
function qualifierBefore(
  lx: readonly Lexeme[],
  from: number,
): { qualifier: Qualifier; from: number; upTo: boolean } {
  if (lx[from - 1]?.lower === 'до' && lx[from - 1]?.kind === 'word')
    return { qualifier: 'exact', from, upTo: true };
  let k = from - 1;
  while (k >= 0 && k >= from - 2 && lx[k]?.kind === 'word' && FILLERS.has((lx[k] as Lexeme).lower)) k--;
  const one = lx[k];
  if (one?.kind !== 'word') return { qualifier: 'exact', from, upTo: false };
  const two = lx[k - 1];
  if (two?.kind === 'word') {
    const q = TWO_WORD_QUALIFIERS[`${two.lower} ${one.lower}`];
    if (q) return { qualifier: q, from: k - 1, upTo: false };
  }
  for (const [re, q] of ONE_WORD_QUALIFIERS)
    if (re.test(one.lower)) return { qualifier: q, from: k, upTo: false };
  return { qualifier: 'exact', from, upTo: false };
}

// ---- clause, kind, metric, period ------------------------------------------------------------------------------

/** What the words around a figure say, computed once per clause so that a long sentence stays linear. */
interface Clause {
  /** UTF-16 range of the context: the clause, plus the one before it when a dash joins them */
  start: number;
  end: number;
  target: boolean;
  forecast: boolean;
  capacity: boolean;
  changeVerb: boolean;
  /** periods inside the context, in text order */
  periods: PeriodSpan[];
  /** the last period of the sentence before the context */
  earlier: PeriodSpan | null;
  lower: string;
  metricByUnit: Map<Unit, string | null>;
}

/**
 * Clauses are cut at commas, semicolons, colons, brackets and spaced dashes (a comma between digits is a decimal
 * comma). A clause right after a dash also sees the clause before it: "мощность станции — 1,2 ГВт" says "is".
 */
class ClauseIndex {
  // Plain fields, not constructor parameter properties: the file must also run under Node's type stripping.
  private readonly sentence: string;
  private readonly periods: readonly PeriodSpan[];
  private readonly previousMetric: string | null;
  private readonly cuts: number[] = [0];
  private readonly dashBefore: boolean[] = [false];
  private readonly cache = new Map<number, Clause>();
  private readonly lower: string;
  private readonly sentenceMetric = new Map<Unit, string | null>();
  private readonly anaphora: boolean;

  constructor(sentence: string, periods: readonly PeriodSpan[], previousMetric: string | null) {
    this.sentence = sentence;
    this.periods = periods;
    this.previousMetric = previousMetric;
    this.lower = lowerSameLength(sentence).replace(/ё/g, 'е');
    this.anaphora = ANAPHORA.test(this.lower);
    for (let i = 0; i < sentence.length; i++) {
      const c = sentence.charAt(i);
      const comma = c === ',' && !(/\d/.test(sentence.charAt(i - 1)) && /\d/.test(sentence.charAt(i + 1)));
      const dash = /[-–—]/.test(c) && sentence.charAt(i - 1) === ' ' && sentence.charAt(i + 1) === ' ';
      if (comma || dash || ';:()'.includes(c)) {
        this.cuts.push(i + 1);
        this.dashBefore.push(dash);
      }
    }
  }

  /** The clause containing offset `at`. */
  at(at: number): Clause {
    let lo = 0;
    let hi = this.cuts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.cuts[mid] as number) <= at) lo = mid;
      else hi = mid - 1;
    }
    const cached = this.cache.get(lo);
    if (cached) return cached;
    const start = this.dashBefore[lo] && lo > 0 ? (this.cuts[lo - 1] as number) : (this.cuts[lo] as number);
    const end = lo + 1 < this.cuts.length ? (this.cuts[lo + 1] as number) - 1 : this.sentence.length;
    const lower = this.lower.slice(start, end);
    // Periods are sorted and do not overlap: binary search keeps this linear however many clauses there are.
    const first = firstIndex(this.periods, (p) => p.start >= start);
    const inside: PeriodSpan[] = [];
    for (let k = first; k < this.periods.length && (this.periods[k] as PeriodSpan).end <= end; k++) {
      inside.push(this.periods[k] as PeriodSpan);
    }
    const earlier = this.periods[firstIndex(this.periods, (p) => p.end > start) - 1] ?? null;
    const clause: Clause = {
      start,
      end,
      target: inside.some((p) => p.deadline) || TARGET.test(lower) || RAISE_TO.test(lower),
      forecast: FORECAST.test(lower),
      capacity: CAPACITY.test(lower),
      changeVerb: CHANGE_VERB.test(lower),
      periods: inside,
      earlier,
      lower,
      metricByUnit: new Map(),
    };
    this.cache.set(lo, clause);
    return clause;
  }

  /** The clause's metric, else the sentence's, else the previous sentence's through an anaphor; or 'unknown'. */
  metric(clause: Clause, unit: Unit): string {
    if (!clause.metricByUnit.has(unit)) clause.metricByUnit.set(unit, metricOf(clause.lower, unit));
    if (!this.sentenceMetric.has(unit)) this.sentenceMetric.set(unit, metricOf(this.lower, unit));
    const own = clause.metricByUnit.get(unit) ?? this.sentenceMetric.get(unit) ?? null;
    if (own !== null) return own;
    const previous = this.previousMetric;
    if (previous !== null && this.anaphora && metricAllowsUnit(previous, unit)) return previous;
    return 'unknown';
  }
}

const TARGET =
  /(?:довести|доведени|нарастить|планиру|запланирова|(?<!\p{L})цел[ьи](?!\p{L})|намерен|намечен|стремя|ставят\sцель)/u;
/** "увеличить до …", "увеличить его до …", "увеличить товарооборот страны до …" (at most two words between). */
const RAISE_TO =
  /(?:увеличить|повысить|поднять|нарастить)\s(?:до|\p{L}{1,20}\sдо|\p{L}{1,20}\s\p{L}{1,20}\sдо)(?!\p{L})/u;
/** Verbs after which "до N" is the value reached, not an upper bound. */
const CHANGE_VERB =
  /(?:увелич|вырос|вырас|сократ|сниз|довед|довест|нарасти|повыс|расшир|достиг|дорос|упал|опуст)/u;
const FORECAST = /(?:прогноз|ожида|увеличит(?:ся)?(?!\p{L})|составит|достигнет|вырастет|превысит)/u;
const CAPACITY = /(?:пропускн\p{L}{0,4}\sспособн|мощност)/u;

/** The first index whose item satisfies `test`, for a `test` that is false and then true along the list. */
function firstIndex<T>(list: readonly T[], test: (item: T) => boolean): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (test(list[mid] as T)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** target (plans, goals, deadlines) > change (x, "на N%") > forecast > capacity > actual. */
function kindOf(q: Quantity, clause: Clause): FigureKind {
  if (clause.target) return 'target';
  if (q.unit === 'x' || (q.unit === '%' && q.byNa)) return 'change';
  if (clause.forecast) return 'forecast';
  if (clause.capacity) return 'capacity';
  return 'actual';
}

/** Words that point back to the previous sentence's subject ("он уже составил", "увеличить его до"). */
const ANAPHORA = /(?<!\p{L})(?:он|она|оно|его|ее|этот\sпоказатель|данный\sпоказатель|рост)(?!\p{L})/u;

/**
 * The period in the figure's clause (the nearest before it, else the nearest after); else, except for targets,
 * the nearest period earlier in the sentence ("…за первые восемь месяцев 2025 года достиг 547 млн долларов -
 * более чем втрое превысив…": the growth is over the same eight months). A target gets only its own clause's.
 */
function periodFor(clause: Clause, at: number, kind: FigureKind): Period | null {
  let chosen: PeriodSpan | undefined;
  for (const p of clause.periods) {
    if (p.end <= at) chosen = p;
    else if (chosen === undefined) {
      chosen = p;
      break;
    } else break;
  }
  if (chosen) return { ...chosen.period };
  if (kind === 'target' || clause.earlier === null) return null;
  return { ...clause.earlier.period };
}
