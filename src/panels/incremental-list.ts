// A long list drawn a batch at a time: a feature of a ten-thousand-article corpus may have thousands of mentions,
// and drawing them all would hold up the click that opened the panel. The first batch is drawn at once; the next
// when the reader scrolls near the end (an IntersectionObserver on a sentinel) or presses its button (keyboard,
// or a browser without the observer). Items are drawn only once: a list that long is read from the top.
import { button, el } from './dom.ts';

export const BATCH = 40;

export interface IncrementalListOptions<T> {
  items: readonly T[];
  render(item: T): Node;
  /** the button's label for the next batch of n */
  moreLabel(n: number): string;
  attrs?: Record<string, string>;
  batch?: number;
}

export function incrementalList<T>(o: IncrementalListOptions<T>): HTMLElement {
  const batch = o.batch ?? BATCH;
  const list = el('ul', { ...(o.attrs ?? {}), 'data-total': String(o.items.length) });
  let shown = 0;
  let observer: IntersectionObserver | null = null;
  const sentinel = el('li', { class: 'list-more' });
  const more = () => {
    const next = o.items.slice(shown, shown + batch);
    shown += next.length;
    sentinel.remove();
    for (const item of next) list.appendChild(o.render(item));
    const left = o.items.length - shown;
    if (left <= 0) {
      observer?.disconnect();
      return;
    }
    const b = button(o.moreLabel(Math.min(batch, left)), more, { class: 'link-button' });
    sentinel.replaceChildren(b);
    list.appendChild(sentinel);
  };
  more();
  if (shown < o.items.length && typeof IntersectionObserver === 'function') {
    // The sentinel is watched only while the list is in the document; a panel redrawn without it is let go.
    observer = new IntersectionObserver((entries) => {
      if (!list.isConnected) observer?.disconnect();
      else if (entries.some((e) => e.isIntersecting)) more();
    });
    observer.observe(sentinel);
  }
  return list;
}
