// A long list drawn a batch at a time: a feature of a ten-thousand-article corpus may have thousands of mentions,
// and drawing them all would hold up the click that opened the panel. The first batch is drawn at once; the next
// when the reader scrolls near the end (an IntersectionObserver on a sentinel) or presses its button (keyboard,
// or a browser without the observer). When the loaded items run out and the list has more (`total`), the sentinel
// says so and `onNeedMore` fetches the next page; the panel is then drawn again, and a list with a `key` starts
// with as many items as it showed before, so the reader stays where they were.
import { button, el } from './dom.ts';

export const BATCH = 40;

/** How many items each keyed list showed last, so a list drawn again after a page arrived keeps its length. */
const shownBefore = new Map<string, number>();

export interface IncrementalListOptions<T> {
  /** the items loaded so far, in order */
  items: readonly T[];
  render(item: T): Node;
  /** the button's label for the next batch of n */
  moreLabel(n: number): string;
  attrs?: Record<string, string>;
  batch?: number;
  /** how many are drawn at first: `batch` unless given */
  first?: number;
  /** false: the next batch comes from the button only, not when the list's end scrolls into view */
  growOnScroll?: boolean;
  /** how many the list has in all, when not all are loaded */
  total?: number;
  /** the items ran out before `total`: fetch more (the list is drawn again when they arrive) */
  onNeedMore?: () => void;
  /** shown while they are fetched */
  loadingLabel?: string;
  /**
   * The last fetch failed: the sentinel offers this as a button instead of fetching again by itself (each failed
   * fetch redraws the panel, and a list that fetched on every draw would ask again and again).
   */
  failedLabel?: string;
  /** remembers how far the list was shown */
  key?: string;
  /**
   * The list's element: 'ul' by default; 'ol' for a numbered list; 'tbody' for a table's rows, where the sentinel
   * is a row whose one cell spans `columns`.
   */
  tag?: 'ul' | 'ol' | 'tbody';
  columns?: number;
}

export function incrementalList<T>(o: IncrementalListOptions<T>): HTMLElement {
  const batch = o.batch ?? BATCH;
  const total = Math.max(o.total ?? o.items.length, o.items.length);
  const list = el(o.tag ?? 'ul', { ...(o.attrs ?? {}), 'data-total': String(total) });
  let shown = 0;
  let asked = false;
  let observer: IntersectionObserver | null = null;
  /** the sentinel, and where its button or status goes (itself, or its one cell in a table) */
  const inTable = o.tag === 'tbody';
  const slot = inTable
    ? el('td', { class: 'list-more', colspan: String(o.columns ?? 1) })
    : el('li', { class: 'list-more' });
  const sentinel = inTable ? el('tr', {}, slot) : slot;
  const show = (n: number) => {
    const next = o.items.slice(shown, shown + n);
    shown += next.length;
    if (o.key !== undefined) shownBefore.set(o.key, shown);
    sentinel.remove();
    for (const item of next) list.appendChild(o.render(item));
    if (shown >= total) {
      observer?.disconnect();
      return;
    }
    if (shown < o.items.length) {
      slot.replaceChildren(
        button(o.moreLabel(Math.min(batch, total - shown)), () => show(batch), { class: 'link-button' }),
      );
    } else {
      // Everything loaded is shown and the list has more: fetch the next page, or after a failure offer to.
      const loading = () => slot.replaceChildren(el('span', { role: 'status' }, o.loadingLabel ?? '…'));
      if (o.failedLabel !== undefined) {
        const retry = () => {
          loading();
          o.onNeedMore?.();
        };
        slot.replaceChildren(button(o.failedLabel, retry, { class: 'link-button' }));
      } else {
        loading();
        if (!asked) {
          asked = true;
          o.onNeedMore?.();
        }
      }
    }
    list.appendChild(sentinel);
    // Asked again after every batch: the observer reports only changes, so a sentinel still in view after a batch
    // (a tall screen, short items) would otherwise wait for a scroll that never needs to happen.
    if (observer !== null) {
      observer.unobserve(sentinel);
      observer.observe(sentinel);
    }
  };
  show(Math.max(o.first ?? batch, o.key === undefined ? 0 : (shownBefore.get(o.key) ?? 0)));
  if (shown < total && o.growOnScroll !== false && typeof IntersectionObserver === 'function') {
    // The sentinel is watched only while the list is in the document; a panel drawn again without it is let go.
    observer = new IntersectionObserver((entries) => {
      if (!list.isConnected) observer?.disconnect();
      else if (entries.some((e) => e.isIntersecting) && shown < o.items.length) show(batch);
    });
    observer.observe(sentinel);
  }
  return list;
}
