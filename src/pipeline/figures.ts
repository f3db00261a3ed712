// Figures in a sentence, normalised per the joined-data contract: value and unit ("547 млн долларов" → 547000000
// USD, "в 6 раз" → 6 x, "224-километровой" → 224 km), the exact span read (`raw`, qualifier words included),
// the qualifier (около → about, свыше → over…), the metric (./metrics.ts), the period (./periods.ts) and the kind.
//
// A table of unit patterns (`UNITS`) after a number parser (./numbers.ts). Tests: one fixture per form group in
// tests/fixtures/pipeline/figures/ (<group>.txt → <group>.expected.txt), and the audit of the five articles.
// Not quantities: years and dates ("в 2024 году", "20-21 октября", "2022-2026 годы", "20.10.2025"), durations
// ("20 лет", "пять лет" — so "20 лет со дня подписания" is an anniversary, not a figure), ordinals ("восьмым",
// "второе", "12-й", "20-летие"), digits inside names ("СОР29"), list numbers ("1.", "2)"), small number words
// without a unit ("двух стран", "две корпорации"), and vague magnitudes with no number ("сотни тысяч", "тысячи
// компаний"). Everything works on one lexeme list, reading a bounded number of lexemes from each, so extraction is
// linear in the text.
//
// Rates ("10 млн тонн грузов в год", "1,5 млн тонн нефти ежегодно"): the contract has no rate field, so the value
// is kept as written, `raw` runs on to the rate words so a reader sees "в год", and the period is only one the
// figure's own clause names (a per-year rate is not a total for a period named elsewhere in the sentence).
import type { Figure, FigureKind, Period, Qualifier, Unit } from '../domain/joined.ts';
import { metricAllowsUnit, metricOf } from './metrics.ts';
import {
  isNumberWord,
  type Lexeme,
  lexemes,
  lexemesOfWords,
  mayStartNumber,
  type NumberRead,
  readNumber,
  timesAdverbOf,
} from './numbers.ts';
import { mapPacked, mapPackedKept } from './packed-map.ts';
import { findPeriods, type PeriodSpan } from './periods.ts';
import { BMP_LETTER } from './regex-letters.ts';
import { lowerSameLength, type Token } from './text.ts';

export interface FigureContext {
  /** YYYY-MM-DD: "в этом году", "за последние пять лет" are read against it */
  articleDate: string;
  /** the metric of the previous sentence of the paragraph, for "он уже составил…", "увеличить его до…" */
  previousMetric?: string | null | (() => string | null);
}

export interface LocatedFigure {
  figure: Figure;
  /** UTF-16 offsets of `raw` in the sentence */
  start: number;
  end: number;
}

/**
 * `tokens`, tokenize(sentence) when the caller has it, lets a sentence with no digit and no number word (most
 * sentences) be turned down from its words alone: every quantity starts at a digit or a number word.
 */
export function extractFigures(
  sentence: string,
  context: FigureContext,
  tokens?: readonly Token[],
  /** the sentence's words are tokens[from..to) (a share of its paragraph's tokens) */
  from = 0,
  to = tokens?.length ?? 0,
  /** where the sentence starts in the string the tokens were cut from (their offsets are into it) */
  offset = 0,
): Figure[] {
  if (tokens === undefined) return mapPackedKept(locateFigures(sentence, context), (f) => f.figure);
  if (!anyMayStartNumber(tokens, from, to)) return [];
  // The lexemes from the words the caller has: a word of letters is not read again (numbers.ts).
  const lx = lexemesOfWords(sentence, tokens, offset, from, to);
  return mapPackedKept(locateLexemes(sentence, context, lx), (f) => f.figure);
}

function anyMayStartNumber(tokens: readonly Token[], from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (mayStartNumber((tokens[k] as Token).entry)) return true;
  return false;
}

interface Quantity {
  value: number;
  unit: Unit;
  /** lexeme range of the quantity, qualifier excluded */
  from: number;
  to: number;
  /** "на 20%": a change, not a share */
  byNa: boolean;
  /** "в год", "ежегодно" follows: a rate; `to` then includes the rate words */
  rate: boolean;
  /**
   * "224-километровой ветки": a length written as an adjective describes the line, so it takes no period ("о
   * начале строительства в этом году 224-километровой ветки": the year is the construction's, not the length's).
   */
  adjective?: true;
}

export function locateFigures(sentence: string, context: FigureContext): LocatedFigure[] {
  return locateLexemes(sentence, context, lexemes(sentence));
}

/** locateFigures over the sentence's lexemes (`lx` is lexemes(sentence)). */
function locateLexemes(sentence: string, context: FigureContext, lx: readonly Lexeme[]): LocatedFigure[] {
  const quantities: Quantity[] = [];
  for (let i = 0; i < lx.length; i++) {
    // Most lexemes cannot start a quantity (see quantityAt): turned down here, without the call.
    if (!mayStartQuantity(lx[i] as Lexeme)) continue;
    const found = quantityAt(sentence, lx, i, quantities[quantities.length - 1] ?? null);
    if (found === null) continue;
    const rateEnd = found.unit === '%' || found.unit === 'x' ? null : rateAfter(lx, found.to);
    const q = rateEnd === null ? found : { ...found, to: rateEnd, rate: true };
    quantities.push(q);
    i = q.to - 1;
  }
  if (quantities.length === 0) return [];
  // The periods and the clauses read the same lower-cased sentence: made once.
  const lower = lowerSameLength(sentence).replace(/ё/g, 'е');
  const clauses = new ClauseIndex(
    sentence,
    lower,
    findPeriods(sentence, context.articleDate, lower),
    context.previousMetric ?? (() => null),
  );
  return mapPacked(quantities, (q) => {
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
      period: q.adjective ? null : periodFor(clause, start, kind, q.rate),
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

const DOLLAR = /^(?:долл|доллар\p{L}{0,3})$/u;
const adjacentSym = (lx: readonly Lexeme[], j: number, chars: string): boolean =>
  lx[j]?.kind === 'sym' && chars.includes((lx[j] as Lexeme).text) && adjacent(lx, j - 1, j);

/** "ГВт·ч", "МВт-ч", "гигаватт-час": energy, which the contract has no unit for; not power. */
function energyAfter(lx: readonly Lexeme[], j: number): boolean {
  return (
    adjacentSym(lx, j + 1, '·⋅*-/') && adjacent(lx, j + 1, j + 2) && word(lx, j + 2, /^ч(?:ас\p{L}{0,3})?$/u)
  );
}

/** "и т.д.", "т.е.", "т.к.": an abbreviation starting with "т", not tonnes. */
function abbreviationT(lx: readonly Lexeme[], j: number): boolean {
  return adjacentSym(lx, j + 1, '.') && adjacent(lx, j + 1, j + 2) && (lx[j + 2] as Lexeme).text.length === 1;
}

/** The unit table. Order matters only where two could read the same words. */
const UNITS: readonly UnitRule[] = [
  {
    unit: '%',
    read: (lx, j) => {
      if (sym(lx, j, '%')) return 1;
      if (!word(lx, j, /^процент/)) return 0;
      // "на 2 процентных пункта": the contract has no unit for percentage points; the value stays in %.
      return word(lx, j, /^процентн/) && word(lx, j + 1, /^пункт\p{L}{0,3}$/u) ? 2 : 1;
    },
  },
  {
    unit: 'USD',
    read: (lx, j) => {
      if (sym(lx, j, '$') || word(lx, j, /^usd$/)) return 1;
      let k = j;
      if (word(lx, k, /^американск\p{L}{0,3}$/u) && word(lx, k + 1, DOLLAR)) k++;
      if (!word(lx, k, DOLLAR)) return 0;
      k++;
      if (sym(lx, k, '.') && lx[k]?.start === lx[k - 1]?.end && word(lx, k + 1, /^сша$/)) k++;
      if (word(lx, k, /^сша$/)) k++;
      return k - j;
    },
  },
  { unit: 'EUR', read: (lx, j) => (word(lx, j, /^(?:евро|eur)$/) || sym(lx, j, '€') ? 1 : 0) },
  { unit: 'KZT', read: (lx, j) => (word(lx, j, /^(?:тенге|kzt)$/) || sym(lx, j, '₸') ? 1 : 0) },
  { unit: 'AZN', read: (lx, j) => (word(lx, j, /^(?:манат\p{L}{0,3}|azn)$/u) || sym(lx, j, '₼') ? 1 : 0) },
  {
    unit: 't',
    read: (lx, j) =>
      word(lx, j, /^тонн\p{L}{0,3}$/u) || (word(lx, j, /^т$/) && !abbreviationT(lx, j)) ? 1 : 0,
  },
  { unit: 'km', read: (lx, j) => (word(lx, j, /^(?:км|километр\p{L}{0,3})$/u) ? 1 : 0) },
  {
    unit: 'TEU',
    read: (lx, j) => {
      if (word(lx, j, /^(?:teu|дфэ)$/)) return 1;
      // "контейнеров в двадцатифутовом эквиваленте", "контейнеров в 20-футовом эквиваленте"
      if (!word(lx, j, /^контейнер\p{L}{0,3}$/u) || !word(lx, j + 1, /^в$/)) return 0;
      if (word(lx, j + 2, /^двадцатифутов\p{L}{0,2}$/u) && word(lx, j + 3, /^эквивалент\p{L}{0,2}$/u))
        return 4;
      const twenty = lx[j + 2]?.text === '20' && sym(lx, j + 3, '-') && word(lx, j + 4, /^футов\p{L}{0,2}$/u);
      return twenty && word(lx, j + 5, /^эквивалент\p{L}{0,2}$/u) ? 6 : 0;
    },
  },
  {
    unit: 'GW',
    read: (lx, j) => (word(lx, j, /^(?:гвт|гигаватт\p{L}{0,3})$/u) && !energyAfter(lx, j) ? 1 : 0),
  },
  {
    unit: 'MW',
    read: (lx, j) => (word(lx, j, /^(?:мвт|мегаватт\p{L}{0,3})$/u) && !energyAfter(lx, j) ? 1 : 0),
  },
];

/**
 * The first letter of every word a rule of UNITS reads first (процент…, usd, американск…, долл…, евро, eur, тенге,
 * kzt, манат…, azn, т, тонн…, км, километр…, teu, дфэ, контейнер…, гвт, гигаватт…, мвт, мегаватт…).
 */
const UNIT_INITIALS = 'пuадеeтkмaкtг';
const NO_RULES: readonly UnitRule[] = [];

/**
 * Whether any rule of UNITS can read a unit from this lexeme: a symbol, or a word with one of UNIT_INITIALS.
 * Every rule reads 0 from anything else, so the table is not tried after most numbers (years, counts).
 */
function mayStartUnit(l: Lexeme | undefined): boolean {
  if (l === undefined || l.kind === 'num') return false;
  return l.kind === 'sym' || UNIT_INITIALS.includes(l.lower.charAt(0));
}

/** "в год", "в сутки", "ежегодно": a rate. Up to three words of what is counted may stand between. */
const RATE_ADVERB = /^(?:ежегодно|ежемесячно|ежедневно|ежесуточно)$/;
const RATE_NOUN = /^(?:год|сутки|месяц|день|неделю)$/;

/** The lexeme index just past a rate phrase starting at `j` (after at most three lower-case words), or null. */
function rateAfter(lx: readonly Lexeme[], j: number): number | null {
  for (let k = j; k < j + 4; k++) {
    if (k > j && !adjacentBySpace(lx, k - 1, k)) return null;
    const w = lx[k];
    if (w?.kind !== 'word') return null;
    if (RATE_ADVERB.test(w.lower)) return k + 1;
    if ((w.lower === 'в' || w.lower === 'за') && word(lx, k + 1, RATE_NOUN) && adjacentBySpace(lx, k, k + 1))
      return k + 2;
    if (w.text !== w.lower || FUNCTION_WORD.test(w.lower) || k === j + 3) return null;
  }
  return null;
}

const MONTH_WORD = /^(?:январ|феврал|март|апрел|ма[йяе]|июн|июл|август|сентябр|октябр|ноябр|декабр)/;
/** Up to three letters of a word's ending (regex-letters.ts says why not \p{L}). */
const ENDING = `${BMP_LETTER}{0,3}`;
/** Durations and calendar words: a number before them is a date, a year or a span of time, not a quantity. */
const TIME_WORD = new RegExp(
  `^(?:год|года|году|годом|годы|годов|годам|годах|лет|г|гг|месяц${ENDING}|недел${ENDING}|дн${ENDING}|день|сут${ENDING}|час${ENDING}|минут${ENDING}|секунд${ENDING}|век${ENDING}|десятилети${ENDING}|квартал${ENDING}|полугоди${ENDING}|раз|раза)$`,
  'u',
);
/** Words that cannot be what is counted: prepositions, conjunctions, particles. */
const FUNCTION_WORD =
  /^(?:в|во|на|и|или|с|со|по|до|из|за|от|к|у|о|об|для|при|а|но|что|как|чем|же|ли|не|ни|это|то|из-за|над|под|без|через|между)$/;
/** Plural oblique adjective endings: "казахстанских", "коммерческих" stand between a number and its noun. */
const ADJECTIVE = /(?:ых|их|ым|им|ыми|ими)$/;

/** Whether quantityAt can find anything at this lexeme: a number, a number word, or "в"/"во" before one. */
function mayStartQuantity(here: Lexeme): boolean {
  if (here.kind === 'num') return true;
  if (here.kind === 'sym') return false;
  return here.numberWord || here.lower === 'в' || here.lower === 'во';
}

/** The quantity starting at lexeme `i`, or null. */
function quantityAt(
  sentence: string,
  lx: readonly Lexeme[],
  i: number,
  previous: Quantity | null,
): Quantity | null {
  const here = lx[i] as Lexeme;
  // Only digits and number words start a quantity ("в" and "во" only before one): the rest leave at once.
  if (here.kind === 'sym') return null;
  if (here.kind === 'word' && here.lower !== 'в' && here.lower !== 'во' && !isNumberWord(here.lower))
    return null;
  // "вдвое", "втрое": a change by a factor.
  const adverb = here.kind === 'word' ? timesAdverbOf(here.lower) : null;
  if (adverb !== null) return { value: adverb, unit: 'x', from: i, to: i + 1, byNa: false, rate: false };

  // "в 6 раз", "в три раза", "в полтора раза"
  if (here.kind === 'word' && (here.lower === 'в' || here.lower === 'во')) {
    const n = readNumber(sentence, lx, i + 1);
    if (n && !n.scaled && word(lx, n.to, /^раза?$/)) {
      return { value: n.value, unit: 'x', from: i, to: n.to + 1, byNa: false, rate: false };
    }
    return null;
  }

  const n = here.kind === 'num' || here.kind === 'word' ? readNumber(sentence, lx, i) : null;
  if (n === null || isNotAQuantity(lx, n)) return null;
  const byNa = lx[i - 1]?.lower === 'на';
  const from = byNa && lx[i - 1] ? i - 1 : i;

  // "224-километровой", "224-км": a length written as an adjective. Any other suffix ("12-й", "20-летие",
  // "2000-х") makes an ordinal or a date.
  if (sym(lx, n.to, '-') && adjacent(lx, n.to - 1, n.to) && adjacent(lx, n.to, n.to + 1)) {
    return word(lx, n.to + 1, /^(?:км|километров\p{L}{0,3})$/u) && n.digits
      ? { value: n.value, unit: 'km', from: i, to: n.to + 2, byNa: false, rate: false, adjective: true }
      : null;
  }
  // "$500 млн", "€20 млн"
  const sign = lx[i - 1]?.kind === 'sym' ? SIGN_BEFORE[(lx[i - 1] as Lexeme).text] : undefined;
  if (sign !== undefined)
    return { value: n.value, unit: sign, from: i - 1, to: n.to, byNa: false, rate: false };

  const unitRules = mayStartUnit(lx[n.to]) ? UNITS : NO_RULES;
  for (const rule of unitRules) {
    const taken = rule.read(lx, n.to, n);
    if (taken > 0) {
      const unitFrom = rule.unit === '%' ? from : i;
      return {
        value: n.value,
        unit: rule.unit,
        from: unitFrom,
        to: n.to + taken,
        // "вырос на 5 млн тонн": an increment, a change like "на 20%" (the clause decides: see kindOf)
        byNa,
        rate: false,
      };
    }
  }
  if (word(lx, n.to, TIME_WORD) || word(lx, n.to, MONTH_WORD)) return null;

  const counted = countedNoun(lx, n.to);
  const bigEnough = n.digits ? !isYearLike(n) : n.scaled || n.value >= 100;
  if (counted !== null && bigEnough)
    return { value: n.value, unit: 'count', from: i, to: counted + 1, byNa, rate: false };

  // "довести этот показатель до 1 млрд": a scaled number with no unit takes the unit of the figure before it.
  const inherits = previous !== null && n.scaled && ['USD', 'EUR', 'KZT', 'AZN', 't'].includes(previous.unit);
  if (inherits && previous)
    return { value: n.value, unit: previous.unit, from: i, to: n.to, byNa: false, rate: false };
  return null;
}

const SIGN_BEFORE: Record<string, Unit> = { $: 'USD', '€': 'EUR' };

function adjacent(lx: readonly Lexeme[], a: number, b: number): boolean {
  return lx[a] !== undefined && lx[b] !== undefined && (lx[a] as Lexeme).end === (lx[b] as Lexeme).start;
}

/**
 * Digits glued to letters ("СОР29"), ranges and spans of days or years ("20-21", "2022-2026"), dotted dates and
 * versions ("20.10.2025"), "№ 5". Ordinals ("12-й") are turned down by the caller, which sees the suffix.
 */
function isNotAQuantity(lx: readonly Lexeme[], n: NumberRead): boolean {
  if (!n.digits) return false;
  const before = lx[n.from - 1];
  const after = lx[n.to];
  if (before && adjacent(lx, n.from - 1, n.from) && before.kind === 'word') return true;
  if (after && adjacent(lx, n.to - 1, n.to) && after.kind === 'word') return true;
  if (before?.text === '№') return true;
  // "20-21 октября", "20 – 21": a dash with at most one space each side between two numbers.
  if (
    isDash(before) &&
    numAt(lx, n.from - 2) &&
    tight(lx, n.from - 2, n.from - 1) &&
    tight(lx, n.from - 1, n.from)
  )
    return true;
  if (isDash(after) && numAt(lx, n.to + 1) && tight(lx, n.to - 1, n.to) && tight(lx, n.to, n.to + 1))
    return true;
  // "20.10.2025": a third dotted part after the decimal read, or a dotted part before.
  if (adjacentSym(lx, n.to, '.') && numAt(lx, n.to + 1) && adjacent(lx, n.to, n.to + 1)) return true;
  if (
    before?.text === '.' &&
    adjacent(lx, n.from - 1, n.from) &&
    numAt(lx, n.from - 2) &&
    adjacent(lx, n.from - 2, n.from - 1)
  )
    return true;
  return false;
}

// Helpers of isNotAQuantity at module level: tsx names local functions each time they are created.
/** At most one character between lexemes `a` and `b`. */
function tight(lx: readonly Lexeme[], a: number, b: number): boolean {
  return (lx[b] as Lexeme).start - (lx[a] as Lexeme).end <= 1;
}
function isDash(l: Lexeme | undefined): boolean {
  return l !== undefined && /^[-–—]$/.test(l.text);
}
function numAt(lx: readonly Lexeme[], k: number): boolean {
  return lx[k]?.kind === 'num';
}

function isYearLike(n: NumberRead): boolean {
  const v = Number(n.integer);
  return !n.scaled && n.integer !== null && n.integer.length === 4 && v >= 1900 && v <= 2100;
}

/** Index of the noun counted after a number ("около 150 казахстанских предприятий" → предприятий), or null. */
function countedNoun(lx: readonly Lexeme[], j: number): number | null {
  for (let k = j; k < j + 3; k++) {
    const w = lx[k];
    // One letter is an abbreviation ("т.е.", "г."), not a noun.
    if (w?.kind !== 'word' || w.text !== w.lower || w.text.length < 2) return null;
    if (!/^\p{Script=Cyrillic}+$/u.test(w.text)) return null;
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
/** first word → second word → qualifier: looked up without joining the two words into a new string. */
const TWO_WORD_QUALIFIERS = new Map<string, ReadonlyMap<string, Qualifier>>([
  [
    'не',
    new Map<string, Qualifier>([
      ['более', 'under'],
      ['больше', 'under'],
      ['превышает', 'under'],
      ['менее', 'over'],
      ['меньше', 'over'],
    ]),
  ],
  [
    'как',
    new Map<string, Qualifier>([
      ['минимум', 'over'],
      ['максимум', 'under'],
    ]),
  ],
]);
const ONE_WORD_QUALIFIERS: [RegExp, Qualifier][] = [
  [/^(?:около|почти|примерно|приблизительно|порядка|ориентировочно)$/, 'about'],
  [/^(?:свыше|более|больше|превыша\p{L}{0,6}|превыси\p{L}{0,3}|минимум)$/u, 'over'],
  [/^(?:менее|меньше|ниже|максимум)$/, 'under'],
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
    const q = TWO_WORD_QUALIFIERS.get(two.lower)?.get(one.lower);
    if (q) return { qualifier: q, from: k - 1, upTo: false };
  }
  for (const [re, q] of ONE_WORD_QUALIFIERS)
    if (re.test(one.lower)) return { qualifier: q, from: k, upTo: false };
  return { qualifier: 'exact', from, upTo: false };
}

// ---- clause, kind, metric, period ------------------------------------------------------------------------------

/**
 * What the words around a figure say, computed once per clause so that a long sentence stays linear, and each
 * only when asked: a figure's kind is mostly settled by the first test or two (kindOf), so the other patterns
 * need not run over the clause.
 */
class Clause {
  /** UTF-16 range of the context: the clause, plus the one before it when a dash joins them */
  readonly start: number;
  readonly end: number;
  /** periods inside the context, in text order */
  readonly periods: PeriodSpan[];
  /** the last period of the sentence before the context */
  readonly earlier: PeriodSpan | null;
  readonly lower: string;
  readonly metricByUnit = new Map<Unit, string | null>();
  private targetTest: boolean | undefined;
  private forecastTest: boolean | undefined;
  private capacityTest: boolean | undefined;
  private changeVerbTest: boolean | undefined;
  private growthNounTest: boolean | undefined;

  constructor(start: number, end: number, periods: PeriodSpan[], earlier: PeriodSpan | null, lower: string) {
    this.start = start;
    this.end = end;
    this.periods = periods;
    this.earlier = earlier;
    this.lower = lower;
  }

  get target(): boolean {
    this.targetTest ??=
      this.periods.some((p) => p.deadline) ||
      TARGET.test(this.lower) ||
      RAISE_TO.test(this.lower) ||
      AGREED_VOLUME.test(this.lower);
    return this.targetTest;
  }
  get forecast(): boolean {
    this.forecastTest ??= FORECAST.test(this.lower);
    return this.forecastTest;
  }
  get capacity(): boolean {
    this.capacityTest ??= CAPACITY.test(this.lower);
    return this.capacityTest;
  }
  get changeVerb(): boolean {
    this.changeVerbTest ??= CHANGE_VERB.test(this.lower);
    return this.changeVerbTest;
  }
  /** "рост", "снижение" and no "доля": a percentage here is growth */
  get growthNoun(): boolean {
    this.growthNounTest ??= GROWTH_NOUN.test(this.lower) && !SHARE.test(this.lower);
    return this.growthNounTest;
  }
}

/**
 * Clauses are cut at commas, semicolons, colons, brackets and spaced dashes (a comma between digits is a decimal
 * comma). A clause right after a dash also sees the clause before it: "мощность станции — 1,2 ГВт" says "is".
 */
class ClauseIndex {
  // Plain fields, not constructor parameter properties: the file must also run under Node's type stripping.
  private readonly sentence: string;
  private readonly periods: readonly PeriodSpan[];
  /** asked only when a figure needs it: working it out costs the caller a pass over earlier sentences */
  private readonly previousMetric: string | null | (() => string | null);
  private readonly cuts: number[] = [0];
  private readonly dashBefore: boolean[] = [false];
  private readonly cache = new Map<number, Clause>();
  private readonly lower: string;
  private readonly sentenceMetric = new Map<Unit, string | null>();
  /** whether the sentence points back (ANAPHORA); tested only when a figure has no metric of its own */
  private anaphora: boolean | undefined;

  constructor(
    sentence: string,
    /** lowerSameLength(sentence) with ё → е */
    lower: string,
    periods: readonly PeriodSpan[],
    previousMetric: string | null | (() => string | null),
  ) {
    this.sentence = sentence;
    this.periods = periods;
    this.previousMetric = previousMetric;
    this.lower = lower;
    // By UTF-16 unit, not with a regex per character: this runs over every sentence with a figure.
    for (let i = 0; i < sentence.length; i++) {
      const c = sentence.charCodeAt(i);
      const comma = c === COMMA && !(isAsciiDigit(sentence, i - 1) && isAsciiDigit(sentence, i + 1));
      const dash =
        (c === HYPHEN || c === EN_DASH || c === EM_DASH) &&
        sentence.charCodeAt(i - 1) === SPACE_UNIT &&
        sentence.charCodeAt(i + 1) === SPACE_UNIT;
      if (comma || dash || c === SEMICOLON || c === COLON || c === OPEN_PAREN || c === CLOSE_PAREN) {
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
    const clause = new Clause(start, end, inside, earlier, lower);
    this.cache.set(lo, clause);
    return clause;
  }

  /** The clause's metric, else the sentence's, else the previous sentence's through an anaphor; or 'unknown'. */
  metric(clause: Clause, unit: Unit): string {
    let own = clause.metricByUnit.get(unit);
    if (own === undefined) {
      own = metricOf(clause.lower, unit);
      clause.metricByUnit.set(unit, own);
    }
    // The sentence's metric only when the clause has none.
    if (own === null) {
      own = this.sentenceMetric.get(unit);
      if (own === undefined) {
        own = metricOf(this.lower, unit);
        this.sentenceMetric.set(unit, own);
      }
    }
    if (own !== null) return own;
    this.anaphora ??= ANAPHORA.test(this.lower);
    if (!this.anaphora) return 'unknown';
    const previous = typeof this.previousMetric === 'function' ? this.previousMetric() : this.previousMetric;
    if (previous !== null && metricAllowsUnit(previous, unit)) return previous;
    return 'unknown';
  }
}

const COMMA = 0x2c;
const HYPHEN = 0x2d;
const EN_DASH = 0x2013;
const EM_DASH = 0x2014;
const SPACE_UNIT = 0x20;
const SEMICOLON = 0x3b;
const COLON = 0x3a;
const OPEN_PAREN = 0x28;
const CLOSE_PAREN = 0x29;

/** /\d/ (ASCII digits) at offset `i`; false outside the text. */
function isAsciiDigit(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c >= 0x30 && c <= 0x39;
}

const TARGET =
  /(?:довести|доведени|нарастить|планиру|запланирова|(?<!\p{L})цел[ьи](?!\p{L})|намерен|намечен|стремя|ставят\sцель)/u;
/** "увеличить до …", "увеличить его до …", "увеличить товарооборот страны до …" (at most two words between). */
const RAISE_TO =
  /(?:увеличить|повысить|поднять|нарастить)\s(?:до|\p{L}{1,20}\sдо|\p{L}{1,20}\s\p{L}{1,20}\sдо)(?!\p{L})/u;
/** Verbs after which "до N" is the value reached, not an upper bound. */
const CHANGE_VERB =
  /(?:увелич|вырос|вырас|сократ|сниз|довед|довест|нарасти|повыс|расшир|достиг|дорос|упал|опуст)/u;
const FORECAST =
  /(?:прогноз|ожида|увеличит(?:ся)?(?!\p{L})|составит|достигнет|вырастет|превысит|(?<!\p{L})(?:может|могут|сможет|смогут|позволит|позволят)\s)/u;
const CAPACITY =
  /(?:пропускн\p{L}{0,4}\sспособн|мощност|рассчитан\p{L}{0,3}\sна|способн\p{L}{0,3}\s(?:перевозить|пропускать|обрабатывать|принимать|перерабатывать))/u;
/**
 * "соглашение КазМунайГаз и SOCAR о транспортировке 1,5 млн тонн": a volume agreed on is a commitment, a target,
 * not a volume carried. (The value of a signed contract, "контракт на 300 млн долларов", stays actual.)
 */
const AGREED_VOLUME =
  /(?:соглашени|договор|контракт|меморандум)\p{L}{0,3}[^,;:]{0,60}?(?<!\p{L})об?\s(?:транспортир|поставк|перевозк|прокачк|экспорт|импорт|транзит)/u;
const CAPACITY_UNITS: ReadonlySet<Unit> = new Set(['t', 'TEU', 'GW', 'MW', 'count']);
/** "рост товарооборота составил 20%": a percentage of growth is a change even without "на". */
const GROWTH_NOUN = /(?<!\p{L})(?:рост|прирост|увеличени|снижени|сокращени|падени)\p{L}{0,2}(?!\p{L})/u;

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

/**
 * target (plans, goals, deadlines, agreed volumes) > change (x, "на N%", "вырос на 5 млн тонн", "рост составил
 * 20%") > forecast > capacity > actual.
 */
function kindOf(q: Quantity, clause: Clause): FigureKind {
  if (clause.target) return 'target';
  if (q.unit === 'x' || (q.unit === '%' && (q.byNa || clause.growthNoun))) return 'change';
  if (q.byNa && clause.changeVerb) return 'change';
  if (clause.forecast) return 'forecast';
  // A capacity is carried, handled or generated: a length or a sum in a clause about capacity is not one.
  if (clause.capacity && CAPACITY_UNITS.has(q.unit)) return 'capacity';
  return 'actual';
}

/** Words that point back to the previous sentence's subject ("он уже составил", "увеличить его до"). */
const ANAPHORA = /(?<!\p{L})(?:он|она|оно|его|ее|этот\sпоказатель|данный\sпоказатель|рост)(?!\p{L})/u;
const SHARE = /(?<!\p{L})дол[яиюе](?!\p{L})/u;

/**
 * Every pattern of this module that runs over article text (a clause or the sentence), for the adversarial-input
 * tests of tests/unit/pipeline-properties.test.ts. Patterns on single lexemes (units, qualifiers) are anchored
 * and bounded; they are covered by the whole-pipeline tests.
 */
export const CLAUSE_PATTERNS: Readonly<Record<string, RegExp>> = {
  TARGET,
  RAISE_TO,
  CHANGE_VERB,
  FORECAST,
  CAPACITY,
  AGREED_VOLUME,
  GROWTH_NOUN,
  ANAPHORA,
  SHARE,
};

/**
 * The period in the figure's clause (the nearest before it, else the nearest after); else, except for targets
 * and rates, the nearest period earlier in the sentence ("…за первые восемь месяцев 2025 года достиг 547 млн
 * долларов - более чем втрое превысив…": the growth is over the same eight months). A target gets only its own
 * clause's; so does a rate ("в год"), which is not a total for a period named elsewhere. Binary search: a long
 * clause with many figures and periods stays linear.
 */
function periodFor(clause: Clause, at: number, kind: FigureKind, rate: boolean): Period | null {
  const after = firstIndex(clause.periods, (p) => p.end > at);
  const chosen = after > 0 ? clause.periods[after - 1] : clause.periods[0];
  if (chosen) return { ...chosen.period };
  if (kind === 'target' || rate || clause.earlier === null) return null;
  return { ...clause.earlier.period };
}
