// Quoted speech and who said it. For every sentence inside a quotation the quote is the whole quotation and the
// speaker the full name the article introduces; sentences outside quotations get null, and so does indirect
// speech ("По словам Алмата Тоекина, …", "— отмечает Эдуард Полетаев" without quote marks): it is not a quotation.
//
// A quotation counts as speech when an attribution follows it (", — отметил эксперт", ". Эдуард Полетаев") or
// introduces it in its sentence ("Эксперт отметил: «…»", "По словам Алмата Тоекина, «…»"), or when it opens a
// sentence and has at least four words; quoted names and titles inside a sentence
// ("Один пояс – Один путь", «зеленой») are not speech. Only top-level quotations are considered: "Комплексная
// программа…" inside a quotation is part of it. Two repairs the articles need: a quotation left open at the end of
// a paragraph continues into the next one up to its unmatched closing mark, and an unmatched closing mark after a
// closed quotation in the same paragraph (`"… позиции". Недавно … миром". Эдуард Полетаев`) extends it.
import type { Quote } from '../domain/joined.ts';
import { mapPacked } from './packed-map.ts';
import {
  findPeople,
  type Gender,
  isBefore,
  type Person,
  personBySurname,
  type TextPosition,
} from './people.ts';
import { type QuoteMark, scanQuoteMarks } from './quote-marks.ts';
import type { Sentence } from './sentences.ts';
import { isCapitalized, type Token, tokenize } from './text.ts';

interface Part {
  paragraph: number;
  /** offsets of the quoted text, marks excluded */
  start: number;
  end: number;
}

interface ArticleQuotation {
  parts: Part[];
  open: TextPosition;
  /** right after the closing mark; null while the quotation is not closed */
  after: TextPosition | null;
}

/** One entry per sentence, in the shape of `sentences`. */
export function findQuotes(
  paragraphs: readonly string[],
  sentences: readonly Sentence[][],
  /** tokenize(paragraph) for each paragraph, when the caller has them already */
  tokens: readonly (readonly Token[])[] = mapPacked(paragraphs, tokenize),
  /** scanQuoteMarks(paragraph) for each paragraph, when the caller has them already */
  marks: readonly (readonly QuoteMark[])[] = mapPacked(paragraphs, scanQuoteMarks),
): (Quote | null)[][] {
  // The people of the article only name speakers: found when the first quotation kept needs one (many articles
  // keep none).
  let people: Person[] | null = null;
  let timeline: Timeline = [];
  // paragraph → the parts of speech quotations in it, in text order
  const partsOf = new Map<number, { part: Part; quote: Quote }[]>();
  for (const q of collectQuotations(paragraphs, marks)) {
    const after =
      q.after === null ? null : attributionAfter(paragraphs[q.after.paragraph] ?? '', q.after.offset);
    const before = attributionBefore(paragraphs, q.open);
    const text = quotationText(paragraphs, q);
    const attributed = after !== null || before !== null;
    if (!attributed && !(opensSentence(paragraphs, q.open) && wordCount(text) >= 4)) continue;
    if (people === null) {
      people = findPeople(paragraphs, tokens);
      timeline = timelineOf(people);
    }
    const speaker =
      resolveSpeaker(after, people, timeline, q.open) ?? resolveSpeaker(before, people, timeline, q.open);
    const quote = { text, speaker };
    for (const part of q.parts) {
      const list = partsOf.get(part.paragraph);
      if (list) list.push({ part, quote });
      else partsOf.set(part.paragraph, [{ part, quote }]);
    }
  }
  // Top-level quotations do not overlap, so one pass over a paragraph's parts finds every sentence's quotation.
  return mapPacked(sentences, (list, p) => {
    const parts = (partsOf.get(p) ?? []).sort((x, y) => x.part.start - y.part.start);
    let k = 0;
    return mapPacked(list, (s) => {
      while (k < parts.length && (parts[k]?.part.end ?? 0) <= s.start) k++;
      const found = parts[k];
      if (!found || found.part.start >= s.end) return null;
      return { text: found.quote.text, speaker: found.quote.speaker };
    });
  });
}

/** Top-level quotations of the article, with the two repairs described in the header. */
function collectQuotations(
  paragraphs: readonly string[],
  marksOf: readonly (readonly QuoteMark[])[],
): ArticleQuotation[] {
  const out: ArticleQuotation[] = [];
  let pending: ArticleQuotation | null = null;
  paragraphs.forEach((text, p) => {
    const marks = marksOf[p] ?? [];
    const firstChar = text.search(/\S/);
    let last: ArticleQuotation | null = null;
    /** index in `marks` of the mark that closed `last`: a stray closer right after it extends `last` */
    let lastCloser = -1;
    let openedHere = false;
    marks.forEach((m, index) => {
      if (m.role === 'open' && m.depth === 0) {
        const closer = marks[m.partner];
        const continues = pending !== null && !openedHere && m.index === firstChar;
        openedHere = true;
        const part: Part = { paragraph: p, start: m.index + 1, end: closer ? closer.index : text.length };
        const after = closer ? { paragraph: p, offset: closer.index + 1 } : null;
        if (continues && pending) {
          // «…» opened again at the start of the next paragraph: the Russian way of quoting several paragraphs.
          pending.parts.push(part);
          pending.after = after;
          last = pending;
        } else {
          last = { parts: [part], open: { paragraph: p, offset: m.index }, after };
          out.push(last);
        }
        pending = closer ? null : last;
        lastCloser = m.partner;
      } else if (m.role === 'close' && m.partner < 0) {
        if (pending !== null && pending.open.paragraph < p && !openedHere) {
          pending.parts.push({ paragraph: p, start: 0, end: m.index });
          pending.after = { paragraph: p, offset: m.index + 1 };
          last = pending;
          pending = null;
          openedHere = true;
          lastCloser = index;
        } else if (last?.after && last.after.paragraph === p && lastCloser >= 0 && lastCloser === index - 1) {
          const tail = last.parts[last.parts.length - 1] as Part;
          tail.end = m.index;
          last.after = { paragraph: p, offset: m.index + 1 };
          lastCloser = index;
        }
      }
    });
    if (pending !== null && pending.open.paragraph < p && !openedHere) pending = null;
  });
  return out;
}

function quotationText(paragraphs: readonly string[], q: ArticleQuotation): string {
  return q.parts
    .map((part) => (paragraphs[part.paragraph] ?? '').slice(part.start, part.end).trim())
    .join('\n\n');
}

function wordCount(text: string): number {
  return tokenize(text).length;
}

/** The quotation starts a sentence: nothing before it in the paragraph, or a sentence end or a colon. */
function opensSentence(paragraphs: readonly string[], at: TextPosition): boolean {
  const text = paragraphs[at.paragraph] ?? '';
  let k = at.offset - 1;
  while (k >= 0 && /\s/.test(text.charAt(k))) k--;
  return k < 0 || /[.!?…:]/.test(text.charAt(k));
}

/** What an attribution says: the verb's gender (if past tense) and the words naming the speaker. */
interface Attribution {
  gender: Gender | null;
  words: string[];
  /** a name standing alone after the quotation (". Эдуард Полетаев"): the full name as the article gives it */
  loneName: string | null;
}

const SPEECH_VERB_PAST =
  /^(?:сказа|отмети|добави|подчеркну|заяви|поясни|уточни|резюмирова|рассказа|сообщи|констатирова|напомни|призна|заключи|написа|выразил?|указа)(л|ла|ли)$/;
const SPEECH_VERB_PRESENT =
  /^(?:считает|полагает|говорит|отмечает|подчеркивает|добавляет|заявляет|поясняет|уточняет|резюмирует|рассказывает|сообщает|пишет|уверен|уверена|убежден|убеждена)$/;
const LONE_NAME = /^\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?(?: \p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?){1,2}$/u;
/** How far after a closing mark an attribution is looked for. */
const ATTRIBUTION_CHARS = 200;

/** ", — отметил эксперт.", ", - сказала она", ". Эдуард Полетаев" right after the closing mark; null otherwise. */
function attributionAfter(paragraph: string, offset: number): Attribution | null {
  const rest = paragraph.slice(offset, offset + ATTRIBUTION_CHARS);
  const lead = /^[ \t]*([,.]?)[ \t]*([-–—]{1,2})?[ \t]*/.exec(rest);
  const body =
    rest
      .slice(lead?.[0].length ?? 0)
      .split(/[.!?…]/)[0]
      ?.trim() ?? '';
  const punct = lead?.[1] ?? '';
  const dash = (lead?.[2] ?? '') !== '';
  if (dash || punct === ',') {
    const tokens = tokenize(body);
    const verbAt = tokens.slice(0, 3).findIndex(isSpeechVerbToken);
    if (verbAt < 0) return null;
    const words = mapPacked(tokens, (t) => t.text);
    return { gender: verbGender(words[verbAt] ?? ''), words, loneName: null };
  }
  if (LONE_NAME.test(body) && /^[ \t]*[.]?[ \t]*$/.test(lead?.[0] ?? '')) {
    const end = offset + (lead?.[0].length ?? 0) + body.length;
    if (/^[.!?…]?\s*$/.test(paragraph.slice(end)))
      return { gender: null, words: body.split(' '), loneName: body };
  }
  return null;
}

/** "по словам X", "по мнению X", "как считает X", "как отметил X": who the rest of the sentence is from. */
const SOURCE_FRAME =
  /(?:^|\s)(?:по\s(?:словам|мнению|оценке)|как\s(?:считает|полагает|отмечает|отметил|отметила|сказал|сказала|подчеркнул|подчеркнула|заявил|заявила))\s/u;

/**
 * The words before the quotation in its own sentence that introduce it: `Эксперт отметил: «…»`,
 * `Эксперт отметил, что «…»`, `По словам Алмата Тоекина, «…»`. Null when they do not.
 */
function attributionBefore(paragraphs: readonly string[], at: TextPosition): Attribution | null {
  const from = Math.max(0, at.offset - ATTRIBUTION_CHARS);
  const before = (paragraphs[at.paragraph] ?? '').slice(from, at.offset).trimEnd();
  const clause = before.split(/[.!?…]/).pop() ?? '';
  // Each way of introducing a quotation below ends the clause with ":", "," or "что" (whose "о" only "О" and "о"
  // lower-case to): any other last character, and nothing below needs working out.
  if (!/[:,оО]$/.test(clause)) return null;
  const lower = clause.toLowerCase();
  const tokens = tokenize(clause);
  const words = mapPacked(tokens, (t) => t.text);
  const verb = tokens.find(isSpeechVerbToken)?.text;
  const introduces =
    (clause.endsWith(':') && verb !== undefined) ||
    (/,\s?что$/u.test(lower) && verb !== undefined) ||
    (clause.endsWith(',') && SOURCE_FRAME.test(` ${lower}`));
  if (!introduces) return null;
  return { gender: verb === undefined ? null : verbGender(verb), words, loneName: null };
}

function isSpeechVerb(lower: string): boolean {
  return SPEECH_VERB_PAST.test(lower) || SPEECH_VERB_PRESENT.test(lower);
}

/** isSpeechVerb of the token's word in lower case, worked out once per distinct word. */
function isSpeechVerbToken(t: Token): boolean {
  t.entry.speechVerb ??= isSpeechVerb(t.text.toLowerCase());
  return t.entry.speechVerb;
}

function verbGender(verb: string): Gender | null {
  const m = SPEECH_VERB_PAST.exec(verb.toLowerCase());
  if (!m)
    return verb.toLowerCase().endsWith('а') && SPEECH_VERB_PRESENT.test(verb.toLowerCase()) ? 'f' : null;
  return m[1] === 'ла' ? 'f' : m[1] === 'л' ? 'm' : null;
}

const HEAD_OF_STATE_WORD = /^(?:глав|президент|лидер)/;
const EXPERT_WORD =
  /^(?:эксперт|спикер|политолог|аналитик|специалист|собеседник|профессор|экономист|ученый|учёный|директор|представител)/;

/** The full name an attribution points to: a name, a pronoun, or a role word; null when it cannot be told. */
function resolveSpeaker(
  attribution: Attribution | null,
  people: readonly Person[],
  timeline: Timeline,
  quoteAt: TextPosition,
): string | null {
  if (attribution === null) return null;
  for (const w of attribution.words) {
    if (!isCapitalized(w)) continue;
    const person = personBySurname(people, w);
    if (person) return person.name;
  }
  if (attribution.loneName !== null) return attribution.loneName;
  const lower = mapPacked(attribution.words, (w) => w.toLowerCase());
  const pronoun = lower.find((w) => w === 'он' || w === 'она');
  if (pronoun !== undefined) {
    const gender = pronoun === 'она' ? 'f' : 'm';
    const person =
      mostRecent(timeline, quoteAt, (p) => p.gender === gender) ??
      mostRecent(timeline, quoteAt, (p) => p.gender === null);
    return person?.name ?? null;
  }
  const gender = attribution.gender;
  const fits = (p: Person) => gender === null || p.gender === null || p.gender === gender;
  if (lower.some((w, i) => HEAD_OF_STATE_WORD.test(w) && (!w.startsWith('глав') || isStateAhead(lower, i)))) {
    return mostRecent(timeline, quoteAt, (p) => p.headOfState && fits(p))?.name ?? null;
  }
  if (lower.some((w) => EXPERT_WORD.test(w))) {
    return mostRecent(timeline, quoteAt, (p) => !p.headOfState && fits(p))?.name ?? null;
  }
  return null;
}

/** "глава нашего государства", "глава государства": a head of state, not the head of a company. */
function isStateAhead(lower: string[], i: number): boolean {
  return lower.slice(i + 1, i + 3).some((w) => w.startsWith('государств'));
}

/** Every mention of every person, in text order: "the most recent person before a quotation" is a search here. */
type Timeline = { at: TextPosition; person: Person }[];

function timelineOf(people: readonly Person[]): Timeline {
  return people
    .flatMap((person) => person.mentions.map((at) => ({ at, person })))
    .sort((a, b) => a.at.paragraph - b.at.paragraph || a.at.offset - b.at.offset);
}

/** The person named last before `at` among those `accept` lets through. */
function mostRecent(timeline: Timeline, at: TextPosition, accept: (p: Person) => boolean): Person | null {
  let lo = 0;
  let hi = timeline.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (isBefore((timeline[mid] as Timeline[number]).at, at)) lo = mid + 1;
    else hi = mid;
  }
  for (let k = lo - 1; k >= 0; k--) {
    const entry = timeline[k] as Timeline[number];
    if (accept(entry.person)) return entry.person;
  }
  return null;
}
