// The Vite side of the pipeline: a few lines around the same code `npm run ingest` runs. At build time it
// validates geo/, joins the articles and emits the data files (src/pipeline/data-files.ts) under a content-hashed
// folder, whose name the app imports from the virtual module below; in the dev server it serves the same files
// under data/dev/ and reloads the page when a GeoJSON file or an article changes. Any error in geo/ or in an
// article fails the build, with every problem listed at once (file, line, hint); the dev server answers 500 and
// shows the same list in its overlay.
import path from 'node:path';
import type { Plugin, ViteDevServer } from 'vite';
import { SHARD_FILES } from '../domain/shards.ts';
import { buildAppDataFromDisk } from './app-data.ts';
import { buildBasemap, serializeBasemap } from './basemap.ts';
import { type DataFiles, dataFiles } from './data-files.ts';
import { countProblems, formatProblems } from './problems.ts';

export interface CorridorsDataOptions {
  geoDir: string;
  articlesDir: string;
}

/** `import { DATA_BASE } from 'virtual:corridors-data'`: the data folder of this build, e.g. data/3f2a…/ */
export const DATA_MODULE = 'virtual:corridors-data';
const RESOLVED = `\0${DATA_MODULE}`;
/** The dev server's data folder: its files change on every edit, and the page reloads when they do. */
const DEV_VERSION = 'dev';

export function corridorsData(opts: CorridorsDataOptions): Plugin {
  let files: DataFiles | null = null;
  let basemapJson: string | null = null;
  let dev = false;
  const geoDir = path.resolve(opts.geoDir);
  const articlesDir = path.resolve(opts.articlesDir);

  const basemap = (): string => {
    basemapJson ??= serializeBasemap(buildBasemap());
    return basemapJson;
  };
  const build = (warn: (m: string) => void): DataFiles => {
    if (files !== null) return files;
    const result = buildAppDataFromDisk({ geoDir, articlesDir });
    const warnings = result.problems.filter((p) => p.level === 'warning');
    if (warnings.length > 0) warn(formatProblems(warnings));
    if (result.data === null) {
      throw new Error(
        `geo/ or articles are invalid (${countProblems(result.problems)}):\n${formatProblems(result.problems)}`,
      );
    }
    files = dataFiles(result.data, basemap(), dev ? DEV_VERSION : undefined);
    return files;
  };

  return {
    name: 'corridors-data',
    configResolved(config) {
      dev = config.command === 'serve';
    },
    buildStart() {
      if (this.meta.watchMode) return;
      try {
        build((m) => this.warn(m));
      } catch (e) {
        this.error(e instanceof Error ? e.message : String(e));
      }
    },
    resolveId(id) {
      return id === DATA_MODULE ? RESOLVED : null;
    },
    load(id) {
      if (id !== RESOLVED) return null;
      const base = dev ? `data/${DEV_VERSION}/` : build((m) => this.warn(m)).base;
      return `export const DATA_BASE = ${JSON.stringify(base)};\n`;
    },
    // What the first view needs starts downloading with the page, beside the scripts, instead of after them: its
    // two data files, and the Latin and Cyrillic Noto Sans files MapLibre fetches only once the map asks for
    // glyphs (src/map/fonts.ts). Without the fonts preloaded, the map's last frame before its first idle waited for
    // them about every other load (≈1 s on the benchmark's machine).
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const base = dev ? `data/${DEV_VERSION}/` : build(() => {}).base;
        const fonts = Object.keys(ctx.bundle ?? {}).filter((f) =>
          /noto-sans-(latin|cyrillic)-400-normal-[^/]*\.woff2$/.test(f),
        );
        return [...[SHARD_FILES.core, SHARD_FILES.basemap].map((f) => `${base}${f}`), ...fonts].map(
          (file) => ({
            tag: 'link',
            attrs: { rel: 'preload', href: `./${file}`, as: 'fetch', crossorigin: '' },
            injectTo: 'head' as const,
          }),
        );
      },
    },
    generateBundle() {
      const { base, files: all } = build((m) => this.warn(m));
      for (const [name, source] of all) this.emitFile({ type: 'asset', fileName: `${base}${name}`, source });
    },
    configureServer(server: ViteDevServer) {
      server.watcher.add([geoDir, articlesDir]);
      const onChange = (file: string) => {
        if (!file.startsWith(geoDir) && !file.startsWith(articlesDir)) return;
        files = null;
        server.ws.send({ type: 'full-reload' });
      };
      server.watcher.on('change', onChange);
      server.watcher.on('add', onChange);
      server.watcher.on('unlink', onChange);
      const prefix = `data/${DEV_VERSION}/`;
      server.middlewares.use((req, res, next) => {
        const url = (req.url ?? '').split('?')[0] ?? '';
        const file = url.replace(server.config.base, '');
        if (!file.startsWith(prefix)) return next();
        try {
          const body = build((m) => server.config.logger.warn(m)).files.get(file.slice(prefix.length));
          if (body === undefined) {
            res.statusCode = 404;
            res.end();
            return;
          }
          res.setHeader('Content-Type', 'application/json; charset=utf-8');
          res.end(body);
        } catch (e) {
          const message = e instanceof Error ? e.message : String(e);
          server.config.logger.error(message);
          server.ws.send({ type: 'error', err: { message, stack: '' } });
          res.statusCode = 500;
          res.end(message);
        }
      });
    },
  };
}
