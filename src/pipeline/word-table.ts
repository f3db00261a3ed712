// One entry per distinct word seen, found from the characters of the text without cutting the word out first.
// Ingest looks at every word several times (tokens for names and features, lexemes for figures) and asks the same
// questions of the same words over and over; a Map keyed by a freshly sliced string costs a string hash and a copy
// for every occurrence, which made lookups dominate. Here a word is hashed straight from the text (FNV-1a over
// its UTF-16 units) into an open-addressing table, and the entry (the same string object for every occurrence,
// plus what other modules worked out about the word) is handed back. Bounded: past MAX_WORDS distinct words the
// table starts again empty; entries already handed out stay valid, they are only no longer found.

import { unitAt } from './char-class.ts';
import type { WordInfo } from './match.ts';
import type { Surname } from './people.ts';

/** A distinct word and what has been worked out about it; the fields are filled in by the modules that ask. */
export interface WordEntry {
  readonly text: string;
  /** text.ts: matchKey(text) */
  key: string | undefined;
  /** numbers.ts: lower case with ё → е */
  lowerYo: string | undefined;
  /** numbers.ts: whether lexemes read from this word could start a number (see mayStartNumber) */
  numberish: boolean | undefined;
  /** numbers.ts: whether every code point is a letter, so that the word is one word lexeme */
  lettersOnly: boolean | undefined;
  /** match.ts: what matching worked out about the word, for the alias index asked last */
  matchInfo: WordInfo | undefined;
  /** people.ts: text.toLowerCase() */
  lower: string | undefined;
  /** people.ts: the surname form of a Cyrillic name, else null */
  surname: Surname | null | undefined;
  /** quotes.ts: whether the word in lower case is a verb of speech */
  speechVerb: boolean | undefined;
}

const MAX_WORDS = 1 << 18;
/** Slots to start with; the table doubles while it holds more than half as many entries (probes stay short). */
const FIRST_SLOTS = 1 << 12;

let entries: WordEntry[] = [];
/** hash of each entry, by entry index */
const hashes = new Int32Array(MAX_WORDS);
/**
 * The UTF-16 units of every entry's word, one after the other, and where each entry's start: a probe compares
 * against these few contiguous bytes instead of loading the entry and its string (a cache miss each, for every
 * word of the corpus). Grows by doubling.
 */
let units = new Uint16Array(1 << 16);
let unitCount = 0;
const unitStarts = new Int32Array(MAX_WORDS + 1);
/**
 * entry index + 1 per slot; 0 is an empty slot. Sized to the words seen, not to the most: a table sized for a
 * quarter of a million words spreads a few tens of thousands over megabytes, and every lookup missed the cache.
 */
let slots = new Int32Array(FIRST_SLOTS);
let mask = FIRST_SLOTS - 1;

/** FNV-1a over UTF-16 units: start from WORD_HASH_SEED and fold in each unit of the word with hashUnit. */
export const WORD_HASH_SEED = 0x811c9dc5;
export function hashUnit(h: number, unit: number): number {
  return Math.imul(h ^ unit, 0x01000193);
}

/** The entry of `text.slice(start, end)`, made on first sight. */
export function wordEntry(text: string, start: number, end: number): WordEntry {
  let h = WORD_HASH_SEED;
  for (let i = start; i < end; i++) h = hashUnit(h, unitAt(text, i));
  return hashedWordEntry(text, start, end, h);
}

/** wordEntry for a caller that hashed the word's units while scanning it (saves a second pass). */
export function hashedWordEntry(text: string, start: number, end: number, h: number): WordEntry {
  const length = end - start;
  for (let slot = h & mask; ; slot = (slot + 1) & mask) {
    const found = (slots[slot] as number) - 1;
    if (found < 0) return add(text, start, end, h, slot);
    if (hashes[found] === h && sameUnits(found, length, text, start)) return entries[found] as WordEntry;
  }
}

/** Whether entry `found`'s word is the `length` units of `text` from `start`. */
function sameUnits(found: number, length: number, text: string, start: number): boolean {
  const from = unitStarts[found] as number;
  if ((unitStarts[found + 1] as number) - from !== length) return false;
  for (let k = 0; k < length; k++) if (units[from + k] !== unitAt(text, start + k)) return false;
  return true;
}

function add(text: string, start: number, end: number, h: number, emptySlot: number): WordEntry {
  const entry: WordEntry = {
    text: text.slice(start, end),
    key: undefined,
    lowerYo: undefined,
    numberish: undefined,
    lettersOnly: undefined,
    matchInfo: undefined,
    lower: undefined,
    surname: undefined,
    speechVerb: undefined,
  };
  let slot = emptySlot;
  if (entries.length >= MAX_WORDS) {
    // Full: start again (rare: a quarter of a million distinct words), with this word first in the empty table.
    entries = [];
    unitCount = 0;
    slots = new Int32Array(FIRST_SLOTS);
    mask = FIRST_SLOTS - 1;
    slot = h & mask;
  } else if ((entries.length + 1) * 2 > slots.length) {
    grow();
    for (slot = h & mask; slots[slot] !== 0; slot = (slot + 1) & mask);
  }
  const index = entries.length;
  hashes[index] = h;
  if (unitCount + (end - start) > units.length) {
    const more = new Uint16Array(Math.max(units.length * 2, unitCount + (end - start)));
    more.set(units.subarray(0, unitCount));
    units = more;
  }
  for (let i = start; i < end; i++) units[unitCount++] = unitAt(text, i);
  unitStarts[index + 1] = unitCount;
  entries.push(entry);
  slots[slot] = index + 1;
  return entry;
}

/** Twice the slots, every entry placed again by its hash. */
function grow(): void {
  slots = new Int32Array(slots.length * 2);
  mask = slots.length - 1;
  for (let k = 0; k < entries.length; k++) {
    let slot = (hashes[k] as number) & mask;
    while (slots[slot] !== 0) slot = (slot + 1) & mask;
    slots[slot] = k + 1;
  }
}
