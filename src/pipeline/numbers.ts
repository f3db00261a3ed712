// Reads numbers as Russian news writes them: digits with a decimal comma or point and digit groups ("1 500",
// "3,5", "1.5"), cardinal words in any case and gender ("одного", "трех", "пятисот", "полутора"), and the scale
// words after either ("тыс.", "млн", "миллиарда"). No npm package parses Russian number words (tech-notes), so
// this is a small table. It works on lexemes, so reading is linear in the text.
import { DIGIT_GROUP_SEPARATOR } from './text.ts';

export interface Lexeme {
  kind: 'num' | 'word' | 'sym';
  text: string;
  /** lower case, ё → е */
  lower: string;
  start: number;
  end: number;
}

/** Digit runs, letter runs and single other characters, with offsets. */
export function lexemes(text: string): Lexeme[] {
  const out: Lexeme[] = [];
  for (const m of text.matchAll(/(\p{Nd}+)|([\p{L}\p{M}]+)|(\S)/gu)) {
    const kind = m[1] !== undefined ? 'num' : m[2] !== undefined ? 'word' : 'sym';
    const lower = m[0].toLowerCase().replace(/ё/g, 'е');
    out.push({ kind, text: m[0], lower, start: m.index, end: m.index + m[0].length });
  }
  return out;
}

// Cardinal words → value. Every case form is listed: the table is the documentation.
const CARDINALS: Record<string, number> = {};
function add(value: number, forms: string): void {
  for (const f of forms.split(' ')) CARDINALS[f] = value;
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
  [/^(?:тыс|тысяч[аеиуы]?|тысячами|тысячам|тысячей|тысячу)$/, 1e3],
  [/^(?:млн|миллион(?:а|ов|у|ом|ами|ам|ах|е)?)$/, 1e6],
  [/^(?:млрд|миллиард(?:а|ов|у|ом|ами|ам|ах|е)?)$/, 1e9],
  [/^(?:трлн|триллион(?:а|ов|у|ом|ами|ам|ах|е)?)$/, 1e12],
];

export function scaleOf(lower: string): number | null {
  for (const [re, value] of SCALES) if (re.test(lower)) return value;
  return null;
}

export function cardinalOf(lower: string): number | null {
  return CARDINALS[lower] ?? null;
}

/** Multiplicative adverbs: "вдвое", "втрое" … "вдесятеро". */
const TIMES_ADVERBS: Record<string, number> = {
  вдвое: 2,
  втрое: 3,
  вчетверо: 4,
  впятеро: 5,
  вшестеро: 6,
  всемеро: 7,
  ввосьмеро: 8,
  вдевятеро: 9,
  вдесятеро: 10,
};

export function timesAdverbOf(lower: string): number | null {
  return TIMES_ADVERBS[lower] ?? null;
}

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

/** A number starting at lexeme `i`, with its scale word if any; null when none starts there. */
export function readNumber(text: string, lx: readonly Lexeme[], i: number): NumberRead | null {
  const base = lx[i]?.kind === 'num' ? readDigits(text, lx, i) : readWords(lx, i);
  if (!base) return null;
  let { value, to } = base;
  let scaled = false;
  const scale = lx[to] && lx[to]?.kind === 'word' ? scaleOf((lx[to] as Lexeme).lower) : null;
  if (scale !== null && (base.digits || base.value < 1000)) {
    value *= scale;
    to++;
    scaled = true;
    // "тыс." / "млн.": the full stop belongs to the abbreviation when a word in lower case follows it.
    const dot = lx[to];
    const after = lx[to + 1];
    if (
      dot?.text === '.' &&
      dot.start === lx[to - 1]?.end &&
      after?.kind === 'word' &&
      after.text === after.lower
    ) {
      to++;
    }
  }
  return { value: round(value), from: i, to, digits: base.digits, scaled, integer: base.integer };
}

/** 12 significant digits are plenty and stop 3.5 * 1e6 from printing as 3499999.9999999995. */
function round(value: number): number {
  return Number.parseFloat(value.toPrecision(12));
}

function readDigits(
  text: string,
  lx: readonly Lexeme[],
  i: number,
): { value: number; to: number; digits: true; integer: string } | null {
  const first = lx[i];
  if (!first) return null;
  let integer = first.text;
  let j = i + 1;
  // Digit groups: a no-break space always joins; a plain space only before exactly three digits after a
  // group of one to three ("1 500 000"), which a year or a count next to another number never is.
  while (true) {
    const next = lx[j];
    const prev = lx[j - 1] as Lexeme;
    if (next?.kind !== 'num' || next.text.length !== 3) break;
    const gap = text.slice(prev.end, next.start);
    const strictOk = gap === ' ' && first.text.length <= 3;
    if (gap !== DIGIT_GROUP_SEPARATOR && !strictOk) break;
    const after = lx[j + 1];
    if (after?.kind === 'num' && after.start === next.end) break;
    integer += next.text;
    j++;
  }
  let value = Number(integer);
  const sep = lx[j];
  const frac = lx[j + 1];
  const adjacent = sep && frac && sep.start === (lx[j - 1] as Lexeme).end && frac.start === sep.end;
  if (adjacent && (sep.text === ',' || sep.text === '.') && frac.kind === 'num') {
    value = Number(`${integer}.${frac.text}`);
    j += 2;
  }
  return { value, to: j, digits: true, integer };
}

/** "двадцать пять", "две тысячи пятьсот", "три с половиной", "полутора": a sum of cardinals. */
function readWords(
  lx: readonly Lexeme[],
  i: number,
): { value: number; to: number; digits: false; integer: null } | null {
  let total = 0;
  let group = 0;
  let j = i;
  let read = false;
  while (j < lx.length) {
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
    // A scale inside a word number ("две тысячи пятьсот") is folded here; the last one is left to readNumber.
    if (scale !== null && scale === 1e3 && lx[j + 1] && cardinalOf((lx[j + 1] as Lexeme).lower) !== null) {
      total += (group || 1) * scale;
      group = 0;
      j++;
      continue;
    }
    break;
  }
  if (!read) return null;
  return { value: total + group, to: j, digits: false, integer: null };
}
