// Builds for the benchmark, always into temporary folders (never the worktree's dist/, which tests and other
// people may be using). The app is built by the Vite CLI in a child process with CORRIDORS_ARTICLES pointing at
// the corpus (vite.config.ts reads it), so a 10,000-article pipeline run does not share the bench's heap.
import { copyFileSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { ROOT, run } from './proc.ts';

const BARE_PAGE = fileURLToPath(new URL('./bare-page/', import.meta.url));

export async function buildApp(articlesDir: string, outDir: string, limitMs: number): Promise<void> {
  const vite = path.join(ROOT, 'node_modules/vite/bin/vite.js');
  await run(
    `the app build with ${articlesDir}`,
    process.execPath,
    [vite, 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'error'],
    limitMs,
    { CORRIDORS_ARTICLES: path.resolve(articlesDir) },
  );
}

/** The bare MapLibre page, with the basemap JSON of an app build copied beside it (the same bytes). */
export async function buildBarePage(outDir: string, appBuildDir: string): Promise<void> {
  await build({
    configFile: false,
    root: BARE_PAGE,
    base: './',
    logLevel: 'error',
    optimizeDeps: { exclude: ['maplibre-gl'] },
    build: { outDir, emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 1200 },
  });
  mkdirSync(path.join(outDir, 'data'), { recursive: true });
  // The app's data lives under data/<content hash>/ (src/pipeline/data-files.ts).
  const dataDir = path.join(appBuildDir, 'data');
  const version = readdirSync(dataDir).find((d) => statSync(path.join(dataDir, d)).isDirectory());
  if (version === undefined) throw new Error(`${dataDir} has no data folder`);
  copyFileSync(path.join(dataDir, version, 'basemap.json'), path.join(outDir, 'data/basemap.json'));
}
