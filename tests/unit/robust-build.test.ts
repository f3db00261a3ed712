// Issue 7 in the Vite build and the dev server: a bad article fails the build with every problem of geo/ and the
// articles listed, the previous good dist/ is left as it was, and the dev server answers 500 with the same list
// until the file is fixed.
import {
  cpSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build, createServer } from 'vite';
import { afterAll, describe, expect, it } from 'vitest';
import { corridorsData } from '../../src/pipeline/vite-plugin.ts';
import { legacy } from '../fixtures/robust/inputs.ts';

const roots: string[] = [];
afterAll(() => {
  for (const d of roots) rmSync(d, { recursive: true, force: true });
});

function project(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'robust-build-'));
  roots.push(root);
  cpSync('geo', path.join(root, 'geo'), { recursive: true });
  writeFileSync(
    path.join(root, 'index.html'),
    '<!doctype html><script type="module" src="./main.js"></script>',
  );
  writeFileSync(path.join(root, 'main.js'), 'export {};\n');
  return root;
}

const plugin = (root: string) =>
  corridorsData({ geoDir: path.join(root, 'geo'), articlesDir: path.join(root, 'geo', 'articles') });

async function buildInto(root: string): Promise<string> {
  try {
    await build({
      root,
      configFile: false,
      logLevel: 'silent',
      plugins: [plugin(root)],
      build: { outDir: path.join(root, 'dist'), emptyOutDir: true },
    });
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
  return 'the build succeeded';
}

/** Every file under `dir` with its content, to compare a whole tree. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    out[path.relative(dir, full)] = readFileSync(full, 'base64');
  }
  return out;
}

describe('vite build on bad articles', () => {
  it('fails listing geo/ and article problems together, and leaves the previous dist/ as it was', async () => {
    const root = project();
    await expect(buildInto(root)).resolves.toBe('the build succeeded');
    const before = snapshot(path.join(root, 'dist'));
    expect(Object.keys(before).some((f) => /^data[/\\][^/\\]+[/\\]core\.json$/.test(f))).toBe(true);

    const articles = path.join(root, 'geo', 'articles');
    writeFileSync(path.join(articles, '900_no_date.txt'), 'Порт Курык принял первый паром.\n');
    writeFileSync(path.join(articles, '901_empty.txt'), '');
    const rail = path.join(root, 'geo', 'rail.geojson');
    writeFileSync(rail, readFileSync(rail, 'utf8').replace('"corridor-titr"', '"corridor-tirt"'));

    const message = await buildInto(root);
    expect(message).toMatch(/geo\/ or articles are invalid \(3 errors( and \d+ warnings?)?\)/);
    expect(message).toMatch(/rail\.geojson \[rail-btk\]: partOf names unknown feature 'corridor-tirt'/);
    expect(message).toMatch(/900_no_date\.txt:1: the first line must start with "date YYYY-MM-DD"/);
    expect(message).toMatch(/901_empty\.txt: the file is empty/);
    expect(snapshot(path.join(root, 'dist'))).toEqual(before);
  });

  it('builds with a Windows-1251 article, decoded (a warning, not an error)', async () => {
    const root = project();
    writeFileSync(
      path.join(root, 'geo', 'articles', '900_cp1251.txt'),
      legacy('windows-1251', ' date 2025-11-01 Порт Курык принял первый паром, сообщает Kazinform.\n'),
    );
    await expect(buildInto(root)).resolves.toBe('the build succeeded');
    const dataDir = path.join(root, 'dist', 'data');
    const version = readdirSync(dataDir).find((d) => statSync(path.join(dataDir, d)).isDirectory()) ?? '';
    const corpus = JSON.parse(readFileSync(path.join(dataDir, version, 'corpus.json'), 'utf8')) as {
      mentions: { articleId: string; text: string }[];
    };
    const mention = corpus.mentions.find((m) => m.articleId === '900_cp1251');
    expect(mention?.text).toBe('Порт Курык принял первый паром, сообщает Kazinform.');
  });
});

describe('dev server on a bad article', () => {
  it('answers 500 with the problems, then serves the data again once the file is fixed', async () => {
    const root = project();
    const server = await createServer({
      root,
      configFile: false,
      logLevel: 'silent',
      plugins: [plugin(root)],
      server: { host: '127.0.0.1', port: 0 },
    });
    try {
      await server.listen();
      const url = `${server.resolvedUrls?.local[0] ?? ''}data/dev/corpus.json`;
      const bad = path.join(root, 'geo', 'articles', '900_garbled.txt');
      writeFileSync(bad, ' date 2025-11-01 РџСЂРµР·РёРґРµРЅС‚ РїРѕСЃРµС‚РёР» РїРѕСЂС‚.\n');
      server.watcher.emit('add', bad);
      const failed = await fetch(url);
      expect(failed.status).toBe(500);
      expect(await failed.text()).toMatch(/900_garbled\.txt:1: garbled text .*"Президент"/);

      unlinkSync(bad);
      server.watcher.emit('unlink', bad);
      const fixed = await fetch(url);
      expect(fixed.status).toBe(200);
    } finally {
      await server.close();
    }
  });
});
