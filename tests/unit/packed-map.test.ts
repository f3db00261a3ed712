// mapPacked (src/pipeline/packed-map.ts): the same as Array.prototype.map, but its arrays are packed in every tier,
// so the per-article steps of the ingest stop deoptimizing when the steps feeding them are optimized.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeCorpus } from '../../src/corpus/write-corpus.ts';
import { mapPacked, mapPackedKept } from '../../src/pipeline/packed-map.ts';

/** Runs `node --import tsx FLAGS -e CODE` (an ES module) in this project; its stdout and stderr. */
function node(flags: string[], code: string): string {
  const r = spawnSync(process.execPath, ['--import', 'tsx', ...flags, '--input-type=module', '-e', code], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.status !== 0) throw new Error(`node exited ${r.status}: ${r.stderr}`);
  return r.stdout + r.stderr;
}

describe('mapPacked and mapPackedKept', () => {
  it('gives what map gives, and passes the index', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.integer(), fc.string(), fc.constant(null))), (xs) => {
        const f = (x: unknown, i: number) => [x, i];
        expect(mapPacked(xs, f)).toEqual(xs.map(f));
        expect(mapPackedKept(xs, f)).toEqual(xs.map(f));
      }),
    );
  });

  it('returns a packed array from optimized code, where V8 map returns a holey one', () => {
    // The reason for the helper, checked on this Node: if V8 stops making holey arrays here, the helper can go.
    const out = node(
      ['--allow-natives-syntax'],
      `
      const { mapPacked, mapPackedKept } = await import(${JSON.stringify(path.resolve('src/pipeline/packed-map.ts'))});
      const viaMap = (xs) => xs.map((x) => ({ x }));
      const viaHelper = (xs) => mapPacked(xs, (x) => ({ x }));
      const viaKept = (xs) => mapPackedKept(xs, (x) => ({ x }));
      const xs = [1, 2, 3];
      const kinds = {};
      for (const [name, f] of Object.entries({ viaMap, viaHelper, viaKept })) {
        %PrepareFunctionForOptimization(f);
        const before = %HasHoleyElements(f(xs));
        f(xs);
        %OptimizeFunctionOnNextCall(f);
        kinds[name] = [before, %HasHoleyElements(f(xs))];
      }
      console.log(JSON.stringify(kinds));
      `,
    );
    expect(JSON.parse(out.trim())).toEqual({
      viaMap: [false, true],
      viaHelper: [false, false],
      viaKept: [false, false],
    });
  });

  describe('the ingest over 1,500 generated articles', () => {
    let dir = '';
    beforeAll(() => {
      dir = mkdtempSync(path.join(tmpdir(), 'packed-map-'));
      writeCorpus({ n: 1500, seed: 1, outDir: dir, seedsDir: 'geo/articles', force: false });
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('does not deoptimize the per-article steps on a changed array kind', () => {
      // With V8's map feeding them, each of these dropped its optimized code once or more ("wrong map") when the
      // step that makes its arrays was optimized, and was compiled again: 52 deoptimizations over the 10k corpus,
      // 26 since. Functions named by tsx as in the source.
      const log = node(
        ['--trace-deopt'],
        `
        const { buildAppDataFromDisk } = await import(${JSON.stringify(path.resolve('src/pipeline/app-data.ts'))});
        const r = buildAppDataFromDisk({ geoDir: 'geo', articlesDir: ${JSON.stringify(dir)} });
        console.log('joined', r.data?.joined.articles.length);
        `,
      );
      expect(log).toContain('joined 1500');
      const deoptimized = new Set(
        [...log.matchAll(/reason: wrong map\): begin\. deoptimizing \S+ <JSFunction (\w+)/g)].map(
          (m) => m[1],
        ),
      );
      for (const step of [
        'joinArticle',
        'tokensBySentence',
        'knownMetric',
        'findPeople',
        'personOf',
        'timelineOf',
        'attributionAfter',
        'resolveSpeaker',
      ])
        expect(deoptimized, step).not.toContain(step);
    });
  });
});
