// Which quotation marks in a paragraph open and which close, and how they pair. Shared by the sentence splitter
// (a full stop inside a quoted title does not end the sentence) and the quote finder (what was said, by whom).
// Straight quotes are the hard part: the articles nest "…"…"…" with straight quotes only, so a straight quote is
// read from its neighbours, and only when both sides are letters from what is open.

export type QuoteRole = 'open' | 'close';

export interface QuoteMark {
  /** UTF-16 offset of the mark */
  index: number;
  char: string;
  role: QuoteRole;
  /** index into the returned array of the mark this one pairs with; -1 for an unclosed opener or a stray closer */
  partner: number;
  /** how many quotations are open around this one (0 = top level); for a stray closer, 0 */
  depth: number;
}

/** « » „ “ ” and the straight quote, by UTF-16 unit: tested for every character of every paragraph. */
export function isQuoteCode(code: number): boolean {
  return (
    code === 0x22 || code === 0xab || code === 0xbb || code === 0x201e || code === 0x201c || code === 0x201d
  );
}
/**
 * The same six units as a regex: scanning for them with it jumps over the text between marks (most of it) much
 * faster than a test of every unit in a loop.
 */
export const QUOTE_UNITS = /["«»„“”]/g;
/** What may stand right before an opening quote. */
const BEFORE_OPEN = /[\s([{«„“/\-–—]/;
/** What may stand right after a closing quote. */
const AFTER_CLOSE = /[\s.,;:!?)\]}»”…\-–—]/;

/** How far down the open quotations a closing mark looks for its opener. */
const MAX_NESTING = 8;

/** The opener a closing mark pairs with. */
const OPENER_OF: Record<string, string> = { '»': '«', '”': '“', '“': '„', '"': '"' };

export function scanQuoteMarks(text: string): QuoteMark[] {
  const marks: QuoteMark[] = [];
  /** indices into `marks` of the openers not yet closed */
  const open: number[] = [];

  // exec from lastIndex 0 (it is left at 0 when a search fails); nothing below runs another search with it.
  QUOTE_UNITS.lastIndex = 0;
  for (let m = QUOTE_UNITS.exec(text); m !== null; m = QUOTE_UNITS.exec(text)) {
    const i = m.index;
    const c = text.charAt(i);
    const top = open.length === 0 ? undefined : marks[open[open.length - 1] as number]?.char;
    const role = roleOf(c, text.charAt(i - 1), text.charAt(i + 1), i === 0, i === text.length - 1, top);
    const index = marks.length;
    if (role === 'open') {
      marks.push({ index: i, char: c, role, partner: -1, depth: open.length });
      open.push(index);
      continue;
    }
    const wanted = OPENER_OF[c];
    // Quotations nest a few levels at most; looking deeper would make a run of unmatched marks quadratic.
    let k = open.length - 1;
    while (k >= 0 && k >= open.length - MAX_NESTING && marks[open[k] ?? -1]?.char !== wanted) k--;
    if (k < open.length - MAX_NESTING) k = -1;
    if (k < 0) {
      marks.push({ index: i, char: c, role, partner: -1, depth: 0 });
      continue;
    }
    const openerIndex = open[k] ?? -1;
    const opener = marks[openerIndex];
    // Openers above the match were never closed: they stay unpaired.
    open.length = k;
    marks.push({ index: i, char: c, role, partner: openerIndex, depth: k });
    if (opener) opener.partner = index;
  }
  return marks;
}

function roleOf(
  c: string,
  before: string,
  after: string,
  atStart: boolean,
  atEnd: boolean,
  top: string | undefined,
): QuoteRole {
  if (c === '«' || c === '„') return 'open';
  if (c === '»' || c === '”') return 'close';
  // “ closes a „ (Russian nested style) and opens otherwise (English style).
  if (c === '“') return top === '„' ? 'close' : 'open';
  const openSide = atStart || BEFORE_OPEN.test(before);
  const closeSide = atEnd || AFTER_CLOSE.test(after);
  if (openSide && !closeSide) return 'open';
  if (closeSide && !openSide) return 'close';
  return top === '"' ? 'close' : 'open';
}
