// The embed's own flags in the query string, next to the app's state (src/state/url.ts reads f, lang, view and
// the filters from the same string): ?embed=1&theme=dark&legend=0&controls=0&static=1&panel=1&height=520.
// Unknown or malformed values fall back to the defaults, like the rest of the URL state.
import { serializeUrlState, type UrlState } from '../state/url.ts';

export type EmbedTheme = 'light' | 'dark';

export interface EmbedFlags {
  theme: EmbedTheme;
  /** the legend over the map */
  legend: boolean;
  /** zoom buttons and the language switch */
  controls: boolean;
  /** a picture of the map (SVG) instead of MapLibre: no WebGL, nothing to pan or zoom */
  static: boolean;
  /** the panel open from the start */
  panel: boolean;
  /** the embed's height without the panel (map plus bar), CSS px; null: the frame's own height */
  height: number | null;
}

export const DEFAULT_FLAGS: EmbedFlags = {
  theme: 'light',
  legend: true,
  controls: true,
  static: false,
  panel: false,
  height: null,
};

export const HEIGHT_MIN = 160;
export const HEIGHT_MAX = 2000;
export const DEFAULT_HEIGHT = 480;

function bool(q: URLSearchParams, key: string, fallback: boolean): boolean {
  const v = q.get(key);
  if (v === '1' || v === 'true') return true;
  if (v === '0' || v === 'false') return false;
  return fallback;
}

export function parseEmbedFlags(search: string): EmbedFlags {
  const q = new URLSearchParams(search);
  const h = Number(q.get('height'));
  return {
    theme: q.get('theme') === 'dark' ? 'dark' : 'light',
    legend: bool(q, 'legend', DEFAULT_FLAGS.legend),
    controls: bool(q, 'controls', DEFAULT_FLAGS.controls),
    static: bool(q, 'static', DEFAULT_FLAGS.static),
    panel: bool(q, 'panel', DEFAULT_FLAGS.panel),
    height: q.get('height') !== null && Number.isInteger(h) && h >= HEIGHT_MIN && h <= HEIGHT_MAX ? h : null,
  };
}

/** The flags that differ from the defaults, as query parameters (height is the snippet's business). */
export function embedFlagParams(f: EmbedFlags): URLSearchParams {
  const q = new URLSearchParams();
  if (f.theme !== DEFAULT_FLAGS.theme) q.set('theme', f.theme);
  if (f.legend !== DEFAULT_FLAGS.legend) q.set('legend', f.legend ? '1' : '0');
  if (f.controls !== DEFAULT_FLAGS.controls) q.set('controls', f.controls ? '1' : '0');
  if (f.static !== DEFAULT_FLAGS.static) q.set('static', f.static ? '1' : '0');
  if (f.panel !== DEFAULT_FLAGS.panel) q.set('panel', f.panel ? '1' : '0');
  return q;
}

/** App state and embed flags in one query string, without the leading '?'. */
export function embedQuery(state: UrlState, flags: EmbedFlags): string {
  const q = new URLSearchParams(serializeUrlState(state));
  for (const [k, v] of embedFlagParams(flags)) q.set(k, v);
  return q.toString();
}
