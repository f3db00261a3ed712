// The messages between the embed (embed.html, inside the frame) and the page that embeds it. The loader
// (src/embed/loader.ts) restates the same names and checks, as it may import nothing; README "Embed" documents
// them for host pages that do without the loader.
import type { FeatureId, Lang } from '../domain/feature.ts';

/** From the embed to its parent page (targetOrigin '*': nothing in them is secret). */
export type EmbedMessage =
  | { type: 'corridors:ready' }
  | { type: 'corridors:height'; height: number }
  | { type: 'corridors:select'; id: FeatureId | null }
  | { type: 'corridors:lang'; lang: Lang }
  | { type: 'corridors:panel'; open: boolean }
  | { type: 'corridors:contextlost' };

/** From the parent page to the embed: { type: 'corridors:command', select?: id | null, lang?: 'ru' | 'en' }. */
export interface EmbedCommand {
  select?: FeatureId | null;
  lang?: Lang;
}

/** A command from the host page, or null when it is not one (wrong shape, unknown feature, unknown language). */
export function parseCommand(data: unknown, features: ReadonlySet<FeatureId>): EmbedCommand | null {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return null;
  const d = data as Record<string, unknown>;
  if (d.type !== 'corridors:command') return null;
  const out: EmbedCommand = {};
  if (d.select === null || (typeof d.select === 'string' && features.has(d.select))) out.select = d.select;
  if (d.lang === 'ru' || d.lang === 'en') out.lang = d.lang;
  return Object.keys(out).length > 0 ? out : null;
}
