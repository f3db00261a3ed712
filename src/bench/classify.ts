// What kind of download a URL of the built site is, by its file name. The build puts MapLibre in a chunk named
// maplibre-*.js and its worker in maplibre-gl-worker-*.mjs (vite.config.ts); every other script is the app's own.

export const ASSET_CLASSES = ['own-js', 'maplibre-js', 'css', 'data', 'fonts', 'other'] as const;
export type AssetClass = (typeof ASSET_CLASSES)[number];

export function classifyUrl(url: string): AssetClass {
  const name = new URL(url).pathname.split('/').pop() ?? '';
  if (/\.m?js$/.test(name)) return name.startsWith('maplibre') ? 'maplibre-js' : 'own-js';
  if (name.endsWith('.css')) return 'css';
  if (name.endsWith('.json')) return 'data';
  if (/\.(woff2?|ttf|otf)$/.test(name)) return 'fonts';
  return 'other';
}
