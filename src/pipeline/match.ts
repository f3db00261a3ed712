// Finds the curated features a sentence names, from their names and aliases, in any inflected form.
//
// Each alias is a sequence of words; each word is compared in one of three modes, decided once per alias word:
// - `caps`  ALL-CAPS abbreviations (ТМТМ, БТК, ВОЛС, НАР, SOCAR): exact and case-sensitive, so "нар" is not НАР;
// - `exact` indeclinable words: exact surface form, case-insensitive. A word is indeclinable when it is Latin,
//   has a digit, has at most 3 letters, or when the Snowball stemmer only drops one final у/ю/и/о/э from it
//   (Баку → бак, Актау → акта, Поти → пот, Тбилиси → тбилис, Бейнеу → бейне): for such words the stem collides
//   with ordinary words (бак = tank, акта = of an act), and foreign names in -у/-и/-о do not decline anyway;
// - `stem`  everything else: two words match when their Snowball stems are equal (stems of at least 4 letters;
//   "Алят" → "ал" would otherwise meet "Алиев" → "ал"), or when both leave the same base of at least 3 letters
//   after one case ending is cut (`caseStem`). The second test covers names the Snowball stemmer reads as verbs:
//   Астана → аста but Астане → астан; Габала → габа but Габале → габал. Карс → Карса/Карсе match by either.
// Between alias words the text may have spaces, hyphens, dashes or quote marks ("Баку-Тбилиси-Карс",
// "Баку – Тбилиси – Карс" and "Баку–Тбилиси–Джейхан" are one name), one short parenthetical and one generic
// modifier ("Средний (Транскаспийский) транспортный коридор" is the Средний коридор); never a comma or a full stop.
// Where matches overlap the longest wins, so "порта Актау" names the port, not the city. Composite corridors are
// not this module's concern: a mention of the TITR belongs to corridor-titr; the app aggregates parts.
import { stemmer } from '@orama/stemmers/russian';
import { compareStrings } from '../domain/compare-strings.ts';
import type { CorridorFeature, FeatureId, FeatureKind } from '../domain/feature.ts';
import { isAllCaps, normalizeText, type Token, tokenize } from './text.ts';
import type { WordEntry } from './word-table.ts';

export type WordMode = 'caps' | 'exact' | 'stem';

export interface AliasWord {
  mode: WordMode;
  /** matchKey of the word; lower-cased unless mode is `caps` */
  key: string;
  /** Snowball stem ('' when too short to trust) */
  stem: string;
  /** base after one case ending is cut ('' when too short to trust) */
  caseStem: string;
}

export interface CompiledAlias {
  featureId: FeatureId;
  kind: FeatureKind;
  /** the alias as written in the feature */
  alias: string;
  words: AliasWord[];
}

export interface AliasIndex {
  /** lookup key of an alias's first word → the aliases starting with it */
  byFirstWord: Map<string, CompiledAlias[]>;
  /** what matching needs to know of a text word, worked out once per distinct word (./word-table.ts) */
  wordInfo: WeakMap<WordEntry, WordInfo>;
}

/** A text word's forms and the aliases that may start at it: the same for every occurrence of the word. */
export interface WordInfo {
  /** the index the aliases are of */
  owner: AliasIndex;
  lower: string;
  stem: string;
  caseStem: string;
  /** the aliases whose first word this word may be, in lookup-key order, each once */
  aliases: readonly CompiledAlias[];
}

export interface TextSpan {
  start: number;
  end: number;
}

export interface FeatureMatch {
  featureId: FeatureId;
  /** every place in the text that names the feature, in text order */
  spans: TextSpan[];
}

const MIN_SNOWBALL_STEM = 4;
const MIN_CASE_STEM = 3;
/** how many words a parenthetical between two alias words may hold */
const MAX_PARENTHETICAL_WORDS = 4;

/** Names (ru, en) and aliases (ru, en) of every feature, compiled once for all sentences. */
export function compileAliases(features: readonly CorridorFeature[]): AliasIndex {
  const byFirstWord = new Map<string, CompiledAlias[]>();
  for (const f of features) {
    const p = f.properties;
    const seen = new Set<string>();
    for (const alias of [p.name.ru, p.name.en, ...p.aliases.ru, ...p.aliases.en]) {
      const words = tokenize(normalizeText(alias)).map((t) => compileWord(t.key));
      if (words.length === 0) continue;
      const signature = words.map((w) => `${w.mode}:${w.key}`).join(' ');
      if (seen.has(signature)) continue;
      seen.add(signature);
      const compiled: CompiledAlias = { featureId: p.id, kind: p.kind, alias, words };
      for (const key of lookupKeys(words[0] as AliasWord)) {
        const list = byFirstWord.get(key) ?? [];
        if (!list.includes(compiled)) list.push(compiled);
        byFirstWord.set(key, list);
      }
    }
  }
  return { byFirstWord, wordInfo: new WeakMap() };
}

function compileWord(key: string): AliasWord {
  if (isAllCaps(key)) return { mode: 'caps', key, stem: '', caseStem: '' };
  const lower = key.toLowerCase();
  const mode: WordMode = isIndeclinable(lower) ? 'exact' : 'stem';
  return mode === 'exact'
    ? { mode, key: lower, stem: '', caseStem: '' }
    : { mode, key: lower, stem: snowball(lower), caseStem: caseStem(lower) };
}

/** See the header: words compared by their exact form. */
export function isIndeclinable(lower: string): boolean {
  if (!/\p{Script=Cyrillic}/u.test(lower) || /\p{N}/u.test(lower)) return true;
  if (lower.length <= 3) return true;
  const stem = stemmer(lower);
  return /[уюиоэ]$/.test(lower) && stem === lower.slice(0, -1);
}

/** Keys under which a word is indexed: every key a matching text word could produce. */
function lookupKeys(word: AliasWord): string[] {
  if (word.mode !== 'stem') return [`=${word.key}`];
  return [word.stem ? `s:${word.stem}` : '', word.caseStem ? `c:${word.caseStem}` : ''].filter(
    (k) => k !== '',
  );
}

const stemCache = new Map<string, string>();

/** Snowball stem of a lower-cased Cyrillic word; '' when shorter than the stem length we trust. */
function snowball(lower: string): string {
  let stem = stemCache.get(lower);
  if (stem === undefined) {
    stem = /\p{Script=Cyrillic}/u.test(lower) ? stemmer(lower) : lower;
    stemCache.set(lower, stem);
  }
  return stem.length >= MIN_SNOWBALL_STEM ? stem : '';
}

// Noun and adjective case endings, longest first. Cutting one of them is all `caseStem` does: no verb or
// derivational suffixes, which is what makes it safe for names.
const CASE_ENDINGS = [
  'ами',
  'ями',
  'ого',
  'его',
  'ому',
  'ему',
  'ыми',
  'ими',
  'иях',
  'иям',
  'ией',
  'ой',
  'ей',
  'ою',
  'ею',
  'ом',
  'ем',
  'ам',
  'ям',
  'ах',
  'ях',
  'ов',
  'ев',
  'ий',
  'ый',
  'ая',
  'яя',
  'ое',
  'ее',
  'ые',
  'ие',
  'ых',
  'их',
  'ым',
  'им',
  'ую',
  'юю',
  'ии',
  'ия',
  'ью',
  'а',
  'я',
  'о',
  'е',
  'у',
  'ю',
  'ы',
  'и',
  'ь',
  'й',
];

export function caseStem(lower: string): string {
  if (!/\p{Script=Cyrillic}/u.test(lower)) return '';
  const ending = CASE_ENDINGS.find((e) => lower.endsWith(e) && lower.length - e.length >= MIN_CASE_STEM);
  const base = ending === undefined ? lower : lower.slice(0, -ending.length);
  return base.length >= MIN_CASE_STEM ? base : '';
}

function infoOf(index: AliasIndex, token: Token): WordInfo {
  // The entry keeps the info of the index asked last (one field read: every word of every sentence is asked);
  // the index's WeakMap keeps them all, for when more than one index is in use.
  const entry = token.entry;
  const last = entry.matchInfo;
  if (last !== undefined && last.owner === index) return last;
  let info = index.wordInfo.get(entry);
  if (info === undefined) {
    info = wordInfo(index, token.key);
    index.wordInfo.set(entry, info);
  }
  entry.matchInfo = info;
  return info;
}

function wordInfo(index: AliasIndex, key: string): WordInfo {
  const lower = key.toLowerCase();
  const stem = snowball(lower);
  const base = caseStem(lower);
  const keys = [`=${key}`, `=${lower}`, `s:${stem}`, `c:${base}`];
  const aliases = [...new Set(keys.flatMap((k) => index.byFirstWord.get(k) ?? []))];
  return { owner: index, lower, stem, caseStem: base, aliases };
}

/**
 * The words of one sentence as matching sees them: the caller's tokens as they are (offsets `offset` units into
 * the string they were cut from) and their cached infos, so no object is made per word.
 */
class SentenceWords {
  readonly text: string;
  private readonly tokens: readonly Token[];
  readonly offset: number;
  readonly index: AliasIndex;
  /** word `i` is tokens[from + i] */
  private readonly from: number;
  readonly length: number;

  constructor(
    text: string,
    tokens: readonly Token[],
    offset: number,
    index: AliasIndex,
    from: number,
    to: number,
  ) {
    this.text = text;
    this.tokens = tokens;
    this.offset = offset;
    this.index = index;
    this.from = from;
    this.length = to - from;
  }

  token(i: number): Token {
    return this.tokens[this.from + i] as Token;
  }

  /** offsets of word `i` in `text` */
  start(i: number): number {
    return this.token(i).start - this.offset;
  }
  end(i: number): number {
    return this.token(i).end - this.offset;
  }

  info(i: number): WordInfo {
    return infoOf(this.index, this.token(i));
  }

  /** `text` between words `i` and `i + 1` */
  gap(i: number): string {
    return this.text.slice(this.end(i), this.start(i + 1));
  }

  /** Whether NAME_GAP holds between words `i` and `i + 1`; a single space (most gaps) without a slice. */
  nameGap(i: number): boolean {
    const from = this.end(i);
    if (this.start(i + 1) - from === 1 && this.text.charCodeAt(from) === SPACE_UNIT) return true;
    return NAME_GAP.test(this.gap(i));
  }
}

const SPACE_UNIT = 0x20;

function wordMatches(word: AliasWord, words: SentenceWords, i: number): boolean {
  const t = words.info(i);
  switch (word.mode) {
    case 'caps':
      return words.token(i).key === word.key;
    case 'exact':
      return t.lower === word.key;
    case 'stem':
      return (
        (word.stem !== '' && t.stem === word.stem) || (word.caseStem !== '' && t.caseStem === word.caseStem)
      );
  }
}

/** Spaces, hyphens, dashes and quote marks: what may separate the words of one name. */
const NAME_GAP = /^[\s\-‐‑‒–—―"«»„“”']*$/;
const OPEN_PAREN_GAP = /^[\s"«„“]*\([\s"«„“]*$/;
const CLOSE_PAREN_GAP = /^[\s"»”“]*\)[\s\-‐‑‒–—―"«»„“”']*$/;

/**
 * Generic modifiers the press slips into a name: "Средний транспортный коридор" is the Средний коридор. One may
 * stand between two alias words; they are adjectives that never make a different feature on their own.
 */
const FILLER = /^(?:транспортн|международн|мультимодальн|логистическ|торгов)/;

/** The word that continues a name after word `i` (across a parenthetical if allowed), or -1. */
function adjacentWord(words: SentenceWords, i: number, parenthetical = true): number {
  if (i < 0 || i + 1 >= words.length) return -1;
  if (words.nameGap(i)) return i + 1;
  if (!parenthetical || !OPEN_PAREN_GAP.test(words.gap(i))) return -1;
  for (let j = i + 1; j < Math.min(words.length - 1, i + 1 + MAX_PARENTHETICAL_WORDS); j++) {
    const inner = words.gap(j);
    if (CLOSE_PAREN_GAP.test(inner)) return j + 1;
    if (!NAME_GAP.test(inner)) break;
  }
  return -1;
}

/**
 * The index of the last text word of `alias` matched from word `i`, or -1. A name continues after word `i` with
 * the next word, else the one after a generic modifier, or the one after a short parenthetical.
 */
function matchFrom(words: SentenceWords, alias: CompiledAlias, i: number, w: number): number {
  const word = alias.words[w];
  if (!word || i < 0 || i >= words.length || !wordMatches(word, words, i)) return -1;
  if (w === alias.words.length - 1) return i;
  const direct = adjacentWord(words, i);
  if (direct < 0) return -1;
  const end = matchFrom(words, alias, direct, w + 1);
  if (end >= 0) return end;
  const afterFiller = FILLER.test(words.info(direct).lower) ? adjacentWord(words, direct, false) : -1;
  return afterFiller < 0 ? -1 : matchFrom(words, alias, afterFiller, w + 1);
}

// A feature of one kind is not named where the words just before or inside the name say it is of the other kind:
// "высоковольтного кабеля по дну Каспийского моря" is the power cable, whatever the fibre cable's aliases say.
const KIND_CONFLICTS: Partial<Record<FeatureKind, RegExp>> = {
  'fiber-cable': /^(?:высоковольтн|энерг|электр|hvdc|лэп)/,
  'power-cable': /^(?:волоконн|оптическ|оптоволокон|волс|телекоммуникац|интернет|цифров)/,
};
const WORDS_BEFORE_FOR_CONFLICT = 2;

function conflictsWithKind(words: SentenceWords, kind: FeatureKind, first: number, last: number): boolean {
  const marker = KIND_CONFLICTS[kind];
  if (!marker) return false;
  for (let i = first; i <= last; i++)
    if (marker.test(i < words.length ? words.info(i).lower : '')) return true;
  for (let i = first - 1, n = 0; i >= 0 && n < WORDS_BEFORE_FOR_CONFLICT; i--, n++) {
    if (i + 1 >= words.length || !NAME_GAP.test(words.gap(i))) break;
    const lower = words.info(i).lower;
    if (lower === 'и' || lower === 'или') break;
    if (marker.test(lower)) return true;
  }
  return false;
}

/** A span that opens a quote inside it (`дорога "Баку-Тбилиси-Карс`) takes the closing mark right after it. */
function closeQuote(text: string, start: number, end: number): number {
  // Nearly every name is followed by something else than a closing mark: then there is nothing to count.
  const next = text.charAt(end);
  if (next === '"') return count(text, start, end, '"') % 2 === 1 ? end + 1 : end;
  if (next === '»') return count(text, start, end, '«') > count(text, start, end, '»') ? end + 1 : end;
  if (next === '“') return count(text, start, end, '„') > count(text, start, end, '“') ? end + 1 : end;
  if (next === '”') return count(text, start, end, '“') > count(text, start, end, '”') ? end + 1 : end;
  return end;
}

/** How many times the one-unit `mark` occurs in text[start..end): a loop that stops at `end`, where indexOf would
 * search on past the span, to the end of the text, for a mark the span lacks. */
function count(text: string, start: number, end: number, mark: string): number {
  const unit = mark.charCodeAt(0);
  let n = 0;
  for (let i = start; i < end; i++) if (text.charCodeAt(i) === unit) n++;
  return n;
}

export interface Candidate {
  featureId: FeatureId;
  start: number;
  end: number;
  words: number;
}

/** Every feature `text` names, in order of first appearance, each once, with all its spans. */
export function matchFeatures(
  index: AliasIndex,
  text: string,
  /** tokenize(text), when the caller has it already */
  tokens: readonly Token[] = tokenize(text),
  /** where `text` starts in the string `tokens` were cut from (their offsets are into it) */
  offset = 0,
  /** the words of `text` are tokens[from..to): a sentence's share of its paragraph's tokens, without a copy */
  from = 0,
  to = tokens.length,
): FeatureMatch[] {
  // Nothing is made per word: most sentences have no word that can start a name, found from the words' cached
  // infos alone, and the rest read the tokens where they are.
  let words: SentenceWords | null = null;
  const candidates: Candidate[] = [];
  for (let i = 0; i < to - from; i++) {
    const aliases = infoOf(index, tokens[from + i] as Token).aliases;
    if (aliases.length === 0) continue;
    words ??= new SentenceWords(text, tokens, offset, index, from, to);
    const start = words.start(i);
    for (const alias of aliases) {
      const last = matchFrom(words, alias, i, 0);
      if (last < 0 || conflictsWithKind(words, alias.kind, i, last)) continue;
      const end = closeQuote(text, start, words.end(last));
      candidates.push({ featureId: alias.featureId, start, end, words: alias.words.length });
    }
  }
  // Most sentences name nothing, or one name: no need to sort and group such a list.
  if (candidates.length === 0) return [];
  if (candidates.length === 1) {
    const only = candidates[0] as Candidate;
    return [{ featureId: only.featureId, spans: [{ start: only.start, end: only.end }] }];
  }
  return groupByFeature(longestFirst(candidates));
}

/**
 * Overlapping candidates: the one with more words (then more characters) wins; equal spans of different features
 * all stay (an alias two features share names both). Two overlapping names of the same feature
 * ("волоконно-оптического кабеля по дну Каспийского моря") become one span covering both.
 */
export function longestFirst(candidates: Candidate[], coverFrom = COVER_FROM): Candidate[] {
  const ordered = [...candidates].sort(
    (a, b) => b.words - a.words || b.end - b.start - (a.end - a.start) || a.start - b.start,
  );
  const kept: Candidate[] = [];
  const cover = candidates.length < coverFrom ? null : new SpanCover(candidates);
  for (const c of ordered) {
    const overlapping = cover === null ? keptOver(kept, c.start, c.end) : cover.spansOver(c.start, c.end);
    if (
      overlapping.length === 0 ||
      (overlapping.every((k) => isTie(k, c)) && !overlapping.some((k) => k.featureId === c.featureId))
    ) {
      const copy = { ...c };
      kept.push(copy);
      cover?.mark(copy, copy.start, copy.end);
    } else if (overlapping.every((k) => k.featureId === c.featureId)) {
      for (const k of overlapping) {
        cover?.mark(k, c.start, k.start);
        cover?.mark(k, k.end, c.end);
        k.start = Math.min(k.start, c.start);
        k.end = Math.max(k.end, c.end);
      }
    }
  }
  return kept;
}

/**
 * From this many candidates on, overlaps are found through a `SpanCover`; below it, by comparing with each kept
 * span. A sentence names two or three places; a cover of every offset up to the last name's end (an array of a
 * few hundred slots, and one small array per covered offset) was 12% of everything the ingest allocated.
 */
const COVER_FROM = 16;

// Module-level helpers rather than closures inside longestFirst: tsx names every local function it creates at run
// time, which costs more than the search itself when done for every sentence.

/** The kept spans overlapping [start, end), in the order kept. */
function keptOver(kept: readonly Candidate[], start: number, end: number): Candidate[] {
  const found: Candidate[] = [];
  for (const k of kept) if (k.start < end && start < k.end) found.push(k);
  return found;
}

/**
 * Which kept spans cover each offset from the first candidate's start to the last one's end: the spans a candidate
 * overlaps are those covering one of its own few offsets. A list of kept spans in start order, searched by binary
 * search, needed an insertion into its middle for each span kept (a copy of the list's tail each time): quadratic
 * for a sentence with thousands of names (0.9–4.4 s for 640,000 characters of "ТМТМ БТК Курык ", now ~0.15 s).
 */
class SpanCover {
  private readonly base: number;
  private readonly at: (Candidate[] | undefined)[];

  constructor(candidates: readonly Candidate[]) {
    let first = candidates[0]?.start ?? 0;
    let last = first;
    for (const c of candidates) {
      first = Math.min(first, c.start);
      last = Math.max(last, c.end);
    }
    this.base = first;
    this.at = new Array(last - first);
  }

  /** The kept spans covering any offset of [start, end), each once, in the order first met. */
  spansOver(start: number, end: number): Candidate[] {
    const found: Candidate[] = [];
    for (let i = start - this.base; i < end - this.base; i++) {
      const here = this.at[i];
      if (here === undefined) continue;
      for (const k of here) if (!found.includes(k)) found.push(k);
    }
    return found;
  }

  /** Records that `span` covers [from, to). */
  mark(span: Candidate, from: number, to: number): void {
    for (let i = from - this.base; i < to - this.base; i++) {
      const here = this.at[i];
      if (here === undefined) this.at[i] = [span];
      else here.push(span);
    }
  }
}

function isTie(k: Candidate, c: Candidate): boolean {
  return k.start === c.start && k.end === c.end && k.words === c.words;
}

/**
 * The kept spans by feature, features in order of first appearance. `kept` is longestFirst's own array, sorted in
 * place. A sentence names a few features (and a text at most as many as there are features): the groups are found
 * by a scan, without a Map and its copies.
 */
function groupByFeature(kept: Candidate[]): FeatureMatch[] {
  const out: FeatureMatch[] = [];
  for (const c of kept.sort(byStartThenFeature)) {
    let group: FeatureMatch | undefined;
    for (const g of out) {
      if (g.featureId !== c.featureId) continue;
      group = g;
      break;
    }
    if (group === undefined) out.push({ featureId: c.featureId, spans: [{ start: c.start, end: c.end }] });
    else group.spans.push({ start: c.start, end: c.end });
  }
  return out;
}

/** Spans in text order, those of equal start by feature id: a sentence's groups here, its name spans in join.ts. */
export function byStartThenFeature(
  a: { start: number; featureId: FeatureId },
  b: { start: number; featureId: FeatureId },
): number {
  return a.start - b.start || compareStrings(a.featureId, b.featureId);
}
