// The Vite side of the pipeline: a few lines around the same code `npm run ingest` runs. At build time it
// validates geo/, joins the articles and emits the data files; in the dev server it serves them and reloads the
// page when a GeoJSON file or an article changes. Any error in geo/ or in an article fails the build, with every
// problem listed at once (file, line, hint); the dev server answers 500 and shows the same list in its overlay.
import path from 'node:path';
import type { Plugin, ViteDevServer } from 'vite';
import { buildAppDataFromDisk } from './app-data.ts';
import { buildBasemap, serializeBasemap } from './basemap.ts';
import { countProblems, formatProblems } from './problems.ts';

export interface CorridorsDataOptions {
  geoDir: string;
  articlesDir: string;
}

const DATA_FILE = 'data/corridors.json';
const BASEMAP_FILE = 'data/basemap.json';

export function corridorsData(opts: CorridorsDataOptions): Plugin {
  let dataJson: string | null = null;
  let basemapJson: string | null = null;
  const geoDir = path.resolve(opts.geoDir);
  const articlesDir = path.resolve(opts.articlesDir);

  const build = (warn: (m: string) => void): string => {
    if (dataJson !== null) return dataJson;
    const result = buildAppDataFromDisk({ geoDir, articlesDir });
    const warnings = result.problems.filter((p) => p.level === 'warning');
    if (warnings.length > 0) warn(formatProblems(warnings));
    if (result.data === null) {
      throw new Error(
        `geo/ or articles are invalid (${countProblems(result.problems)}):\n${formatProblems(result.problems)}`,
      );
    }
    dataJson = JSON.stringify(result.data);
    return dataJson;
  };
  const basemap = (): string => {
    basemapJson ??= serializeBasemap(buildBasemap());
    return basemapJson;
  };

  return {
    name: 'corridors-data',
    buildStart() {
      if (this.meta.watchMode) return;
      try {
        build((m) => this.warn(m));
      } catch (e) {
        this.error(e instanceof Error ? e.message : String(e));
      }
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: DATA_FILE, source: build((m) => this.warn(m)) });
      this.emitFile({ type: 'asset', fileName: BASEMAP_FILE, source: basemap() });
    },
    configureServer(server: ViteDevServer) {
      server.watcher.add([geoDir, articlesDir]);
      const onChange = (file: string) => {
        if (!file.startsWith(geoDir) && !file.startsWith(articlesDir)) return;
        dataJson = null;
        server.ws.send({ type: 'full-reload' });
      };
      server.watcher.on('change', onChange);
      server.watcher.on('add', onChange);
      server.watcher.on('unlink', onChange);
      server.middlewares.use((req, res, next) => {
        const url = (req.url ?? '').split('?')[0] ?? '';
        const file = url.replace(server.config.base, '');
        if (file !== DATA_FILE && file !== BASEMAP_FILE) return next();
        try {
          const body = file === DATA_FILE ? build((m) => server.config.logger.warn(m)) : basemap();
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
