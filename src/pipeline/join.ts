// Joins parsed articles to the curated features: every sentence that names a feature or carries a figure becomes
// a Mention (joined-data contract, ../shared/ARCHITECTURE.md), with the spans that name features and the article
// text sentence by sentence for the reader panel. Pure and deterministic: articles in id order, sentences in text
// order, ids built from positions (`<articleId>-p<paragraph>-s<sentence>`, both 0-based), no clock. Figures that
// disagree across articles become `discrepancies` (./compare.ts).
import type { ArticleSentence, ArticleText, NameSpan } from '../domain/app-data.ts';
import { compareStrings } from '../domain/compare-strings.ts';
import type { CorridorFeature } from '../domain/feature.ts';
import type { Article, Figure, JoinedData, Mention } from '../domain/joined.ts';
import type { ParsedArticle } from './articles.ts';
import { findDiscrepancies } from './compare.ts';
import { extractFigures } from './figures.ts';
import { articleInContractOrder } from './format-joined.ts';
import {
  type AliasIndex,
  byStartThenFeature,
  compileAliases,
  type FeatureMatch,
  matchFeatures,
} from './match.ts';
import { topicOf } from './metrics.ts';
import { mapPacked, mapPackedKept } from './packed-map.ts';
import { scanQuoteMarks } from './quote-marks.ts';
import { findQuotes } from './quotes.ts';
import { type Sentence, splitSentencesMarked } from './sentences.ts';
import { type Token, tokenize } from './text.ts';

export interface JoinResult {
  joined: JoinedData;
  /** mention id → where in `Mention.text` features are named; every mention has an entry */
  spans: Record<string, NameSpan[]>;
  texts: ArticleText[];
}

export function joinArticles(
  articles: readonly ParsedArticle[],
  features: readonly CorridorFeature[],
): JoinResult {
  const join = new ArticleJoin(compileAliases(features));
  for (const parsed of [...articles].sort(byArticleId)) join.add(parsed);
  return join.result();
}

function byArticleId(a: ParsedArticle, b: ParsedArticle): number {
  return compareStrings(a.article.id, b.article.id);
}

/**
 * The join one article at a time, so that the build can join each article as soon as it is parsed and hold one
 * article's bytes and parse at a time, not ten thousand (about 40 MB less at the peak; it is no faster). Articles
 * must come in id order: mention ids and the contract's order follow it.
 */
export class ArticleJoin {
  // Each article adds to the shared lists and map directly: a map of its own per article gave every mention id a
  // fresh hidden-class transition, and copying it over cost a second insertion.
  private readonly mentions: Mention[] = [];
  private readonly spans: Record<string, NameSpan[]> = {};
  private readonly texts: ArticleText[] = [];
  private readonly records: Article[] = [];
  private lastId: string | null = null;

  constructor(private readonly index: AliasIndex) {}

  add(parsed: ParsedArticle): void {
    const id = parsed.article.id;
    if (this.lastId !== null && compareStrings(this.lastId, id) >= 0)
      throw new Error(`articles must be joined in id order: "${id}" came after "${this.lastId}"`);
    this.lastId = id;
    this.texts.push(joinArticle(parsed, this.index, this.mentions, this.spans));
    this.records.push(articleInContractOrder(parsed.article));
  }

  result(): JoinResult {
    const { mentions, records } = this;
    return {
      joined: { articles: records, mentions, discrepancies: findDiscrepancies(mentions, records) },
      spans: this.spans,
      texts: this.texts,
    };
  }
}

/** Appends the article's mentions to `mentions` and their spans to `spans`; returns its text. */
function joinArticle(
  parsed: ParsedArticle,
  index: AliasIndex,
  mentions: Mention[],
  spans: Record<string, NameSpan[]>,
): ArticleText {
  const { article, paragraphs } = parsed;
  // The quotation marks of a paragraph serve both the sentence splitter and the quotes.
  const marks = mapPacked(paragraphs, scanQuoteMarks);
  const sentences = mapPacked(paragraphs, (text, p) => splitSentencesMarked(text, marks[p] ?? []));
  // Each paragraph is cut into words once, for the people and quotes and, sentence by sentence, for the names.
  const tokens = mapPacked(paragraphs, tokenize);
  const quotes = findQuotes(paragraphs, sentences, tokens, marks);
  const textParagraphs: ArticleSentence[][] = mapPackedKept(sentences, (list, p) => {
    // The running topic of the paragraph lets "он уже составил 547 миллионов" inherit "товарооборот".
    const sentenceTokens = tokensBySentence(tokens[p] ?? [], list);
    const topic = new RunningTopic();
    // bound, not an arrow: tsx names every arrow function assigned to a name when it is made
    const previousMetric = topic.current.bind(topic);
    return mapPackedKept(list, (sentence, s) => {
      const own = sentenceTokens[s] as SentenceTokens;
      const matches = matchFeatures(index, sentence.text, own.tokens, own.offset, own.from, own.to);
      const figures = extractFigures(
        sentence.text,
        { articleDate: article.date, previousMetric },
        own.tokens,
        own.from,
        own.to,
        own.offset,
      );
      topic.add(sentence.text, knownMetric(figures));
      if (matches.length === 0 && figures.length === 0) return { text: sentence.text, mentionId: null };
      const id = `${article.id}-p${p}-s${s}`;
      const quote = quotes[p]?.[s] ?? null;
      mentions.push({
        id,
        articleId: article.id,
        paragraph: p,
        text: sentence.text,
        featureIds: mapPackedKept(matches, (m) => m.featureId),
        quote: quote === null ? null : { text: quote.text, speaker: quote.speaker },
        figures,
      });
      spans[id] = nameSpans(matches);
      return { text: sentence.text, mentionId: id };
    });
  });
  return { articleId: article.id, paragraphs: textParagraphs };
}

/** The spans of every match, by start then feature id (a loop, and no sort for one span: most sentences). */
function nameSpans(matches: readonly FeatureMatch[]): NameSpan[] {
  const out: NameSpan[] = [];
  for (const m of matches)
    for (const span of m.spans) out.push({ featureId: m.featureId, start: span.start, end: span.end });
  return out.length < 2 ? out : out.sort(byStartThenFeature);
}

/**
 * A sentence's words: tokenize(sentence.text) but with offsets `offset` units further on (into the paragraph),
 * as tokens[from..to).
 */
interface SentenceTokens {
  tokens: readonly Token[];
  offset: number;
  from: number;
  to: number;
}

/**
 * tokenize(sentence.text) for each sentence, taken from the paragraph's tokens without copying them: offsets stay
 * the paragraph's, and `offset` (the sentence's start) says how to make them the sentence's. A sentence starts and
 * ends next to white space or the paragraph's ends (see splitSentences), so no word crosses its edges and each
 * word inside reads the same.
 */
function tokensBySentence(tokens: readonly Token[], sentences: readonly Sentence[]): SentenceTokens[] {
  let k = 0;
  return mapPacked(sentences, (s) => {
    while (k < tokens.length && (tokens[k] as Token).start < s.start) k++;
    const crossesStart = k > 0 && (tokens[k - 1] as Token).end > s.start;
    const from = k;
    while (k < tokens.length && (tokens[k] as Token).end <= s.end) k++;
    const crossesEnd = k < tokens.length && (tokens[k] as Token).start < s.end;
    // Should a word ever cross an edge after all, the sentence is cut into words on its own.
    if (crossesStart || crossesEnd) {
      const own = tokenize(s.text);
      return { tokens: own, offset: 0, from: 0, to: own.length };
    }
    return { tokens, offset: s.start, from, to: k };
  });
}

/**
 * The topic after each sentence is the sentence's own topic (topicOf), else the metric of its figures, else the
 * topic before it. Few figures ever ask for it (an anaphor with no metric of its own), so topicOf, a dozen
 * patterns over the sentence, runs only then, once per sentence at most.
 */
class RunningTopic {
  private readonly texts: string[] = [];
  private readonly metrics: (string | null)[] = [];
  /** how many sentences `topic` has taken in */
  private resolved = 0;
  private topic: string | null = null;

  add(text: string, figuresMetric: string | null): void {
    this.texts.push(text);
    this.metrics.push(figuresMetric);
  }

  /** The topic after the sentences added so far. */
  current(): string | null {
    for (; this.resolved < this.texts.length; this.resolved++) {
      const k = this.resolved;
      this.topic = topicOf(this.texts[k] as string) ?? this.metrics[k] ?? this.topic;
    }
    return this.topic;
  }
}

function knownMetric(figures: readonly Figure[]): string | null {
  return figures.find((f) => f.metric !== 'unknown')?.metric ?? null;
}
