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

/** `text`, or its longest start (at a word's end where there is one) that fits `maxWidth` with "…" after it. */
export function fitLabel(text: string, maxWidth: number, fontSize: number): FittedLabel {
  if (textWidth(text, fontSize) <= maxWidth) return { text, cut: false };
  let lo = 0;
  let hi = text.length;
  // the longest prefix that fits with the ellipsis: widths grow with length, so a binary search finds it
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (textWidth(`${text.slice(0, mid).trimEnd()}…`, fontSize) <= maxWidth) lo = mid;
    else hi = mid - 1;
  }
  const prefix = text.slice(0, lo);
  const atWord = prefix.lastIndexOf(' ');
  const cut = atWord > lo / 2 ? prefix.slice(0, atWord) : prefix;
  return { text: `${cut.trimEnd()}…`, cut: true };
}
