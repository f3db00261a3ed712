// The dev server serves the joined data from the same pipeline and reloads the page when an article or a GeoJSON
// file changes, with the new join (issue 2, "The join").
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DataShard } from '../../src/domain/shards.ts';
import { corridorsData } from '../../src/pipeline/vite-plugin.ts';

let root: string;
let server: ViteDevServer;
let base: string;

beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'corridors-dev-'));
  cpSync('geo', path.join(root, 'geo'), { recursive: true });
  writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>t</title>');
  server = await createServer({
    root,
    configFile: false,
    logLevel: 'silent',
    plugins: [
      corridorsData({ geoDir: path.join(root, 'geo'), articlesDir: path.join(root, 'geo', 'articles') }),
    ],
    server: { host: '127.0.0.1', port: 0 },
  });
  await server.listen();
  base = server.resolvedUrls?.local[0] ?? '';
});
afterAll(async () => {
  await server?.close();
  rmSync(root, { recursive: true, force: true });
});

// The whole corpus as the dev server serves it (articles, mentions, … without texts).
const getData = async () => ({
  joined: (await (await fetch(`${base}data/dev/corpus.json`)).json()) as DataShard,
});

describe('dev server', () => {
  it('serves the data and the basemap from its own origin', async () => {
    expect((await getData()).joined.articles).toHaveLength(5);
    const basemap = await fetch(`${base}data/dev/basemap.json`);
    expect(basemap.status).toBe(200);
  });

  it('reloads the page with the new join when an article is added', async () => {
    const send = vi.spyOn(server.ws, 'send');
    writeFileSync(
      path.join(root, 'geo', 'articles', '900_new.txt'),
      ' date 2025-11-01 Порт Курык принял первый паром, сообщает Kazinform.\n',
    );
    await expect
      .poll(async () => (await getData()).joined.articles.length, { timeout: 15_000, interval: 200 })
      .toBe(6);
    const data = await getData();
    expect(
      data.joined.mentions.some((m) => m.articleId === '900_new' && m.featureIds.includes('port-kuryk')),
    ).toBe(true);
    expect(send).toHaveBeenCalledWith({ type: 'full-reload' });
  });
});
