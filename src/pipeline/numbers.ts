// Reads numbers as Russian news writes them: digits with a decimal comma or point and digit groups ("1 500",
// "3,5", "1.5"), cardinal words in any case and gender ("одного", "трех", "пятисот", "полутора"), and the scale
// words after either ("тыс.", "млн", "миллиарда"), or alone where Russian drops the "one" ("более миллиона тонн").
// No npm package parses Russian number words (tech-notes), so this is a small table. It works on lexemes and
// reads a bounded number of them from any start (MAX_GROUPS, MAX_WORDS), so trying every start stays linear.
import { classOf, codePointAt, DIGIT, LETTER, SPACE, toLower, unitsOf } from './char-class.ts';
import { DIGIT_GROUP_SEPARATOR, type Token } from './text.ts';
import { type WordEntry, wordEntry } from './word-table.ts';

export interface Lexeme {
  kind: 'num' | 'word' | 'sym';
  text: string;
  /** lower case, ё → е */
  lower: string;
  start: number;
  end: number;
  /** a word that isNumberWord (worked out once per distinct word); false for digits and symbols */
  numberWord: boolean;
}

/** Digit runs, letter runs and single other characters: one step per character, no backtracking. */
export const LEXEME = /(\p{Nd}+)|([\p{L}\p{M}]+)|(\S)/gu;

/**
 * Digit runs, letter runs and single other characters, with offsets: what LEXEME matches, found by one scan over
 * cached character classes (./char-class.ts), which is several times quicker than the regex on every sentence.
 */
export function lexemes(text: string): Lexeme[] {
  const out: Lexeme[] = [];
  lexemesBetween(text, 0, text.length, out);
  return out;
}

/**
 * lexemes(text) for a caller that has cut `text` into words already (tokenize): `tokens[from..to)` are its words,
 * their offsets `offset` units further on than in `text`. A word of letters alone is one word lexeme, taken from its
 * token's entry without reading its letters again; the rest (other words, and what lies between words) is read as
 * lexemes reads it. The same lexemes: a letter run or a digit run never reaches past its word, since the
 * characters around a word are neither letters nor digits.
 */
export function lexemesOfWords(
  text: string,
  tokens: readonly Token[],
  offset: number,
  from: number,
  to: number,
): Lexeme[] {
  const out: Lexeme[] = [];
  let i = 0;
  for (let k = from; k < to; k++) {
    const t = tokens[k] as Token;
    const start = t.start - offset;
    const end = t.end - offset;
    if (i < start) lexemesBetween(text, i, start, out);
    const entry = t.entry;
    if (isLettersOnly(entry)) {
      entry.lowerYo ??= lowerYo(entry.text);
      out.push({
        kind: 'word',
        text: entry.text,
        lower: entry.lowerYo,
        start,
        end,
        numberWord: mayStartNumber(entry),
      });
    } else lexemesBetween(text, start, end, out);
    i = end;
  }
  if (i < text.length) lexemesBetween(text, i, text.length, out);
  return out;
}

/** Whether every code point of the word is a letter (LETTER): worked out once per distinct word. */
function isLettersOnly(entry: WordEntry): boolean {
  if (entry.lettersOnly === undefined) {
    const text = entry.text;
    let letters = true;
    for (let i = 0; i < text.length && letters; ) {
      const cp = codePointAt(text, i);
      if (!(classOf(cp) & LETTER)) letters = false;
      i += unitsOf(cp);
    }
    entry.lettersOnly = letters;
  }
  return entry.lettersOnly;
}

/** The lexemes of text[from..to), appended to `out`. */
function lexemesBetween(text: string, from: number, to: number, out: Lexeme[]): void {
  let i = from;
  while (i < to) {
    const unit = text.charCodeAt(i);
    // A unit outside the surrogates is its own code point: no pair to read (see tokenize).
    const first = unit < 0xd800 || unit > 0xdbff ? unit : codePointAt(text, i);
    const flags = classOf(first);
    const start = i;
    i += unitsOf(first);
    if (flags & SPACE) continue;
    const run = flags & DIGIT ? DIGIT : flags & LETTER ? LETTER : 0;
    while (run !== 0 && i < to) {
      const next = text.charCodeAt(i);
      const cp = next < 0xd800 || next > 0xdbff ? next : codePointAt(text, i);
      if (!(classOf(cp) & run)) break;
      i += unitsOf(cp);
    }
    if (run === LETTER) {
      // Words repeat: their text and lower case come from the word table, without slicing or lower-casing again.
      const entry = wordEntry(text, start, i);
      entry.lowerYo ??= lowerYo(entry.text);
      // A word lexeme is letters only, so whether it may start a number is whether it is a number word.
      const numberWord = mayStartNumber(entry);
      out.push({ kind: 'word', text: entry.text, lower: entry.lowerYo, start, end: i, numberWord });
    } else {
      const lexeme = text.slice(start, i);
      out.push({
        kind: run === DIGIT ? 'num' : 'sym',
        text: lexeme,
        lower: run === DIGIT ? lexeme : lowerYo(lexeme),
        start,
        end: i,
        numberWord: false,
      });
    }
  }
}

/**
 * Whether a word (a token: a run of [\p{L}\p{M}\p{N}]) could give a lexeme that starts a number: it holds a
 * digit or a numeral other than a letter (¼, Ⅻ: lexemes split there), or it is a number word. A sentence whose
 * tokens all say no has no figure, and figures.ts skips it without lexing it. Worked out once per distinct word.
 */
export function mayStartNumber(entry: WordEntry): boolean {
  if (entry.numberish === undefined) {
    entry.lowerYo ??= lowerYo(entry.text);
    entry.numberish = !isLettersOnly(entry) || isNumberWord(entry.lowerYo);
  }
  return entry.numberish;
}

/** Lower case with ё → е. */
function lowerYo(text: string): string {
  const lower = toLower(text);
  return lower.includes('ё') ? lower.replace(/ё/g, 'е') : lower;
}

// Cardinal words → value. Every case form is listed: the table is the documentation. Maps, not objects: looked up
// for every word of every sentence with figures, and a Map finds a fresh string without interning it.
const CARDINALS = new Map<string, number>();
function add(value: number, forms: string): void {
  for (const f of forms.split(' ')) CARDINALS.set(f, value);
}
add(1, 'один одна одно одного одной одному одним одном одну одною');
add(2, 'два две двух двум двумя');
add(3, 'три трех трем тремя');
add(4, 'четыре четырех четырем четырьмя');
add(1.5, 'полтора полторы полутора');
const TEENS_AND_TENS: [number, string][] = [
  [5, 'пят'],
  [6, 'шест'],
  [7, 'сем'],
  [8, 'восем'],
  [9, 'девят'],
  [10, 'десят'],
  [11, 'одиннадцат'],
  [12, 'двенадцат'],
  [13, 'тринадцат'],
  [14, 'четырнадцат'],
  [15, 'пятнадцат'],
  [16, 'шестнадцат'],
  [17, 'семнадцат'],
  [18, 'восемнадцат'],
  [19, 'девятнадцат'],
  [20, 'двадцат'],
  [30, 'тридцат'],
];
for (const [value, stem] of TEENS_AND_TENS) add(value, `${stem}ь ${stem}и ${stem}ью`);
add(8, 'восьми восьмью');
add(40, 'сорок сорока');
add(50, 'пятьдесят пятидесяти пятьюдесятью');
add(60, 'шестьдесят шестидесяти шестьюдесятью');
add(70, 'семьдесят семидесяти семьюдесятью');
add(80, 'восемьдесят восьмидесяти восемьюдесятью');
add(90, 'девяносто девяноста');
add(100, 'сто ста');
add(200, 'двести двухсот двумстам двумястами двухстах');
add(300, 'триста трехсот тремстам тремястами трехстах');
add(400, 'четыреста четырехсот четыремстам четырьмястами четырехстах');
add(500, 'пятьсот пятисот пятистам пятьюстами пятистах');
add(600, 'шестьсот шестисот шестистам шестьюстами шестистах');
add(700, 'семьсот семисот семистам семьюстами семистах');
add(800, 'восемьсот восьмисот восьмистам восемьюстами восьмистах');
add(900, 'девятьсот девятисот девятистам девятьюстами девятистах');

/** Scale words and abbreviations; an abbreviation may carry a full stop ("тыс.", "млн."). */
const SCALES: [RegExp, number][] = [
  [/^(?:тыс|тысяч[аеиуы]?|тысячами|тысячам|тысячах|тысячей|тысячью)$/, 1e3],
  [/^(?:млн|миллион(?:а|ов|у|ом|ами|ам|ах|е)?)$/, 1e6],
  [/^(?:млрд|миллиард(?:а|ов|у|ом|ами|ам|ах|е)?)$/, 1e9],
  [/^(?:трлн|триллион(?:а|ов|у|ом|ами|ам|ах|е)?)$/, 1e12],
];

/**
 * Scale words that stand for "one thousand", "one million"… without a number before them: the singular forms
 * ("тысяча", "миллион", "миллиона", "миллиардом"). "тысячи" is also the plural ("тысячи компаний" = thousands of
 * companies, no value), so it counts as one thousand only after a word that takes the genitive ("более тысячи").
 * Plural and vague forms ("миллионы", "сотни тысяч", "десятки") are not numbers.
 */
const BARE_SCALES = new Map<string, number>();
for (const [forms, value] of [
  ['тысяча тысячу тысячей тысячью тысяче', 1e3],
  ['миллион миллиона миллиону миллионом миллионе', 1e6],
  ['миллиард миллиарда миллиарду миллиардом миллиарде', 1e9],
  ['триллион триллиона триллиону триллионом триллионе', 1e12],
] as const) {
  for (const f of forms.split(' ')) BARE_SCALES.set(f, value);
}
const GENITIVE_GOVERNORS =
  /^(?:более|свыше|около|менее|до|порядка|почти|примерно|больше|меньше|чем|от|из|с|для|без|минимум|максимум)$/;

export function scaleOf(lower: string): number | null {
  for (const [re, value] of SCALES) if (re.test(lower)) return value;
  return null;
}

export function cardinalOf(lower: string): number | null {
  return CARDINALS.get(lower) ?? null;
}

/** Multiplicative adverbs: "вдвое", "втрое" … "вдесятеро". */
const TIMES_ADVERBS = new Map<string, number>([
  ['вдвое', 2],
  ['втрое', 3],
  ['вчетверо', 4],
  ['впятеро', 5],
  ['вшестеро', 6],
  ['всемеро', 7],
  ['ввосьмеро', 8],
  ['вдевятеро', 9],
  ['вдесятеро', 10],
]);

export function timesAdverbOf(lower: string): number | null {
  return TIMES_ADVERBS.get(lower) ?? null;
}

/**
 * Whether a lower-case word may be read as a number or start one: a cardinal, a bare scale word ("миллион",
 * "тысячи") or a multiplicative adverb. Asked of every word of every sentence, so a test on the first letter and
 * the length (numbers, no string hashing) turns down almost every other word before the set is consulted.
 */
export function isNumberWord(lower: string): boolean {
  return NUMBER_WORD_SHAPES.has(shapeOf(lower)) && NUMBER_WORDS.has(lower);
}

const NUMBER_WORDS: ReadonlySet<string> = new Set([
  ...CARDINALS.keys(),
  ...BARE_SCALES.keys(),
  'тысячи',
  ...TIMES_ADVERBS.keys(),
]);
const shapeOf = (word: string): number => word.charCodeAt(0) * 64 + Math.min(word.length, 63);
const NUMBER_WORD_SHAPES: ReadonlySet<number> = new Set([...NUMBER_WORDS].map(shapeOf));

export interface NumberRead {
  value: number;
  /** lexeme index of the first and one past the last lexeme read */
  from: number;
  to: number;
  /** written in digits (as opposed to words) */
  digits: boolean;
  /** a scale word was read ("млн", "тысяч") */
  scaled: boolean;
  /** digits only: the integer as written, e.g. "2024", to tell years from quantities */
  integer: string | null;
}

/** Unit abbreviations written in capitals that may follow "тыс." / "млн.": "300 тыс. ДФЭ", "5 млн. USD". */
const CAPITAL_UNITS = /^(?:дфэ|teu|гвт|мвт|квт|usd|eur|kzt|azn)$/;
const CURRENCY_SIGNS = '$€₸₼';

/** A number starting at lexeme `i`, with its scale word if any; null when none starts there. */
export function readNumber(text: string, lx: readonly Lexeme[], i: number): NumberRead | null {
  const here = lx[i];
  if (here?.kind === 'word' && cardinalOf(here.lower) === null) return readBareScale(lx, i);
  const base = here?.kind === 'num' ? readDigits(text, lx, i) : readWords(lx, i);
  if (!base) return null;
  let { value, to } = base;
  let scaled = false;
  const scale = lx[to] && lx[to]?.kind === 'word' ? scaleOf((lx[to] as Lexeme).lower) : null;
  // The trailing scale multiplies the last group only: "три миллиона пятьсот | тысяч" = 3 000 000 + 500 000.
  if (scale !== null && scale < base.lastScale && (base.digits || base.tail < 1000)) {
    value = base.head + base.tail * scale;
    to++;
    scaled = true;
    to = abbreviationDot(lx, to);
  }
  if (!Number.isFinite(value)) return null;
  return { value: round(value), from: i, to, digits: base.digits, scaled, integer: base.integer };
}

/** "миллион тонн", "более тысячи компаний": a scale word alone is one of it. */
function readBareScale(lx: readonly Lexeme[], i: number): NumberRead | null {
  const w = lx[i] as Lexeme;
  const value = BARE_SCALES.get(w.lower) ?? (w.lower === 'тысячи' ? 1e3 : undefined);
  if (value === undefined) return null;
  // "три миллиона": the scale of a number read (or rejected) from an earlier lexeme, not a number of its own.
  const before = lx[i - 1];
  if (before?.kind === 'num' || (before?.kind === 'word' && cardinalOf(before.lower) !== null)) return null;
  if (w.lower === 'тысячи' && !GENITIVE_GOVERNORS.test(lx[i - 1]?.lower ?? '')) return null;
  return { value, from: i, to: i + 1, digits: false, scaled: true, integer: null };
}

/**
 * "тыс." / "млн.": the full stop right after a scale abbreviation belongs to it when a word in lower case, a unit
 * abbreviation in capitals or a currency sign follows; otherwise it may end the sentence ("… до 1 млрд.").
 */
function abbreviationDot(lx: readonly Lexeme[], to: number): number {
  const dot = lx[to];
  const after = lx[to + 1];
  if (dot?.text !== '.' || dot.start !== lx[to - 1]?.end || after === undefined) return to;
  const lowerWord = after.kind === 'word' && after.text === after.lower;
  const unitWord = after.kind === 'word' && CAPITAL_UNITS.test(after.lower);
  const sign = after.kind === 'sym' && CURRENCY_SIGNS.includes(after.text);
  return lowerWord || unitWord || sign ? to + 1 : to;
}

/** 12 significant digits are plenty and stop 3.5 * 1e6 from printing as 3499999.9999999995. */
function round(value: number): number {
  // An integer under 10^12 prints exactly in 12 digits and reads back as itself (but -0, which prints as "0"):
  // the string round trip, the cost of this function, is only needed for the others.
  if (Number.isInteger(value) && Math.abs(value) < 1e12 && !Object.is(value, -0)) return value;
  return Number.parseFloat(value.toPrecision(12));
}

/** A number before its trailing scale word: `head + tail` (words may fold larger scales into `head`). */
interface BaseRead {
  value: number;
  to: number;
  digits: boolean;
  integer: string | null;
  head: number;
  tail: number;
  /** the smallest scale folded into `head`; a trailing scale must be smaller */
  lastScale: number;
}
type DigitsRead = BaseRead & { digits: true; integer: string };
type WordsRead = BaseRead & { digits: false; integer: null };

/** At most this many digit groups after the first ("1 000 000 000 000 000"): more is not a quantity. */
const MAX_GROUPS = 5;
/** At most this many significant integer digits: beyond, a double no longer holds the number exactly. */
const MAX_DIGITS = 15;

/** Whether the digit run `next` continues a number whose previous group is `prev` ("1 500", "12\u00A0345"). */
function joinsGroup(text: string, prev: Lexeme, next: Lexeme | undefined, firstLength: number): boolean {
  if (next?.kind !== 'num' || next.text.length !== 3) return false;
  const gap = text.slice(prev.end, next.start);
  // A no-break space always joins; a plain space only after a group of one to three digits ("1 500 000"),
  // which a year or a count next to another number never is.
  return gap === DIGIT_GROUP_SEPARATOR || (gap === ' ' && firstLength <= 3);
}

function readDigits(text: string, lx: readonly Lexeme[], i: number): DigitsRead | null {
  const first = lx[i];
  if (!first) return null;
  // Inside a digit group run ("000" of "1 000 000"): the number starts earlier. Reading from here would make up
  // a different number, and re-reading a long run from every group would be quadratic.
  const prev = lx[i - 1];
  if (prev?.kind === 'num' && joinsGroup(text, prev, first, prev.text.length)) return null;
  let integer = first.text;
  let j = i + 1;
  while (joinsGroup(text, lx[j - 1] as Lexeme, lx[j], first.text.length)) {
    const next = lx[j] as Lexeme;
    const after = lx[j + 1];
    if (after?.kind === 'num' && after.start === next.end) break;
    if (j - i >= MAX_GROUPS) return null;
    integer += next.text;
    j++;
  }
  if (integer.replace(/^0+/, '').length > MAX_DIGITS) return null;
  let value = Number(integer);
  const sep = lx[j];
  const frac = lx[j + 1];
  const adjacent = sep && frac && sep.start === (lx[j - 1] as Lexeme).end && frac.start === sep.end;
  if (adjacent && (sep.text === ',' || sep.text === '.') && frac.kind === 'num') {
    value = Number(`${integer}.${frac.text}`);
    j += 2;
  }
  return {
    value,
    to: j,
    digits: true,
    integer,
    head: 0,
    tail: value,
    lastScale: Number.POSITIVE_INFINITY,
  };
}

/** The longest number in words read: "три миллиона пятьсот двадцать пять тысяч триста сорок два" is 10. */
const MAX_WORDS = 12;

/**
 * "двадцать пять", "две тысячи пятьсот", "три миллиона пятьсот тысяч", "три с половиной", "полутора": a sum of
 * cardinals and scales, larger scales first. Reads at most MAX_WORDS lexemes.
 */
function readWords(lx: readonly Lexeme[], i: number): WordsRead | null {
  // Inside a run of number words ("пять" of "двадцать пять"): the number starts earlier.
  if (lx[i - 1]?.kind === 'word' && cardinalOf((lx[i - 1] as Lexeme).lower) !== null) return null;
  let total = 0;
  let group = 0;
  let j = i;
  let read = false;
  let lastScale = Number.POSITIVE_INFINITY;
  while (j < lx.length && j - i < MAX_WORDS) {
    const w = lx[j] as Lexeme;
    if (w.kind !== 'word') break;
    const card = cardinalOf(w.lower);
    if (card !== null) {
      group += card;
      read = true;
      j++;
      if (lx[j]?.lower === 'с' && lx[j + 1]?.lower === 'половиной') {
        group += 0.5;
        j += 2;
      }
      continue;
    }
    const scale = read ? scaleOf(w.lower) : null;
    // A scale inside a word number ("две тысячи пятьсот", "три миллиона пятьсот тысяч") is folded here when a
    // smaller part follows; the last one is left to readNumber.
    const next = lx[j + 1];
    if (scale !== null && scale < lastScale && next && cardinalOf(next.lower) !== null) {
      total += (group || 1) * scale;
      group = 0;
      lastScale = scale;
      j++;
      continue;
    }
    break;
  }
  if (!read) return null;
  return {
    value: total + group,
    to: j,
    digits: false,
    integer: null,
    head: total,
    tail: group,
    lastScale,
  };
}
