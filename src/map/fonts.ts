// Noto Sans woff2 subsets shipped by @fontsource, emitted by Vite as hashed assets of our own origin.
import cyrillic from '@fontsource/noto-sans/files/noto-sans-cyrillic-400-normal.woff2?url';
import latin from '@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff2?url';
import latinExt from '@fontsource/noto-sans/files/noto-sans-latin-ext-400-normal.woff2?url';
import type { FontUrls } from './style.ts';

const abs = (u: string) => new URL(u, window.location.href).href;

export function fontUrls(): FontUrls {
  return { cyrillic: abs(cyrillic), latin: abs(latin), latinExt: abs(latinExt) };
}
