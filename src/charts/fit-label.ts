// Chart labels that must fit a margin: measured in the page's own font with a 2D canvas (the chart is not in the
// document yet when it is drawn, so SVG's own measuring cannot be used), and cut with "…" when too long.

let context: CanvasRenderingContext2D | null | undefined;
/** the page's font family, read once: reading computed style can make the browser bring its styles up to date */
let family = 'sans-serif';

/** Width in px of `text` at `fontSize` px in the page's font; about 0.6 em a character where no canvas measures. */
export function textWidth(text: string, fontSize: number): number {
  if (context === undefined) {
    context = typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d');
    if (context !== null) family = getComputedStyle(document.documentElement).fontFamily || family;
  }
  if (context === null) return text.length * fontSize * 0.6;
  context.font = `${fontSize}px ${family}`;
  return context.measureText(text).width;
}

export interface FittedLabel {
  text: string;
  /** the text was cut: show the whole of it some other way (a tooltip) */
  cut: boolean;
}

/**
 * `text`, or, where it is too wide, its first words and its last words with " … " between them: the end of a name
 * is what tells it from its neighbours ("Железная дорога … Алтынколь (Хоргос)", "Товарооборот … янв.–авг. 2025 г.").
 * Of the cuts that fit, the one keeping the most characters wins, the longer end on a tie; a cut that splits a
 * bracket or quotes is not taken. Where none fits, the longest start that does, with "…" (at a word's end where
 * there is one).
 */
export function fitLabel(text: string, maxWidth: number, fontSize: number): FittedLabel {
  if (textWidth(text, fontSize) <= maxWidth) return { text, cut: false };
  const words = text.split(' ');
  let best: string | null = null;
  let kept = 0;
  for (let head = 1; head < words.length; head++) {
    if (!hasLetterOrDigit(words[head - 1] as string)) continue;
    // fewer tail words as the head grows: the tail starts after the head and leaves one word out at least
    for (let tail = words.length - head - 1; tail >= 1; tail--) {
      const from = words.length - tail;
      if (!hasLetterOrDigit(words[from] as string)) continue;
      const start = words.slice(0, head).join(' ');
      const end = words.slice(from).join(' ');
      // "Транскаспийский … коридор)": a bracket or quote cut in two reads as a typo
      if (!balanced(start) || !balanced(end)) continue;
      const candidate = `${start} … ${end}`;
      const chars = candidate.length - 3;
      if (chars < kept || (chars === kept && best !== null)) continue;
      if (textWidth(candidate, fontSize) <= maxWidth) {
        best = candidate;
        kept = chars;
        break;
      }
    }
  }
  if (best !== null) return { text: best, cut: true };
  return { text: startThatFits(text, maxWidth, fontSize), cut: true };
}

/** As many closing as opening brackets and quotes. */
function balanced(part: string): boolean {
  const count = (c: string) => part.split(c).length - 1;
  return count('(') === count(')') && count('«') === count('»');
}

/** A word that is more than punctuation: a cut never starts or ends its kept part on a lone dash. */
function hasLetterOrDigit(word: string): boolean {
  return /[\p{L}\p{N}]/u.test(word);
}

/** The longest start of `text` (at a word's end where there is one) that fits `maxWidth` with "…" after it. */
function startThatFits(text: string, maxWidth: number, fontSize: number): string {
  let lo = 0;
  let hi = text.length;
  // widths grow with length, so a binary search finds it
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (textWidth(`${text.slice(0, mid).trimEnd()}…`, fontSize) <= maxWidth) lo = mid;
    else hi = mid - 1;
  }
  const prefix = text.slice(0, lo);
  const atWord = prefix.lastIndexOf(' ');
  const cut = atWord > lo / 2 ? prefix.slice(0, atWord) : prefix;
  return `${cut.trimEnd()}…`;
}
