// Issue 7 at the command line: every problem of geo/ and the articles reported at once, a non-zero exit, and the
// previous good --out file left exactly as it was.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { IngestError, ingest } from '../../src/pipeline/cli.ts';
import { legacy, utf8 } from '../fixtures/robust/inputs.ts';

const work = mkdtempSync(path.join(tmpdir(), 'robust-cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const run = (args: string[]) =>
  spawnSync(
    process.execPath,
    [path.resolve('node_modules/tsx/dist/cli.mjs'), 'src/pipeline/cli.ts', ...args],
    {
      encoding: 'utf8',
    },
  );

/** The seed articles plus `extra` files. */
function articles(name: string, extra: Record<string, Uint8Array | string>): string {
  const dir = path.join(work, name);
  cpSync('geo/articles', dir, { recursive: true });
  for (const [file, content] of Object.entries(extra)) writeFileSync(path.join(dir, file), content);
  return dir;
}

/** geo/ with one broken partOf. */
function brokenGeo(): string {
  const dir = path.join(work, 'geo-broken');
  cpSync('geo', dir, { recursive: true, filter: (src) => !src.includes(`${path.sep}articles`) });
  const file = path.join(dir, 'rail.geojson');
  writeFileSync(file, readFileSync(file, 'utf8').replace('"corridor-titr"', '"corridor-tirt"'));
  return dir;
}

const BAD = {
  'x-no-date.txt': 'Порт Курык принял первый паром.\n',
  'y-garbled.txt': ' date 2025-10-21 РџСЂРµР·РёРґРµРЅС‚ РїРѕСЃРµС‚РёР» РїРѕСЂС‚.\n',
  'z-binary.txt': Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]),
};

describe('npm run ingest on bad input', () => {
  it('leaves the previous --out untouched, exits 1 and lists every problem', () => {
    const outDir = path.join(work, 'out');
    mkdirSync(outDir);
    const out = path.join(outDir, 'x.json');
    const good = run(['geo/articles', '--out', out]);
    expect(good.status).toBe(0);
    const before = readFileSync(out);

    const bad = run([articles('bad', BAD), '--geo', brokenGeo(), '--out', out]);
    expect(bad.status).toBe(1);
    expect(readFileSync(out).equals(before)).toBe(true);
    expect(readdirSync(outDir)).toEqual(['x.json']); // no temporary file left behind
    const lines = bad.stderr.trimEnd().split('\n');
    // (the real geo/ may carry warnings of its own: only the errors are counted and compared)
    expect(lines[0]).toMatch(
      /^ingest: 4 errors( and \d+ warnings?)? in geo\/ and the articles; nothing written:$/,
    );
    const errors = lines.filter((l) => l.startsWith('error '));
    expect(errors.map((l) => l.replace(/ \(hint: .*\)$/, ''))).toEqual([
      expect.stringMatching(
        /^error .*geo-broken\/rail\.geojson \[rail-btk\]: partOf names unknown feature 'corridor-tirt'$/,
      ),
      expect.stringMatching(
        /^error .*bad\/x-no-date\.txt:1: the first line must start with "date YYYY-MM-DD"/,
      ),
      expect.stringMatching(/^error .*bad\/y-garbled\.txt:1: garbled text \(UTF-8 read as Windows-1251\)/),
      expect.stringMatching(/^error .*bad\/z-binary\.txt:1: binary file: a NUL byte at offset 4$/),
    ]);
  });

  it('writes the data and prints warnings (one per line) when nothing is an error', () => {
    const dir = articles('warnings', {
      'w-cp1251.txt': legacy('windows-1251', ' date 2025-10-21 Паром прибыл в порт Курык.\n'),
      'w-look-alike.txt': utf8(' date 2025-10-21 Пopт Курык принял паром.\n'),
    });
    const out = path.join(work, 'warnings.json');
    const result = run([dir, '--out', out]);
    expect(result.status).toBe(0);
    const own = result.stderr
      .trimEnd()
      .split('\n')
      .filter((l) => l.includes(`${path.sep}warnings${path.sep}`));
    expect(own).toEqual([
      expect.stringMatching(/^ingest: warning .*w-cp1251\.txt:1: not valid UTF-8 .*decoded as Windows-1251/),
      expect.stringMatching(/^ingest: warning .*w-look-alike\.txt:1: "Пopт" mixes scripts/),
    ]);
    const data = JSON.parse(readFileSync(out, 'utf8')) as { articles: { id: string }[] };
    expect(data.articles.map((a) => a.id)).toContain('w-cp1251');
  });

  it('ingest() throws IngestError carrying the problems', () => {
    const dir = articles('thrown', { 'x-no-date.txt': BAD['x-no-date.txt'] });
    let thrown: unknown = null;
    try {
      ingest({ articlesDir: dir, out: null, geoDir: 'geo' });
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(IngestError);
    expect((thrown as IngestError).problems.map((p) => [p.level, p.line, p.message.slice(0, 20)])).toEqual([
      ['error', 1, 'the first line must '],
    ]);
  });
});
