// Reading from disk and the ingest command line: strict UTF-8, sorted files, clear errors, the contract written
// atomically with keys in contract order.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ingest, parseArgs, UsageError } from '../../src/pipeline/cli.ts';
import { decodeUtf8, LoadError, listFiles, loadFeatures, readArticleFiles } from '../../src/pipeline/load.ts';
import { ARTICLES_DIR, fixturePath } from '../fixtures/pipeline/expect-fixture.ts';

const FEATURES_DIR = fixturePath('features');
// The CLI validates geo/ exactly as the build does, so its end-to-end runs use the real curated data.
const GEO_DIR = 'geo';
const work = mkdtempSync(path.join(tmpdir(), 'pipeline-load-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function dir(name: string, files: Record<string, string | Uint8Array>): string {
  const d = path.join(work, name);
  mkdirSync(d, { recursive: true });
  for (const [file, content] of Object.entries(files)) writeFileSync(path.join(d, file), content);
  return d;
}

describe('load', () => {
  it('refuses invalid UTF-8 and names the file', () => {
    const cp1251 = Uint8Array.from([0x20, 0x64, 0x61, 0x74, 0x65, 0x20, 0xc1, 0xe0, 0xea, 0xf3]);
    const d = dir('cp1251', { 'bad.txt': cp1251 });
    expect(() => readArticleFiles(d)).toThrow(LoadError);
    expect(() => readArticleFiles(d)).toThrow(/bad\.txt: not valid UTF-8/);
  });

  it('drops a UTF-8 BOM while decoding', () => {
    expect(decodeUtf8(Uint8Array.from([0xef, 0xbb, 0xbf, 0x61]), 'x')).toBe('a');
  });

  it('lists files of one extension, sorted by name', () => {
    const d = dir('sorted', { 'b.txt': 'x', 'a.txt': 'x', '10.txt': 'x', 'c.md': 'x' });
    expect(listFiles(d, '.txt')).toEqual(['10.txt', 'a.txt', 'b.txt']);
  });

  it('reads features with their file name and refuses duplicate ids', () => {
    const loaded = loadFeatures(FEATURES_DIR);
    expect(loaded.length).toBeGreaterThan(5);
    expect(loaded[0]?.file.endsWith('features.geojson')).toBe(true);
    const text = readFileSync(path.join(FEATURES_DIR, 'features.geojson'), 'utf8');
    const d = dir('dupes', { 'a.geojson': text, 'b.geojson': text });
    expect(() => loadFeatures(d)).toThrow(
      /b\.geojson: feature id "corridor-titr" is also used in .*a\.geojson/,
    );
  });

  it('names the file of invalid JSON or a feature without aliases', () => {
    expect(() => loadFeatures(dir('badjson', { 'x.geojson': '{' }))).toThrow(/x\.geojson: not valid JSON/);
    const noAliases = JSON.stringify({
      type: 'FeatureCollection',
      features: [{ type: 'Feature', properties: { id: 'a', kind: 'port', name: { ru: 'a', en: 'a' } } }],
    });
    expect(() => loadFeatures(dir('noaliases', { 'y.geojson': noAliases }))).toThrow(
      /y\.geojson: feature #0: a: properties\.aliases/,
    );
  });
});

describe('cli', () => {
  it('parses arguments', () => {
    expect(parseArgs(['geo/articles'])).toEqual({ articlesDir: 'geo/articles', out: null, geoDir: 'geo' });
    expect(parseArgs(['a', '--out', 'o.json', '--geo', 'g'])).toEqual({
      articlesDir: 'a',
      out: 'o.json',
      geoDir: 'g',
    });
    expect(parseArgs(['a', '--out=o.json'])).toMatchObject({ out: 'o.json' });
    expect(() => parseArgs([])).toThrow(UsageError);
    expect(() => parseArgs(['a', '--bogus'])).toThrow(/unknown option --bogus/);
    expect(() => parseArgs(['a', '--out'])).toThrow(/--out needs a value/);
  });

  it('ingest returns the contract with keys in contract order', () => {
    const { json } = ingest({ articlesDir: ARTICLES_DIR, out: null, geoDir: GEO_DIR });
    const data = JSON.parse(json) as Record<string, unknown>;
    expect(Object.keys(data)).toEqual(['articles', 'mentions', 'discrepancies']);
    const mention = (data.mentions as Record<string, unknown>[])[0] ?? {};
    expect(Object.keys(mention)).toEqual([
      'id',
      'articleId',
      'paragraph',
      'text',
      'featureIds',
      'quote',
      'figures',
    ]);
    const figure =
      (data.mentions as { figures: Record<string, unknown>[] }[]).flatMap((m) => m.figures)[0] ?? {};
    expect(Object.keys(figure)).toEqual(['value', 'unit', 'raw', 'qualifier', 'metric', 'period', 'kind']);
  });

  const run = (args: string[]) =>
    spawnSync(
      process.execPath,
      [path.resolve('node_modules/tsx/dist/cli.mjs'), 'src/pipeline/cli.ts', ...args],
      {
        encoding: 'utf8',
      },
    );

  it('writes --out through a temporary file and leaves nothing else behind', () => {
    const outDir = dir('out', {});
    const out = path.join(outDir, 'corridors.json');
    const result = run([ARTICLES_DIR, '--geo', GEO_DIR, '--out', out]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(readdirSync(outDir)).toEqual(['corridors.json']);
    const expected = ingest({ articlesDir: ARTICLES_DIR, out: null, geoDir: GEO_DIR }).json;
    expect(readFileSync(out, 'utf8')).toBe(expected);
  });

  it('exits non-zero with a clear message on errors', () => {
    const missing = run([path.join(work, 'no-such-dir'), '--geo', GEO_DIR]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/^ingest: .*no-such-dir: cannot read the directory/);
    const usage = run([]);
    expect(usage.status).toBe(2);
    expect(usage.stderr).toMatch(/usage: npm run ingest/);
  });
});
