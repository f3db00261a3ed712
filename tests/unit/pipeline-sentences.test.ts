// Sentence splitting: each tests/fixtures/pipeline/sentences/<case>.txt is one paragraph; <case>.expected.txt has
// one sentence per line, as `[start,end) text`. UPDATE_FIXTURES=1 rewrites the expected files.
import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/pipeline/sentences.ts';
import { expectFixture, fixtureInputs, readFixture } from '../fixtures/pipeline/expect-fixture.ts';

describe('splitSentences (fixtures)', () => {
  for (const input of fixtureInputs('sentences', '.txt')) {
    it(input, () => {
      const paragraph = readFixture('sentences', input).trimEnd();
      const sentences = splitSentences(paragraph);
      for (const s of sentences) expect(paragraph.slice(s.start, s.end)).toBe(s.text);
      const listing = sentences.map((s) => `[${s.start},${s.end}) ${s.text}`).join('\n');
      expectFixture(`${listing}\n`, 'sentences', input.replace(/\.txt$/, '.expected.txt'));
    });
  }
});

describe('splitSentences', () => {
  it('keeps an empty paragraph empty', () => {
    expect(splitSentences('')).toEqual([]);
    expect(splitSentences('   ')).toEqual([]);
  });

  it('does not split inside a quoted title, but does after it closes and a capital follows', () => {
    const texts = splitSentences('Проект «Мир. Труд. Май» принят. Дальше.').map((s) => s.text);
    expect(texts).toEqual(['Проект «Мир. Труд. Май» принят.', 'Дальше.']);
  });

  it('finishes quickly on a long unclosed quotation', () => {
    const paragraph = `"${'слово. Слово '.repeat(20_000)}`;
    const t0 = performance.now();
    splitSentences(paragraph);
    expect(performance.now() - t0).toBeLessThan(2_000);
  });
});
