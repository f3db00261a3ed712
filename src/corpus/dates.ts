// Article dates and the periods an article speaks of, always relative to its own date: a figure "по итогам 2024
// года" in an article of March 2023 would be a forecast written as a fact, so past periods end before the
// article's month and deadlines fall after its year.
import type { Rng } from './rng.ts';

export interface ArticleDate {
  /** YYYY-MM-DD */
  iso: string;
  year: number;
  /** 1–12 */
  month: number;
  day: number;
}

/** The span the generated articles are dated in (both inclusive), per the brief: 2022-01-01..2026-10-31. */
const FIRST_DAY = Date.UTC(2022, 0, 1);
const LAST_DAY = Date.UTC(2026, 9, 31);
const DAY_MS = 86_400_000;

/** A day drawn uniformly from the span. Date.UTC on fixed numbers is arithmetic, not the clock. */
export function drawArticleDate(rng: Rng): ArticleDate {
  const days = Math.round((LAST_DAY - FIRST_DAY) / DAY_MS);
  const t = new Date(FIRST_DAY + rng.int(0, days) * DAY_MS);
  const year = t.getUTCFullYear();
  const month = t.getUTCMonth() + 1;
  const day = t.getUTCDate();
  const iso = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return { iso, year, month, day };
}

/**
 * Years in a seed sentence move by this much. The seeds were written in September–October 2025 and speak of
 * 2024 as last year and of "the first eight months of 2025": keeping that distance to the article's date keeps
 * those periods in its past (an article of March 2024 gets −2: "в 2022 году", "восемь месяцев 2023 года").
 */
export function yearShift(date: ArticleDate): number {
  return date.year - 2025 - (date.month < 10 ? 1 : 0);
}

const MONTHS_GEN = [
  'января',
  'февраля',
  'марта',
  'апреля',
  'мая',
  'июня',
  'июля',
  'августа',
  'сентября',
  'октября',
  'ноября',
  'декабря',
];
const MONTHS_PRE = [
  'январе',
  'феврале',
  'марте',
  'апреле',
  'мае',
  'июне',
  'июле',
  'августе',
  'сентябре',
  'октябре',
  'ноябре',
  'декабре',
];
/** "два месяца" … "одиннадцать месяцев", indexed by the count. */
const MONTH_COUNTS: Record<number, string> = {
  2: 'два месяца',
  3: 'три месяца',
  4: 'четыре месяца',
  5: 'пять месяцев',
  6: 'шесть месяцев',
  7: 'семь месяцев',
  8: 'восемь месяцев',
  9: 'девять месяцев',
  10: 'десять месяцев',
  11: 'одиннадцать месяцев',
};

/** "21 октября": the date as a dateline writes it. */
export function datelineDay(date: ArticleDate): string {
  return `${date.day} ${MONTHS_GEN[date.month - 1] ?? ''}`;
}

/** A period that ended before the article's month: "в январе–сентябре 2025 года", "по итогам 2024 года". */
export function pastPeriod(rng: Rng, date: ArticleDate): string {
  const y = date.year;
  const done = date.month - 1; // months of the article's year already over
  const options: string[] = [
    `в ${y - 1} году`,
    `по итогам ${y - 1} года`,
    `в ${y - 2} году`,
    'в прошлом году',
  ];
  if (done >= 2) {
    options.push(
      `в январе–${MONTHS_PRE[done - 1]} ${y} года`,
      `за первые ${MONTH_COUNTS[done]} ${y} года`,
      `за ${MONTH_COUNTS[done]} ${y} года`,
      'с начала года',
    );
  }
  if (done >= 3) options.push(`в первом квартале ${y} года`);
  if (done >= 6) options.push(`в первом полугодии ${y} года`);
  return rng.pick(options);
}

/** A deadline after the article's year: "к 2030 году", "до 2028 года". */
export function targetPeriod(rng: Rng, date: ArticleDate): string {
  const year = date.year + rng.int(1, 6);
  return rng.chance(0.6) ? `к ${year} году` : `до ${year} года`;
}
