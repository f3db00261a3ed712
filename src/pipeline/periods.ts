// Time expressions in a sentence and the period each one names, resolved against the article's date:
// "в 2024 году" → 2024; "за первые восемь месяцев 2025 года" → 2025-01..2025-08; "в марте 2025 года" → 2025-03;
// "за последние пять лет" → year−5..year; "в этом году" → the article's year; "к 2028 году" → 2028, a target.
// Patterns are bounded (no nested quantifiers) and run over one sentence.
import type { Period } from '../domain/joined.ts';
import { cardinalOf } from './numbers.ts';
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
const MONTH = `(${MONTHS.join('|')})[\\p{L}]{0,3}`;
const NUM = '([\\p{L}]{1,14}|\\d{1,2})';
const YEAR = '((?:19|20)\\d\\d)';
const YEAR_WORD = '(?:год[\\p{L}]{0,2}|гг?\\.?)';

interface Rule {
  re: RegExp;
  read: (m: RegExpExecArray, articleYear: number) => { period: Period; deadline: boolean } | null;
}

const pad = (n: number) => String(n).padStart(2, '0');
const year = (y: number, deadline = false) => ({ period: { from: String(y), to: String(y) }, deadline });

function countOf(word: string): number | null {
  const n = /^\d+$/.test(word) ? Number(word) : cardinalOf(word);
  return n !== null && Number.isInteger(n) ? n : null;
}

function monthIndex(stem: string): number {
  const i = MONTHS.findIndex((m) => new RegExp(`^${m}`, 'u').test(stem));
  return i + 1;
}

// Earlier rules win where two overlap (the months-of-a-year rule before the bare year rule).
const RULES: Rule[] = [
  {
    // "за первые восемь месяцев 2025 года", "за девять месяцев 2025 года", "за 9 месяцев 2025 г."
    re: new RegExp(
      `(?:за|в течение)\\s(?:первые\\s)?${NUM}\\sмесяц[\\p{L}]{0,3}\\s${YEAR}\\s${YEAR_WORD}`,
      'gu',
    ),
    read: (m) => {
      const n = countOf(m[1] ?? '');
      if (n === null || n < 1 || n > 12) return null;
      return { period: { from: `${m[2]}-01`, to: `${m[2]}-${pad(n)}` }, deadline: false };
    },
  },
  {
    // "за первое полугодие 2025 года"
    re: new RegExp(`(первое|второе)\\sполугоди[\\p{L}]{0,2}\\s${YEAR}\\s${YEAR_WORD}`, 'gu'),
    read: (m) => {
      const first = m[1] === 'первое';
      return {
        period: { from: `${m[2]}-${first ? '01' : '07'}`, to: `${m[2]}-${first ? '06' : '12'}` },
        deadline: false,
      };
    },
  },
  {
    // "за январь-август 2025 года"
    re: new RegExp(`${MONTH}\\s?[-–—]\\s?${MONTH}\\s${YEAR}\\s${YEAR_WORD}`, 'gu'),
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
    re: new RegExp(`${MONTH}\\s${YEAR}\\s${YEAR_WORD}`, 'gu'),
    read: (m) => {
      const month = `${m[2]}-${pad(monthIndex(m[1] ?? ''))}`;
      return { period: { from: month, to: month }, deadline: false };
    },
  },
  {
    // "в 2022-2026 годах", "на 2022–2026 годы"
    re: new RegExp(`${YEAR}\\s?[-–—]\\s?${YEAR}\\s${YEAR_WORD}`, 'gu'),
    read: (m) => ({ period: { from: m[1] ?? '', to: m[2] ?? '' }, deadline: false }),
  },
  {
    // "к 2028 году", "до 2030 года": deadlines
    re: new RegExp(`(?<![\\p{L}])(?:к|до)\\s${YEAR}\\s${YEAR_WORD}`, 'gu'),
    read: (m) => year(Number(m[1]), true),
  },
  {
    // "в 2024 году", "за 2024 год", "2024 года"
    re: new RegExp(`${YEAR}\\s${YEAR_WORD}`, 'gu'),
    read: (m) => year(Number(m[1])),
  },
  {
    re: /(?<![\p{L}])в\s(?:этом|текущем|нынешнем)\sгоду/gu,
    read: (_m, y) => year(y),
  },
  {
    re: /(?<![\p{L}])в\sпрошлом\sгоду/gu,
    read: (_m, y) => year(y - 1),
  },
  {
    re: /(?<![\p{L}])в\sследующем\sгоду/gu,
    read: (_m, y) => year(y + 1, true),
  },
  {
    // "за последние пять лет" — counted back from the article's year, as the brief of the contract does.
    re: new RegExp(`за\\sпоследние\\s${NUM}\\s(?:лет|года|год)`, 'gu'),
    read: (m, y) => {
      const n = countOf(m[1] ?? '');
      return n === null || n < 1 || n > 50
        ? null
        : { period: { from: String(y - n), to: String(y) }, deadline: false };
    },
  },
];

/** Every period the sentence names, in text order, without overlaps. `articleDate` is YYYY-MM-DD. */
export function findPeriods(sentence: string, articleDate: string): PeriodSpan[] {
  const lower = lowerSameLength(sentence).replace(/ё/g, 'е');
  const articleYear = Number(articleDate.slice(0, 4));
  const found: PeriodSpan[] = [];
  // Characters already inside a period: checking a match against them costs its own length, not the list's.
  const taken = new Uint8Array(lower.length);
  for (const rule of RULES) {
    for (const m of lower.matchAll(rule.re)) {
      const start = m.index;
      const end = start + m[0].length;
      if (taken.subarray(start, end).includes(1)) continue;
      const read = rule.read(m as RegExpExecArray, articleYear);
      if (!read) continue;
      taken.fill(1, start, end);
      found.push({ start, end, ...read });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}
