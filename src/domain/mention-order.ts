// The order a feature's mentions are listed in, shared by the pipeline (which pages them in this order) and the
// app (which lists what it has loaded in it): oldest article first, ties by article id, then reading order.
import type { Article, Mention } from './joined.ts';

export const articleChronology = (a: Article, b: Article): number =>
  a.date.localeCompare(b.date) || a.id.localeCompare(b.id);

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
