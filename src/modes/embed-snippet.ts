// The two snippets the Embed dialog offers for the current state: the loader form (a div plus one script; lazy,
// auto-height, events) and a plain iframe that needs no script. Pure string building, every value escaped.
import { serializeUrlState, type UrlState } from '../state/url.ts';
import { type EmbedFlags, embedQuery } from './embed-flags.ts';

export interface SnippetInput {
  /** the folder the map is published in, ending with '/' (where index.html, embed.html, embed-loader.js are) */
  base: string;
  state: UrlState;
  flags: EmbedFlags;
  /** px: the map and its bar; the panel adds to it when opened */
  height: number;
  /** the frame's accessible name and the fallback link's text */
  title: string;
}

export const escapeHtml = (s: string): string =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

const url = (base: string, file: string, query: string) => `${base}${file}${query === '' ? '' : `?${query}`}`;

export function loaderSnippet(i: SnippetInput): string {
  const query = embedQuery(i.state, i.flags);
  const full = `${i.base}index.html${serializeUrlState(i.state)}`;
  return [
    // The inline height reserves the space before any script runs (no layout shift); the link is for readers
    // without scripts and is replaced by the map.
    `<div data-corridors="${escapeHtml(query)}" data-height="${i.height}" data-title="${escapeHtml(i.title)}" style="height:${i.height}px">`,
    `  <a href="${escapeHtml(full)}">${escapeHtml(i.title)}</a>`,
    '</div>',
    `<script async src="${escapeHtml(`${i.base}embed-loader.js`)}"></script>`,
  ].join('\n');
}

export function iframeSnippet(i: SnippetInput): string {
  const q = new URLSearchParams(embedQuery(i.state, i.flags));
  q.set('embed', '1');
  return (
    `<iframe src="${escapeHtml(url(i.base, 'embed.html', q.toString()))}" title="${escapeHtml(i.title)}" ` +
    `width="100%" height="${i.height}" loading="lazy" allow="fullscreen" style="border:0;display:block"></iframe>`
  );
}
