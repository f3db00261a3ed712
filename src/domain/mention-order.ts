// The order a feature's mentions are listed in, shared by the pipeline (which pages them in this order) and the
// app (which lists what it has loaded in it): oldest article first, ties by article id, then reading order.
import { compareStrings } from './compare-strings.ts';
import type { Article, Mention } from './joined.ts';

/**
 * Dates are ISO (YYYY-MM-DD), so code-unit order is date order. Not localeCompare: it can order ids differently
 * on the build machine and in a reader's browser, and its first call builds an ICU collator (~12 ms of the main
 * thread before the map could be created, measured under SwiftShader).
 */
export const articleChronology = (a: Article, b: Article): number =>
  compareStrings(a.date, b.date) || compareStrings(a.id, b.id);

/** Newest first, then by id: the overview's list, and the newest articles the pipeline puts in the first view. */
export const newestFirst = (a: Article, b: Article): number =>
  compareStrings(b.date, a.date) || compareStrings(a.id, b.id);

/** The sentence's number within its paragraph, from the mention id's "-s<k>" (ids are "<article>-p<i>-s<k>"). */
export function sentenceNo(m: Mention): number {
  const k = m.id.lastIndexOf('-s');
  return k < 0 ? 0 : Number(m.id.slice(k + 2)) || 0;
}

/** Within one article: reading order. */
export const readingOrder = (a: Mention, b: Mention): number =>
  a.paragraph - b.paragraph || sentenceNo(a) - sentenceNo(b);

/** Mentions in panel order, given each article's rank in articleChronology order. */
export function panelOrder(rank: (articleId: string) => number): (a: Mention, b: Mention) => number {
  return (a, b) => rank(a.articleId) - rank(b.articleId) || readingOrder(a, b);
}
