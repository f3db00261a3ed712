// The width a chart is drawn at. Charts are drawn at the width of the column they are shown in, one unit of the
// chart per CSS pixel, so their text shows at its CSS size (11 px). Drawn at a fixed 720 or 900 units and scaled
// into a ~540 px column, it showed at 8 px and 6.6 px.

/** Narrower than this a chart would have no room for its labels: it scrolls sideways instead. */
export const MIN_CHART_WIDTH = 300;
/** Wider than this a chart only spreads out. */
export const MAX_CHART_WIDTH = 900;
/** The size of the charts' text in px (styles.css, .chart), which their labels are measured and placed at. */
export const CHART_TEXT_PX = 11;
/** A change of the column's width draws the charts again once no change has come for this long (a window dragged). */
export const CHART_RESIZE_SETTLE_MS = 150;

/** The chart width for a column of `available` CSS pixels. */
export function chartWidth(available: number): number {
  return Math.round(Math.min(MAX_CHART_WIDTH, Math.max(MIN_CHART_WIDTH, available)));
}

/** The width of an element's content box: where a chart inside it is laid out. */
export function contentWidth(element: HTMLElement): number {
  const style = getComputedStyle(element);
  return element.clientWidth - Number.parseFloat(style.paddingLeft) - Number.parseFloat(style.paddingRight);
}
