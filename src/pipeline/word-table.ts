// One entry per distinct word seen, found from the characters of the text without cutting the word out first.
// Ingest looks at every word several times (tokens for names and features, lexemes for figures) and asks the same
// questions of the same words over and over; a Map keyed by a freshly sliced string costs a string hash and a copy
// for every occurrence, which made lookups dominate. Here a word is hashed straight from the text (FNV-1a over
// its UTF-16 units) into an open-addressing table, and the entry (the same string object for every occurrence,
// plus what other modules worked out about the word) is handed back. Bounded: past MAX_WORDS distinct words the
// table starts again empty; entries already handed out stay valid, they are only no longer found.

/** A distinct word and what has been worked out about it; the fields are filled in by the modules that ask. */
export interface WordEntry {
  readonly text: string;
  /** text.ts: matchKey(text) */
  key: string | undefined;
  /** numbers.ts: lower case with ё → е */
  lowerYo: string | undefined;
  /** numbers.ts: whether lexemes read from this word could start a number (see mayStartNumber) */
  numberish: boolean | undefined;
}

const MAX_WORDS = 1 << 18;
/** Twice the most entries, so probes stay short. */
const SLOTS = MAX_WORDS * 2;

let entries: WordEntry[] = [];
/** hash of each entry, by entry index */
const hashes = new Int32Array(MAX_WORDS);
/** entry index + 1 per slot; 0 is an empty slot */
const slots = new Int32Array(SLOTS);

/** FNV-1a over UTF-16 units: start from WORD_HASH_SEED and fold in each unit of the word with hashUnit. */
export const WORD_HASH_SEED = 0x811c9dc5;
export function hashUnit(h: number, unit: number): number {
  return Math.imul(h ^ unit, 0x01000193);
}

/** The entry of `text.slice(start, end)`, made on first sight. */
export function wordEntry(text: string, start: number, end: number): WordEntry {
  let h = WORD_HASH_SEED;
  for (let i = start; i < end; i++) h = hashUnit(h, text.charCodeAt(i));
  return hashedWordEntry(text, start, end, h);
}

/** wordEntry for a caller that hashed the word's units while scanning it (saves a second pass). */
export function hashedWordEntry(text: string, start: number, end: number, h: number): WordEntry {
  const length = end - start;
  for (let slot = h & (SLOTS - 1); ; slot = (slot + 1) & (SLOTS - 1)) {
    const found = (slots[slot] as number) - 1;
    if (found < 0) return add(text, start, end, h, slot);
    const entry = entries[found] as WordEntry;
    if (hashes[found] === h && entry.text.length === length && sameUnits(entry.text, text, start))
      return entry;
  }
}

function sameUnits(word: string, text: string, start: number): boolean {
  for (let k = 0; k < word.length; k++) if (word.charCodeAt(k) !== text.charCodeAt(start + k)) return false;
  return true;
}

function add(text: string, start: number, end: number, h: number, emptySlot: number): WordEntry {
  const entry: WordEntry = {
    text: text.slice(start, end),
    key: undefined,
    lowerYo: undefined,
    numberish: undefined,
  };
  let slot = emptySlot;
  if (entries.length >= MAX_WORDS) {
    // Full: start again (rare: a quarter of a million distinct words), with this word first in the empty table.
    entries = [];
    slots.fill(0);
    slot = h & (SLOTS - 1);
  }
  hashes[entries.length] = h;
  entries.push(entry);
  slots[slot] = entries.length;
  return entry;
}
