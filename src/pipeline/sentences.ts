// Splits a paragraph into sentences, keeping offsets. A full stop ends a sentence only when the next sentence
// visibly starts (upper case, digit, opening quote or bracket) and the stop is not part of an abbreviation, an
// initial, a number, or a quoted title. Speech quoted at the start of a sentence is split inside, so each sentence
// of a long quotation is its own sentence and the last one keeps its attribution (", — сказала она.").
import { classOf, SPACE } from './char-class.ts';
import { isQuoteCode, type QuoteMark, scanQuoteMarks } from './quote-marks.ts';

export interface Sentence {
  /** the sentence, trimmed */
  text: string;
  /** UTF-16 offsets into the paragraph */
  start: number;
  end: number;
}

/**
 * A terminal or a quotation mark (isQuoteCode): the only units the splitter acts on. Found by a regex search,
 * which jumps over the text between them faster than a test of every unit.
 */
const STOP_OR_QUOTE = /[.!?…"«»„“”]/g;

/** The first terminal or quotation mark at or after `from`, or -1. */
function nextStopOrQuote(text: string, from: number): number {
  STOP_OR_QUOTE.lastIndex = from;
  const m = STOP_OR_QUOTE.exec(text);
  return m === null ? -1 : m.index;
}

/** . ! ? … */
const isTerminalCode = (code: number): boolean =>
  code === 0x2e || code === 0x21 || code === 0x3f || code === 0x2026;
const CLOSING_BRACKETS = ')]';

// Abbreviations after which a full stop never ends a sentence: a name or a word always follows.
const NEVER_END = new Set([
  'им',
  'ул',
  'проф',
  'акад',
  'доц',
  'просп',
  'пр-т',
  'пер',
  'пл',
  'стр',
  'рис',
  'см',
  'ср',
  'напр',
  'т.е',
  'т.к',
  'т.н',
  'и.о',
  'ок',
  'тел',
  'обл',
  'зам',
  'ген',
  'гос',
  'пос',
  'св',
  'ст',
  'гр',
  'р-н',
  'г-н',
  'г-жа',
  'mr',
  'mrs',
  'dr',
]);

// Abbreviations that may also close a sentence ("… до 1 млрд. Казахстан …"): split when a capital follows.
const MAY_END = new Set(['млн', 'млрд', 'тыс', 'трлн', 'т.д', 'т.п', 'др', 'руб', 'долл', 'км', 'гг', 'г']);

interface OpenQuote {
  markIndex: number;
  /** quoted speech at the start of a sentence (split inside) rather than a title or term inside one */
  speech: boolean;
}

export function splitSentences(paragraph: string): Sentence[] {
  return splitSentencesMarked(paragraph, scanQuoteMarks(paragraph));
}

/** splitSentences for a caller that has scanQuoteMarks(paragraph) already (splitSentences keeps one parameter: callers pass it to map). */
export function splitSentencesMarked(paragraph: string, marks: readonly QuoteMark[]): Sentence[] {
  const markAt = new MarkCursor(marks);
  const open: OpenQuote[] = [];
  const sentences: Sentence[] = [];
  let start = skipSpace(paragraph, 0);

  for (let i = nextStopOrQuote(paragraph, start); i >= 0; i = nextStopOrQuote(paragraph, i + 1)) {
    const code = paragraph.charCodeAt(i);
    if (isQuoteCode(code) && applyMark(paragraph, marks, markAt, open, start, i)) continue;
    if (!isTerminalCode(code)) continue;
    const stop = i;
    let j = i;
    while (j < paragraph.length && isTerminalCode(paragraph.charCodeAt(j))) j++;
    let k = j;
    while (
      k < paragraph.length &&
      (isCloser(marks, markAt, k) || CLOSING_BRACKETS.includes(paragraph.charAt(k)))
    ) {
      applyMark(paragraph, marks, markAt, open, start, k);
      k++;
    }
    i = k - 1;
    if (k >= paragraph.length || !isSpaceAt(paragraph, k)) continue;
    const next = skipSpace(paragraph, k);
    if (next >= paragraph.length) continue;
    // Only a quotation opened at top level can be speech, so "anything but speech is open" is cheap to tell.
    if (open.length > 1 || (open.length === 1 && open[0]?.speech === false)) continue;
    if (!startsSentence(paragraph, next)) continue;
    if (j === stop + 1 && isAbbreviationStop(paragraph, start, stop, next)) continue;
    sentences.push(makeSentence(paragraph, start, k));
    start = next;
  }
  if (start < paragraph.length) sentences.push(makeSentence(paragraph, start, paragraph.length));
  return mergeTrailingAttribution(
    paragraph,
    sentences.filter((s) => s.text.length > 0),
  );
}

/**
 * Takes in the quotation mark at `i`, if there is one (false if not): an opener is pushed on `open`, a closer
 * closes its opener and any left open above it. At module level, not a closure per paragraph: tsx names every
 * local function when it is made, and its cost showed in the ingest benchmark.
 */
function applyMark(
  paragraph: string,
  marks: readonly QuoteMark[],
  markAt: MarkCursor,
  open: OpenQuote[],
  sentenceStart: number,
  i: number,
): boolean {
  const markIndex = markAt.get(i);
  const mark = markIndex < 0 ? undefined : marks[markIndex];
  if (mark === undefined) return false;
  if (mark.role === 'open') {
    open.push({ markIndex, speech: open.length === 0 && opensSpeech(paragraph, sentenceStart, i) });
  } else if (mark.partner >= 0) {
    let k = open.length - 1;
    while (k >= 0 && open[k]?.markIndex !== mark.partner) k--;
    if (k >= 0) open.length = k;
  }
  return true;
}

/**
 * The index in `marks` of the mark at a text offset, or -1: what a Map from offset to index would say, for
 * offsets asked in non-decreasing order (splitSentences only moves forward), without building the Map.
 */
class MarkCursor {
  private readonly marks: readonly QuoteMark[];
  private next = 0;

  constructor(marks: readonly QuoteMark[]) {
    this.marks = marks;
  }

  get(offset: number): number {
    while (this.next < this.marks.length && (this.marks[this.next] as QuoteMark).index < offset) this.next++;
    return this.next < this.marks.length && (this.marks[this.next] as QuoteMark).index === offset
      ? this.next
      : -1;
  }
}

function isCloser(marks: readonly QuoteMark[], markAt: MarkCursor, i: number): boolean {
  const index = markAt.get(i);
  return index >= 0 && marks[index]?.role === 'close';
}

/** /\s/ for the unit at `i` (a lone surrogate is no space, as for the regex), from the cached classes. */
function isSpaceAt(text: string, i: number): boolean {
  return (classOf(text.charCodeAt(i)) & SPACE) !== 0;
}

function skipSpace(text: string, i: number): number {
  let k = i;
  while (k < text.length && isSpaceAt(text, k)) k++;
  return k;
}

function makeSentence(paragraph: string, start: number, end: number): Sentence {
  let e = end;
  while (e > start && isSpaceAt(paragraph, e - 1)) e--;
  return { text: paragraph.slice(start, e), start, end: e };
}

/** A quotation opened where a sentence starts, or after a colon, is speech; one opened mid-sentence is a title. */
function opensSpeech(paragraph: string, sentenceStart: number, i: number): boolean {
  let k = i - 1;
  while (k >= sentenceStart && isSpaceAt(paragraph, k)) k--;
  return k < sentenceStart || paragraph.charAt(k) === ':';
}

/** Upper case, a digit, an opening quote or bracket; a dash or lower case continues the sentence. */
function startsSentence(paragraph: string, i: number): boolean {
  const c = paragraph.charAt(i);
  if (/[-–—]/.test(c)) return false;
  if (/[«„“"([]/.test(c)) return true;
  if (/\p{N}/u.test(c)) return true;
  return /\p{Lu}/u.test(c);
}

/** The full stop at `dot` belongs to an abbreviation or an initial, and the next sentence does not start at `next`. */
function isAbbreviationStop(paragraph: string, sentenceStart: number, dot: number, next: number): boolean {
  if (paragraph.charAt(dot) !== '.') return false;
  const word = abbreviationBefore(paragraph, dot);
  // "1. Транзит вырос.": a list number, not a sentence.
  if (word.length === 0)
    return dot - sentenceStart <= 3 && /^\d{1,3}$/.test(paragraph.slice(sentenceStart, dot));
  const lower = word.toLowerCase();
  if (NEVER_END.has(lower)) return true;
  if (lower === 'г' || lower === 'гг') {
    // "г. Баку" (город) never ends a sentence. After a year it may ("…выросла в 2024 г. Казахстан…"), except
    // when the sentence so far is only the date: "В 2020–2024 гг. Казахстан вырос." is one sentence.
    // Only a short "sofar" can be a bare date; looking at no more than 40 characters keeps splitting linear.
    if (dot - sentenceStart > 40) return !/\d\s?г{1,2}$/.test(paragraph.slice(dot - 4, dot));
    const sofar = paragraph.slice(sentenceStart, dot);
    if (!/\d\s?г{1,2}$/.test(sofar)) return true;
    return /^(?:\p{L}{1,2}\s)?[\d\s–—-]{1,20}г{1,2}$/u.test(sofar);
  }
  if (word.length === 1) {
    // "А. Тоекин", "К.-Ж. Токаев": an upper-case initial; "т. е.", "и т. д.": a lower-case abbreviation.
    if (word !== lower) return true;
    return !(isTDot(paragraph, dot) && /\p{Lu}/u.test(paragraph.charAt(next)));
  }
  return !MAY_END.has(lower) && isKnownShortAbbreviation(lower);
}

/** "т. д." / "т. п." read as one abbreviation. */
function isTDot(paragraph: string, dot: number): boolean {
  const letter = paragraph.charAt(dot - 1);
  return (letter === 'д' || letter === 'п') && /т\.\s?$/.test(paragraph.slice(Math.max(0, dot - 4), dot - 1));
}

/** Lower-case words of 1–2 letters before a full stop that are not words ("ж", "тт"): treat as abbreviations. */
function isKnownShortAbbreviation(lower: string): boolean {
  return (
    lower.length <= 2 &&
    !/^(?:да|он|мы|вы|их|ей|им|её|ее|же|ли|бы|то|не|ни|из|на|по|за|до|от|со|во|ко|об)$/.test(lower)
  );
}

/** Letters right before the dot, with a dotted compound ("т.е", "т.д") read as one word. */
function abbreviationBefore(paragraph: string, dot: number): string {
  let s = dot;
  while (s > 0 && /[\p{L}-]/u.test(paragraph.charAt(s - 1))) s--;
  let word = paragraph.slice(s, dot);
  if (word.startsWith('-')) word = word.slice(1);
  // An upper-case initial stays one letter even in "К.-Ж.", so the caller sees an initial, not a compound.
  if (word.length === 1 && word !== word.toLowerCase()) return word;
  if (word.length > 0 && word.length <= 2 && paragraph.charAt(s - 1) === '.') {
    let p = s - 1;
    while (p > 0 && /\p{L}/u.test(paragraph.charAt(p - 1))) p--;
    const first = paragraph.slice(p, s - 1);
    if (first.length > 0 && first.length <= 2) return `${first}.${word}`;
  }
  return word;
}

const LONE_NAME = /^\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?(?:\s\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?){1,2}$/u;

/** `"…импульс". Эдуард Полетаев`: a name alone after a closed quotation is its attribution, not a sentence. */
function mergeTrailingAttribution(paragraph: string, sentences: Sentence[]): Sentence[] {
  const last = sentences[sentences.length - 1];
  const previous = sentences[sentences.length - 2];
  // The cheap test first: whether the previous sentence ends with a closing mark (and a terminal).
  if (!last || !previous || !endsWithClosedQuote(previous.text) || !LONE_NAME.test(last.text))
    return sentences;
  return [...sentences.slice(0, -2), makeSentence(paragraph, previous.start, last.end)];
}

/** /["»”][.!?…]?$/: the last unit, or the one before a final terminal, closes a quotation. */
function endsWithClosedQuote(text: string): boolean {
  const n = text.length;
  const last = text.charCodeAt(n - 1);
  if (isClosingQuoteCode(last)) return true;
  return n >= 2 && isTerminalCode(last) && isClosingQuoteCode(text.charCodeAt(n - 2));
}

/** " » ” */
function isClosingQuoteCode(code: number): boolean {
  return code === 0x22 || code === 0xbb || code === 0x201d;
}
