// Issue 7, acceptance 1: a fixture per bad input, each with the problems it must produce (file, line, hint), run
// through the same function the CLI and the Vite plugin call. See tests/fixtures/robust/README.md.
// Regenerate: UPDATE_FIXTURES=1 npx vitest run tests/unit/robust-fixtures.test.ts
import {
  closeSync,
  cpSync,
  existsSync,
  ftruncateSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildAppDataFromDisk, type PipelineResult } from '../../src/pipeline/app-data.ts';
import { readArticle } from '../../src/pipeline/article-file.ts';
import { parseArticle } from '../../src/pipeline/articles.ts';
import { formatProblems, hasErrors } from '../../src/pipeline/problems.ts';
import {
  ARTICLE,
  concat,
  type GeneratedCase,
  generatedCases,
  legacy,
  utf8,
} from '../fixtures/robust/inputs.ts';

const ROBUST = path.resolve(import.meta.dirname, '../fixtures/robust');
const DEFAULT_GEO = path.join(ROBUST, '_geo');
const REAL_GEO = path.resolve(import.meta.dirname, '../../geo');
const UPDATE = process.env.UPDATE_FIXTURES === '1';
const GENERATED = generatedCases(DEFAULT_GEO);

const work = mkdtempSync(path.join(tmpdir(), 'robust-fixtures-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The case copied to a temporary folder with its generated inputs; returns the folder. */
function materialise(name: string, generated: GeneratedCase | undefined): string {
  const dir = path.join(work, name);
  cpSync(path.join(ROBUST, name), dir, { recursive: true, filter: (src) => !src.endsWith('expected.txt') });
  if (!existsSync(path.join(dir, 'geo'))) {
    cpSync(generated?.realGeo ? REAL_GEO : DEFAULT_GEO, path.join(dir, 'geo'), {
      recursive: true,
      // The briefing names mentions of the seed articles, which these cases replace with their own.
      filter: (src) => !src.includes(`${path.sep}articles`) && !src.endsWith('briefing.json'),
    });
  }
  mkdirSync(path.join(dir, 'articles'), { recursive: true });
  for (const [file, content] of Object.entries(generated?.files ?? {})) {
    const target = path.join(dir, file);
    mkdirSync(path.dirname(target), { recursive: true });
    if (content instanceof Uint8Array) writeFileSync(target, content);
    else {
      // a sparse file: its size is all the pipeline may look at before refusing it
      const fd = openSync(target, 'w');
      ftruncateSync(fd, content.sparseBytes);
      closeSync(fd);
    }
  }
  return dir;
}

/** Problems as printed, with paths relative to the case folder. */
function formatted(result: PipelineResult, dir: string): string {
  const prefix = `${path.relative(process.cwd(), dir)}${path.sep}`;
  const text = formatProblems(result.problems).replaceAll(prefix, '');
  return text === '' ? '' : `${text}\n`;
}

const cases = readdirSync(ROBUST, { withFileTypes: true })
  .filter((e) => e.isDirectory() && !e.name.startsWith('_'))
  .map((e) => e.name)
  .sort();

describe('robustness fixtures', () => {
  it('every generated input has a case folder', () => {
    for (const name of Object.keys(GENERATED)) expect(cases).toContain(name);
  });

  it.each(cases)('%s', (name) => {
    const dir = materialise(name, GENERATED[name]);
    const started = performance.now();
    const result = buildAppDataFromDisk({
      geoDir: path.join(dir, 'geo'),
      articlesDir: path.join(dir, 'articles'),
    });
    const ms = performance.now() - started;
    if (ms > 1000) console.info(`robust fixture ${name}: ${Math.round(ms)} ms`);

    const expectedPath = path.join(ROBUST, name, 'expected.txt');
    // the real geo/ changes under other hands: its warnings are not this fixture's business
    const inGeo = (file: string) => file.includes(`${path.sep}geo${path.sep}`);
    const compared = GENERATED[name]?.realGeo
      ? { ...result, problems: result.problems.filter((p) => p.level === 'error' || !inGeo(p.file)) }
      : result;
    const actual = formatted(compared, dir);
    if (UPDATE) writeFileSync(expectedPath, actual);
    expect(actual).toBe(readFileSync(expectedPath, 'utf8'));
    // data exactly when nothing is an error
    expect(result.data === null).toBe(hasErrors(result.problems));
    // every article error says how to fix it
    for (const p of result.problems) {
      if (p.level === 'error' && p.file.includes(`${path.sep}articles${path.sep}`))
        expect(p.hint).toBeDefined();
    }
  });
});

describe('inputs that must read exactly like the clean article', () => {
  const clean = parseArticle('a.txt', ARTICLE);
  it.each([
    ['a UTF-8 byte-order mark', concat([0xef, 0xbb, 0xbf], utf8(ARTICLE))],
    ['CRLF line ends', utf8(ARTICLE.replace(/\n/g, '\r\n'))],
    ['CR line ends', utf8(ARTICLE.replace(/\n/g, '\r'))],
    ['Windows-1251 bytes', legacy('windows-1251', ARTICLE)],
  ])('%s', (_, bytes) => {
    expect(readArticle('a.txt', bytes).parsed).toEqual(clean);
  });
});
