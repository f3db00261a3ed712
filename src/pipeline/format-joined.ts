// The joined data as the contract file: pretty JSON with keys in the order ../shared/ARCHITECTURE.md lists them,
// whatever order the objects were built in, so files diff cleanly and readers see the documented shape.
import type { Article, Discrepancy, Figure, JoinedData, Mention, Period, Quote } from '../domain/joined.ts';

export function formatJoinedData(joined: JoinedData): string {
  return `${JSON.stringify(inContractOrder(joined), null, 2)}\n`;
}

export function inContractOrder(joined: JoinedData): JoinedData {
  return {
    articles: joined.articles.map(articleInContractOrder),
    mentions: joined.mentions.map(mention),
    discrepancies: joined.discrepancies.map(discrepancy),
  };
}

/** An article record with its keys in contract order; join.ts builds its records with it too. */
export function articleInContractOrder(a: Article): Article {
  return {
    id: a.id,
    file: a.file,
    date: a.date,
    source: a.source,
    title: a.title,
    author: a.author,
    url: a.url,
  };
}

function mention(m: Mention): Mention {
  return {
    id: m.id,
    articleId: m.articleId,
    paragraph: m.paragraph,
    text: m.text,
    featureIds: [...m.featureIds],
    quote: quote(m.quote),
    figures: m.figures.map(figure),
  };
}

function quote(q: Quote | null): Quote | null {
  return q === null ? null : { text: q.text, speaker: q.speaker };
}

function figure(f: Figure): Figure {
  return {
    value: f.value,
    unit: f.unit,
    raw: f.raw,
    qualifier: f.qualifier,
    metric: f.metric,
    period: period(f.period),
    kind: f.kind,
  };
}

function period(p: Period | null): Period | null {
  return p === null ? null : { from: p.from, to: p.to };
}

function discrepancy(d: Discrepancy): Discrepancy {
  return { metric: d.metric, period: period(d.period), mentionIds: [...d.mentionIds], note: d.note };
}
