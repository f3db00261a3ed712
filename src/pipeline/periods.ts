// Time expressions in a sentence and the period each one names, resolved against the article's date:
// "в 2024 году" → 2024; "за первые восемь месяцев 2025 года" → 2025-01..2025-08; "в марте 2025 года" → 2025-03;
// "за последние пять лет" → year−5..year; "в этом году" → the article's year; "к 2028 году" → 2028, a target;
// "в первом квартале 2025 года" → 2025-01..2025-03; "за девять месяцев текущего года" → the article's year,
// months 1–9; "с начала года" → January to the article's month.
// Patterns are bounded (no nested quantifiers, every repetition has a small upper bound) and run over one
// sentence, so each costs at most a constant per starting position: linear in the sentence.
import type { Period } from '../domain/joined.ts';
import { cardinalOf } from './numbers.ts';
import { BMP_LETTER } from './regex-letters.ts';
import { lowerSameLength } from './text.ts';

export interface PeriodSpan {
  /** UTF-16 offsets into the sentence */
  start: number;
  end: number;
  period: Period;
  /** "к 2028 году", "до 2030 года": a deadline, so a figure in its clause is a target */
  deadline: boolean;
}

const MONTHS = [
  'январ',
  'феврал',
  'март',
  'апрел',
  'ма[йяе]',
  'июн',
  'июл',
  'август',
  'сентябр',
  'октябр',
  'ноябр',
  'декабр',
] as const;
const MONTH = `(${MONTHS.join('|')})${BMP_LETTER}{0,3}`;
const NUM = `(${BMP_LETTER}{1,14}|\\d{1,2})`;
const YEAR = '(?<!\\d)((?:19|20)\\d\\d)(?!\\d)';
const YEAR_WORD = `(?:год${BMP_LETTER}{0,2}|гг?\\.?)`;
/** "2025 года" or "текущего года": a year written out or one the article's date resolves (two groups). */
const YEAR_REF = `(?:${YEAR}\\s${YEAR_WORD}|(текущего|этого|нынешнего|прошлого|минувшего)\\sгода)`;
/** Not inside a word: the lookbehind every rule starting with a short word needs. */
const START = '(?<![\\p{L}\\d])';
/**
 * START for a rule whose match begins with one of the words of the alternation `first`, which is checked first. V8
 * tries a leading lookbehind at every position of the text it scans, and tests \p{L} (some 600 ranges) by a binary
 * search in a C function (IsCharacterInRangeArray: 2.4% of the ingest's instructions at 10k, most of it from the
 * month patterns here and in events.ts); a lookahead for the first word turns nearly every position away before it
 * (a lookahead for first letters alone did not: they are among the commonest). The matches are the same.
 */
const startBefore = (first: string) => `(?=${first})${START}`;
const MONTH_STEMS = MONTHS.join('|');

interface Rule {
  re: RegExp;
  /**
   * What every match holds: a literal, and whether a year in digits. A sentence without them skips the rule's
   * scan (most sentences with a figure name no period at all, and there are fourteen rules).
   */
  needs: { text: string | null; year: boolean };
  read: (
    m: RegExpExecArray,
    articleYear: number,
    articleMonth: number,
  ) => { period: Period; deadline: boolean } | null;
}

const pad = (n: number) => String(n).padStart(2, '0');
const year = (y: number, deadline = false) => ({ period: { from: String(y), to: String(y) }, deadline });

function countOf(word: string): number | null {
  const n = /^\d+$/.test(word) ? Number(word) : cardinalOf(word);
  return n !== null && Number.isInteger(n) ? n : null;
}

/** The year of a YEAR_REF match: the digits, or the article's year (last year for "прошлого года"). */
function yearOf(digits: string | undefined, relative: string | undefined, articleYear: number): number {
  if (digits !== undefined) return Number(digits);
  return relative === 'прошлого' || relative === 'минувшего' ? articleYear - 1 : articleYear;
}

function months(y: number, from: number, to: number): { period: Period; deadline: boolean } {
  return { period: { from: `${y}-${pad(from)}`, to: `${y}-${pad(to)}` }, deadline: false };
}

const ORDINAL_QUARTERS: Record<string, number> = {
  перв: 1,
  втор: 2,
  трет: 3,
  четверт: 4,
  i: 1,
  ii: 2,
  iii: 3,
  iv: 4,
};

/** A pattern per month, made once (not per call): does a word start with the month's stem. */
const MONTH_STARTS = MONTHS.map((m) => new RegExp(`^${m}`, 'u'));

function monthIndex(stem: string): number {
  const i = MONTH_STARTS.findIndex((re) => re.test(stem));
  return i + 1;
}

// Earlier rules win where two overlap (the months-of-a-year rule before the bare year rule).
const RULES: Rule[] = [
  {
    // "за первые восемь месяцев 2025 года", "за девять месяцев 2025 года", "за 9 месяцев 2025 г.",
    // "за восемь месяцев текущего года"
    re: new RegExp(
      `${START}(?:за|в\\sтечение)\\s(?:первые\\s)?${NUM}\\sмесяц${BMP_LETTER}{0,3}\\s${YEAR_REF}`,
      'gu',
    ),
    needs: { text: 'месяц', year: false },
    read: (m, y) => {
      const n = countOf(m[1] ?? '');
      if (n === null || n < 1 || n > 12) return null;
      return months(yearOf(m[2], m[3], y), 1, n);
    },
  },
  {
    // "в первом полугодии 2025 года", "за первое полугодие текущего года"
    re: new RegExp(`${START}(перв|втор)${BMP_LETTER}{0,3}\\sполугоди${BMP_LETTER}{0,2}\\s${YEAR_REF}`, 'gu'),
    needs: { text: 'полугоди', year: false },
    read: (m, y) => {
      const first = m[1] === 'перв';
      return months(yearOf(m[2], m[3], y), first ? 1 : 7, first ? 6 : 12);
    },
  },
  {
    // "в первом квартале 2025 года", "за III квартал 2024 г.", "во втором квартале текущего года"
    re: new RegExp(
      `${START}(перв|втор|трет|четверт|iii|ii|iv|i)${BMP_LETTER}{0,3}\\sквартал${BMP_LETTER}{0,2}\\s${YEAR_REF}`,
      'gu',
    ),
    needs: { text: 'квартал', year: false },
    read: (m, y) => {
      const q = ORDINAL_QUARTERS[m[1] ?? ''];
      return q === undefined ? null : months(yearOf(m[2], m[3], y), 3 * q - 2, 3 * q);
    },
  },
  {
    // "за январь-август 2025 года", "в январе–сентябре 2025 года"
    re: new RegExp(`${startBefore(MONTH_STEMS)}${MONTH}\\s?[-–—]\\s?${MONTH}\\s${YEAR}\\s${YEAR_WORD}`, 'gu'),
    needs: { text: null, year: true },
    read: (m) => ({
      period: {
        from: `${m[3]}-${pad(monthIndex(m[1] ?? ''))}`,
        to: `${m[3]}-${pad(monthIndex(m[2] ?? ''))}`,
      },
      deadline: false,
    }),
  },
  {
    // "в марте 2025 года"
    re: new RegExp(`${startBefore(MONTH_STEMS)}${MONTH}\\s${YEAR}\\s${YEAR_WORD}`, 'gu'),
    needs: { text: null, year: true },
    read: (m) => {
      const month = `${m[2]}-${pad(monthIndex(m[1] ?? ''))}`;
      return { period: { from: month, to: month }, deadline: false };
    },
  },
  {
    // "в 2022-2026 годах", "на 2022–2026 годы"
    re: new RegExp(`${YEAR}\\s?[-–—]\\s?${YEAR}\\s${YEAR_WORD}`, 'gu'),
    needs: { text: null, year: true },
    read: (m) => ({ period: { from: m[1] ?? '', to: m[2] ?? '' }, deadline: false }),
  },
  {
    // "с 2020 по 2024 год"
    re: new RegExp(`${START}с\\s${YEAR}\\s(?:${YEAR_WORD}\\s)?по\\s${YEAR}\\s${YEAR_WORD}`, 'gu'),
    needs: { text: 'по', year: true },
    read: (m) => ({ period: { from: m[1] ?? '', to: m[2] ?? '' }, deadline: false }),
  },
  {
    // "с начала года", "с начала 2025 года", "с начала текущего года": January to the article's month.
    re: new RegExp(`${START}с\\sначала\\s(?:${YEAR_REF}|года)`, 'gu'),
    needs: { text: 'начала', year: false },
    read: (m, y, month) => {
      const from = yearOf(m[1], m[2], y);
      return months(from, 1, from === y ? month : 12);
    },
  },
  {
    // "к 2028 году", "до 2030 года", "к концу 2026 года", "до конца 2026 года": deadlines
    re: new RegExp(`${startBefore('к|до')}(?:к|до)\\s(?:концу\\s|конца\\s)?${YEAR}\\s${YEAR_WORD}`, 'gu'),
    needs: { text: null, year: true },
    read: (m) => year(Number(m[1]), true),
  },
  {
    // "в 2024 году", "за 2024 год", "2024 года"
    re: new RegExp(`${YEAR}\\s${YEAR_WORD}`, 'gu'),
    needs: { text: null, year: true },
    read: (m) => year(Number(m[1])),
  },
  {
    re: /(?<![\p{L}])в\s(?:этом|текущем|нынешнем)\sгоду/gu,
    needs: { text: 'году', year: false },
    read: (_m, y) => year(y),
  },
  {
    re: /(?<![\p{L}])в\s(?:прошлом|минувшем)\sгоду/gu,
    needs: { text: 'году', year: false },
    read: (_m, y) => year(y - 1),
  },
  {
    re: /(?<![\p{L}])в\sследующем\sгоду/gu,
    needs: { text: 'году', year: false },
    read: (_m, y) => year(y + 1, true),
  },
  {
    // "за последние пять лет" — counted back from the article's year, as the brief of the contract does.
    re: new RegExp(`${START}за\\sпоследние\\s${NUM}\\s(?:лет|года|год)`, 'gu'),
    needs: { text: 'последние', year: false },
    read: (m, y) => {
      const n = countOf(m[1] ?? '');
      return n === null || n < 1 || n > 50
        ? null
        : { period: { from: String(y - n), to: String(y) }, deadline: false };
    },
  },
];

/** The patterns of RULES, for the adversarial-input tests (tests/unit/pipeline-properties.test.ts). */
export const PERIOD_PATTERNS: readonly RegExp[] = RULES.map((r) => r.re);

const MAY_NAME_PERIOD = /(?:19|20)\d\d|год|лет/;
/** What YEAR can match, without its lookarounds: a rule that needs a year cannot match without this. */
const ANY_YEAR = /(?:19|20)\d\d/;
/**
 * What every match of a rule that needs a year holds: its last YEAR, then `\s` and YEAR_WORD (which starts with
 * "г"). Two of these never overlap (the digits after the first are preceded by a digit).
 */
const YEAR_ANCHOR = /(?<!\d)(?:19|20)\d\d(?!\d)\sг/gu;
/**
 * The most UTF-16 units from the start of a match of a rule that needs a year to its YEAR_ANCHOR: two months and a
 * dash ("январе – сентябре ", 30 counting letters beyond the BMP) is the longest lead-in of these rules.
 */
const YEAR_REACH = 32;

/** Where YEAR_ANCHOR matches in `lower`, in order. */
function yearAnchors(lower: string): number[] {
  const at: number[] = [];
  YEAR_ANCHOR.lastIndex = 0;
  for (let m = YEAR_ANCHOR.exec(lower); m !== null; m = YEAR_ANCHOR.exec(lower)) at.push(m.index);
  return at;
}

/** Every period the sentence names, in text order, without overlaps. `articleDate` is YYYY-MM-DD. */
export function findPeriods(
  sentence: string,
  articleDate: string,
  /** lowerSameLength(sentence) with ё → е, when the caller has it already */
  lower = lowerSameLength(sentence).replace(/ё/g, 'е'),
): PeriodSpan[] {
  // Every rule needs a year in digits or a word with "год"/"лет" in it: without one, none can match.
  if (!MAY_NAME_PERIOD.test(lower)) return [];
  const articleYear = Number(articleDate.slice(0, 4));
  const articleMonth = Number(articleDate.slice(5, 7)) || 12;
  const found: PeriodSpan[] = [];
  const anchors = ANY_YEAR.test(lower) ? yearAnchors(lower) : [];
  for (const rule of RULES) {
    if (rule.needs.year && anchors.length === 0) continue;
    if (rule.needs.text !== null && !lower.includes(rule.needs.text)) continue;
    // exec from lastIndex 0 rather than matchAll, which clones the regex on every call; no rule matches the empty
    // string, so the loop always advances.
    rule.re.lastIndex = 0;
    /** anchors[k] is the first anchor at or after lastIndex */
    let k = 0;
    for (;;) {
      if (rule.needs.year) {
        // A match holds an anchor at most YEAR_REACH units after its start: the search may start that far before
        // the next anchor (skipping the text before it), and none is left past the last one.
        const from = rule.re.lastIndex;
        while (k < anchors.length && (anchors[k] as number) < from) k++;
        if (k === anchors.length) break;
        rule.re.lastIndex = Math.max(from, (anchors[k] as number) - YEAR_REACH);
      }
      const m = rule.re.exec(lower);
      if (m === null) break;
      const start = m.index;
      const end = start + m[0].length;
      if (overlapsAny(found, start, end)) continue;
      const read = rule.read(m, articleYear, articleMonth);
      if (!read) continue;
      found.push({ start, end, ...read });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/**
 * Whether [start, end) overlaps a period already found. A sentence names a handful of periods at most, so a scan
 * of the list is cheaper than a per-character mask (a typed array allocated for every sentence with a figure).
 */
function overlapsAny(found: readonly PeriodSpan[], start: number, end: number): boolean {
  for (const p of found) if (p.start < end && start < p.end) return true;
  return false;
}
