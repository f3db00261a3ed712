// Dated events in article sentences, for the timeline: "в марте 2025 года", "на конец 2026 года", "в мае 2005
// года", "в 2024 году", "в этом году" (the article's year), "20-21 октября" (the article's year). A date is kept
// with the precision the sentence gives (YYYY or YYYY-MM). Patterns are bounded: no nested quantifiers.
import type { ArticleEvent } from '../domain/app-data.ts';

const MONTHS: Record<string, number> = {
  январ: 1,
  феврал: 2,
  март: 3,
  апрел: 4,
  ма: 5,
  июн: 6,
  июл: 7,
  август: 8,
  сентябр: 9,
  октябр: 10,
  ноябр: 11,
  декабр: 12,
};
const MONTH_WORD =
  '(январ[еья]|феврал[еья]|марте?а?|апрел[еья]|ма[ейя]|июн[еья]|июл[еья]|августе?а?|сентябр[еья]|октябр[еья]|ноябр[еья]|декабр[еья])';

// \b is ASCII-only even with the u flag, so word starts are written as a lookbehind.
const START = '(?<![\\p{L}\\p{N}])';
// The first word of every match is checked before START: V8 tries a leading lookbehind at every position and tests
// \p{L} by a binary search in a C function, which a lookahead for the month stems spares nearly every position (as
// in periods.ts). The matches are the same.
const MONTH_STEMS = Object.keys(MONTHS).join('|');
const MONTH_YEAR = new RegExp(
  `(?=${MONTH_STEMS})${START}${MONTH_WORD}\\s{1,3}(\\d{4})\\s{1,3}(?:года|г\\.)`,
  'giu',
);
const DAY_MONTH = new RegExp(
  `(?=\\d)${START}\\d{1,2}(?:\\s{0,2}[-–]\\s{0,2}\\d{1,2})?\\s{1,3}${MONTH_WORD}(?!\\s{1,3}\\d{4})`,
  'giu',
);
const YEAR = /(?:^|[\s(])(?:в|на конец|к концу|в конце|до конца|с)\s{1,3}(\d{4})\s{1,3}(?:году|года|г\.)/giu;
const THIS_YEAR = /(?<![\p{L}\p{N}])в\s{1,3}этом\s{1,3}году(?![\p{L}])/giu;

/** The patterns, for the tests (tests/unit/ingest-speed.test.ts). */
export const EVENT_PATTERNS: readonly RegExp[] = [MONTH_YEAR, DAY_MONTH, YEAR, THIS_YEAR];

const MAY_NAME_DATE = /\d|этом/iu;
/** What MONTH_YEAR and YEAR both hold (a year in four digits): without it neither needs to scan the sentence. */
const FOUR_DIGITS = /\d{4}/;

/** "ма" must not catch "марта": the longer stems first. */
const STEMS_LONGEST_FIRST = Object.keys(MONTHS).sort((a, b) => b.length - a.length);

function monthOf(word: string): number | null {
  const w = word.toLowerCase();
  const stems = STEMS_LONGEST_FIRST;
  const stem = stems.find((s) => w.startsWith(s));
  return stem === undefined ? null : (MONTHS[stem] ?? null);
}

const pad = (n: number) => String(n).padStart(2, '0');

export interface FoundEvent {
  date: string;
  raw: string;
}

/** Dates a sentence names, in text order, each once. `articleDate` is YYYY-MM-DD. */
export function findEvents(sentence: string, articleDate: string): FoundEvent[] {
  // Every pattern needs a digit but "в этом году": without either, none can match.
  if (!MAY_NAME_DATE.test(sentence)) return [];
  const year = articleDate.slice(0, 4);
  const found: Found[] = [];
  // exec from lastIndex 0 rather than matchAll, which clones the regex on every call; none of the patterns
  // matches the empty string, so each loop advances (and exec leaves lastIndex at 0 when it fails).
  if (FOUR_DIGITS.test(sentence)) {
    MONTH_YEAR.lastIndex = 0;
    for (let m = MONTH_YEAR.exec(sentence); m !== null; m = MONTH_YEAR.exec(sentence)) {
      const month = monthOf(m[1] ?? '');
      if (month !== null) add(found, m.index, m[0], `${m[2]}-${pad(month)}`);
    }
    YEAR.lastIndex = 0;
    for (let m = YEAR.exec(sentence); m !== null; m = YEAR.exec(sentence)) {
      const at = m.index + (m[0].length - m[0].trimStart().length);
      add(found, at, m[0].trim(), m[1] ?? year);
    }
  }
  THIS_YEAR.lastIndex = 0;
  for (let m = THIS_YEAR.exec(sentence); m !== null; m = THIS_YEAR.exec(sentence))
    add(found, m.index, m[0], year);
  DAY_MONTH.lastIndex = 0;
  for (let m = DAY_MONTH.exec(sentence); m !== null; m = DAY_MONTH.exec(sentence)) {
    const month = monthOf(m[1] ?? '');
    if (month !== null) add(found, m.index, m[0], `${year}-${pad(month)}`);
  }
  const seen = new Set<string>();
  const out: FoundEvent[] = [];
  for (const e of found.sort((a, b) => a.at - b.at)) {
    if (seen.has(e.date)) continue;
    seen.add(e.date);
    out.push({ date: e.date, raw: e.raw });
  }
  return out;
}

interface Found {
  at: number;
  date: string;
  raw: string;
}

/**
 * Adds a date unless it overlaps one found before. At module level, not a closure per sentence: tsx names every
 * local function when it is made, once for each of the 37,577 sentences at 10,000 articles that pass the gate.
 */
function add(found: Found[], at: number, raw: string, date: string): void {
  for (const f of found) if (at < f.at + f.raw.length && f.at < at + raw.length) return;
  found.push({ at, date, raw });
}

/** Events of the mentions that name features: what the timeline shows beside the curated milestones. */
export function articleEvents(
  mentions: readonly { id: string; articleId: string; text: string; featureIds: readonly string[] }[],
  dateOf: (articleId: string) => string,
): ArticleEvent[] {
  // A loop, not filter and flatMap: most of the ~90,000 sentences that name a feature give no date, and each gave
  // two empty arrays.
  const out: ArticleEvent[] = [];
  for (const m of mentions) {
    if (m.featureIds.length === 0) continue;
    for (const e of findEvents(m.text, dateOf(m.articleId)))
      out.push({ date: e.date, raw: e.raw, mentionId: m.id, featureIds: [...m.featureIds] });
  }
  return out;
}
