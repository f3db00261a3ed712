// Character classes the pipeline asks about for every character of every article: is it part of a word
// ([\p{L}\p{M}\p{N}]), which script is it (\p{Script=Cyrillic}, \p{Script=Latin}), is it a digit, a letter or
// a space. Testing a Unicode-property
// regex per character dominated ingest time, so each BMP code unit is classified once, by those same regexes, and
// remembered in a 128 KB table; the answers are the regexes' answers, only cached. Code points beyond the BMP
// (rare in news text) are asked of the regexes every time.

const WORD_PATTERN = /^[\p{L}\p{M}\p{N}]$/u;
const CYRILLIC_PATTERN = /^\p{Script=Cyrillic}$/u;
const LATIN_PATTERN = /^\p{Script=Latin}$/u;
const DIGIT_PATTERN = /^\p{Nd}$/u;
const LETTER_PATTERN = /^[\p{L}\p{M}]$/u;
const SPACE_PATTERN = /^\s$/u;

/** Bit flags of a code point's class; CLASSIFIED marks a table entry as filled in. */
const CLASSIFIED = 1;
export const WORD_CHAR = 2;
export const CYRILLIC_SCRIPT = 4;
export const LATIN_SCRIPT = 8;
/** \p{Nd}: what numbers.ts reads as digits */
export const DIGIT = 16;
/** [\p{L}\p{M}]: what numbers.ts reads as letters */
export const LETTER = 32;
/** \s */
export const SPACE = 64;
/** text.ts's "capitalised": lower-casing changes the unit and upper-casing keeps it (BMP units only) */
export const CAPITAL = 128;
/**
 * Lower-casing leaves the unit as it is. Lower case maps characters one by one but for context rules that only
 * change characters which change anyway (final sigma), so a string of such units is its own lower case.
 * Surrogates never have it: a pair may lower-case to another pair.
 */
export const LOWER_STABLE = 256;

const bmp = new Uint16Array(0x10000);

function classify(c: string): number {
  return (
    CLASSIFIED |
    (WORD_PATTERN.test(c) ? WORD_CHAR : 0) |
    (CYRILLIC_PATTERN.test(c) ? CYRILLIC_SCRIPT : 0) |
    (LATIN_PATTERN.test(c) ? LATIN_SCRIPT : 0) |
    (DIGIT_PATTERN.test(c) ? DIGIT : 0) |
    (LETTER_PATTERN.test(c) ? LETTER : 0) |
    (SPACE_PATTERN.test(c) ? SPACE : 0) |
    (c.length === 1 && c !== c.toLowerCase() && c === c.toUpperCase() ? CAPITAL : 0) |
    (c.length === 1 && !isSurrogate(c.charCodeAt(0)) && c === c.toLowerCase() ? LOWER_STABLE : 0)
  );
}

function isSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdfff;
}

/** `text.toLowerCase()`, without building a new string when nothing changes (most words of running text). */
export function toLower(text: string): string {
  const n = text.length;
  for (let i = 0; i < n; i++) {
    if (!(classOf(unitAt(text, i)) & LOWER_STABLE)) return text.toLowerCase();
  }
  return text;
}

const charCodeAt = String.prototype.charCodeAt;

/**
 * `text.charCodeAt(i)`, for the small helpers every module calls (codePointAt, toLower…). V8 keeps one record of
 * what a function has seen, shared by every caller it is inlined into, and these see strings of every form V8 makes
 * (flat, sliced, concatenated, internalised, one byte or two a character): past four forms, `text.charCodeAt` is
 * looked up by name on each call, and the ingest spent 2.35% of its instructions in that lookup (callgrind,
 * `LoadIC_Megamorphic`). The method taken from the prototype once and called on the string is one known function,
 * which V8 inlines; in a micro-benchmark, ~5× faster than the lookup. The same goes for `.length`: read once per
 * call, not per character.
 */
export function unitAt(text: string, i: number): number {
  return charCodeAt.call(text, i);
}

/** The class flags of code point `cp` (the exported bits, plus an internal one). */
export function classOf(cp: number): number {
  if (cp > 0xffff) return classify(String.fromCodePoint(cp));
  let flags = bmp[cp] as number;
  if (flags === 0) {
    // A lone surrogate comes here as itself; the u-flag regexes read it as a code point of no class.
    flags = classify(String.fromCharCode(cp));
    bmp[cp] = flags;
  }
  return flags;
}

/** The code point at `i` of `text` (a whole surrogate pair when one starts there), as codePointAt reads it. */
export function codePointAt(text: string, i: number): number {
  const c = unitAt(text, i);
  if (c < 0xd800 || c > 0xdbff || i + 1 >= text.length) return c;
  const d = unitAt(text, i + 1);
  return d >= 0xdc00 && d <= 0xdfff ? (c - 0xd800) * 0x400 + (d - 0xdc00) + 0x10000 : c;
}

/** UTF-16 units of code point `cp`. */
export function unitsOf(cp: number): number {
  return cp > 0xffff ? 2 : 1;
}
