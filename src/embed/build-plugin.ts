// The embed's part of the build: the loader as a file of its own with a stable name (the snippet points at it),
// wrapped as an IIFE so that, loaded as a classic script, none of its names leak into the host page; and the
// placeholder pictures, drawn from the data files the corridors-data plugin has just emitted (so this plugin
// must come after it in vite.config.ts). The dev server serves both too.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { OutputBundle } from 'rolldown';
import type { Plugin } from 'vite';
import { type CoreData, SHARD_FILES } from '../domain/shards.ts';
import { DARK, LIGHT } from '../map/palette.ts';
import type { BasemapData } from '../map/style.ts';
import { placeholderSvg } from './placeholder.ts';

export const LOADER_FILE = 'embed-loader.js';
export const PLACEHOLDERS = { light: 'data/placeholder.svg', dark: 'data/placeholder-dark.svg' } as const;
const LOADER_SOURCE = fileURLToPath(new URL('./loader.ts', import.meta.url));
const TITLE = 'Каспийские коридоры · Caspian corridors';

const wrap = (code: string) => `(()=>{${code}\n})();\n`;

function placeholders(basemap: BasemapData, data: Pick<CoreData, 'features'>): Record<string, string> {
  const features = data.features.features;
  return {
    [PLACEHOLDERS.light]: placeholderSvg({ basemap, features, theme: LIGHT, title: TITLE }),
    [PLACEHOLDERS.dark]: placeholderSvg({ basemap, features, theme: DARK, title: TITLE }),
  };
}

/** A data file the corridors-data plugin emitted: it lives under data/<content hash>/, so found by its name. */
function assetJson<T>(bundle: OutputBundle, name: string): T {
  const fileName =
    Object.keys(bundle).find((f) => /^data\/[^/]+\//.test(f) && f.endsWith(`/${name}`)) ?? name;
  const a = bundle[fileName];
  if (a?.type !== 'asset')
    throw new Error(
      `${fileName} is not in the bundle: the corridors-data plugin must come before corridors-embed`,
    );
  const text = typeof a.source === 'string' ? a.source : new TextDecoder().decode(a.source);
  return JSON.parse(text) as T;
}

export function embedBuild(): Plugin {
  return {
    name: 'corridors-embed',
    buildStart() {
      if (this.meta.watchMode) return;
      this.emitFile({ type: 'chunk', id: LOADER_SOURCE, fileName: LOADER_FILE });
    },
    renderChunk(code, chunk) {
      return chunk.fileName === LOADER_FILE ? { code: wrap(code), map: null } : null;
    },
    generateBundle(_options, bundle) {
      const svgs = placeholders(
        assetJson<BasemapData>(bundle, SHARD_FILES.basemap),
        assetJson<CoreData>(bundle, SHARD_FILES.core),
      );
      for (const [fileName, source] of Object.entries(svgs))
        this.emitFile({ type: 'asset', fileName, source });
    },
    configureServer(server) {
      // Dev: the loader transformed on each request; placeholders from the data the dev server itself serves.
      server.middlewares.use((req, res, next) => {
        const file = (req.url ?? '').split('?')[0]?.replace(server.config.base, '') ?? '';
        const send = (type: string, body: string) => {
          res.setHeader('Content-Type', type);
          res.end(body);
        };
        if (file === LOADER_FILE) {
          server
            .transformRequest(
              `/${path.relative(server.config.root, LOADER_SOURCE).split(path.sep).join('/')}`,
            )
            .then((r) => send('text/javascript', wrap(r?.code ?? readFileSync(LOADER_SOURCE, 'utf8'))))
            .catch(next);
          return;
        }
        const svg = Object.values(PLACEHOLDERS).find((p) => p === file);
        if (svg === undefined) return next();
        const origin = `http://${req.headers.host ?? '127.0.0.1'}${server.config.base}`;
        const get = (p: string) => fetch(new URL(p, origin)).then((r) => r.json());
        Promise.all([get(`data/dev/${SHARD_FILES.basemap}`), get(`data/dev/${SHARD_FILES.core}`)])
          .then(([b, d]) => send('image/svg+xml', placeholders(b as BasemapData, d as CoreData)[svg] ?? ''))
          .catch(next);
      });
    },
  };
}
