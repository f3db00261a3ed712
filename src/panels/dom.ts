// The only way panels make DOM: elements and text nodes. Article text is untrusted input, so nothing here
// ever parses a string as HTML.
type Child = Node | string | null | undefined | false;

export interface Attrs {
  class?: string;
  id?: string;
  title?: string;
  role?: string;
  lang?: string;
  type?: string;
  tabindex?: string;
  scope?: string;
  colspan?: string;
  [data: `data-${string}`]: string;
  [aria: `aria-${string}`]: string;
}

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v !== undefined) node.setAttribute(k, v);
  }
  append(node, ...children);
  return node;
}

export function append(parent: Node, ...children: Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    parent.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
  }
}

/** A link only for http and https URLs; anything else (javascript:, data:) is shown as plain text. */
export function safeLink(url: string, text: string): HTMLElement {
  let ok = false;
  try {
    const u = new URL(url);
    ok = u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    ok = false;
  }
  if (!ok) return el('span', { class: 'unsafe-link' }, text);
  const a = el('a', { class: 'source-link' }, text);
  a.href = url;
  a.target = '_blank';
  a.rel = 'noopener noreferrer';
  return a;
}

export function button(label: string, onClick: () => void, attrs: Attrs = {}): HTMLButtonElement {
  const b = el('button', { type: 'button', ...attrs }, label);
  b.addEventListener('click', onClick);
  return b;
}

/** Text with some ranges wrapped in <mark>; ranges are UTF-16 offsets and may overlap or be unsorted. */
export function markedText(
  text: string,
  ranges: readonly { start: number; end: number; class?: string }[],
): Node[] {
  const sorted = [...ranges]
    .filter((r) => r.start >= 0 && r.end <= text.length && r.end > r.start)
    .sort((a, b) => a.start - b.start);
  const out: Node[] = [];
  let pos = 0;
  for (const r of sorted) {
    if (r.start < pos) continue;
    if (r.start > pos) out.push(document.createTextNode(text.slice(pos, r.start)));
    out.push(el('mark', r.class === undefined ? {} : { class: r.class }, text.slice(r.start, r.end)));
    pos = r.end;
  }
  if (pos < text.length) out.push(document.createTextNode(text.slice(pos)));
  return out;
}

/** Offsets of each occurrence of `needle` in `text`, for marking figures by their raw span. */
export function findAll(text: string, needle: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  if (needle === '') return out;
  let i = text.indexOf(needle);
  while (i !== -1) {
    out.push({ start: i, end: i + needle.length });
    i = text.indexOf(needle, i + needle.length);
  }
  return out;
}

/** A colour chip. Set through CSSOM, not a style attribute, so a strict CSP without 'unsafe-inline' allows it. */
export function swatch(color: string, cls = 'swatch'): HTMLElement {
  const s = el('span', { class: cls, 'aria-hidden': 'true' });
  s.style.backgroundColor = color;
  return s;
}
