// Quotes and speakers: for the five real articles and a few made-up ones, the expected file lists the people the
// article introduces, its quotations with their speakers, and which sentence belongs to which quotation.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Quote } from '../../src/domain/joined.ts';
import { parseArticle } from '../../src/pipeline/articles.ts';
import { editDistance, findPeople, personBySurname } from '../../src/pipeline/people.ts';
import { findQuotes } from '../../src/pipeline/quotes.ts';
import { splitSentences } from '../../src/pipeline/sentences.ts';
import {
  ARTICLES_DIR,
  expectFixture,
  fixtureInputs,
  readFixture,
} from '../fixtures/pipeline/expect-fixture.ts';

function analyse(file: string, text: string) {
  const { paragraphs } = parseArticle(file, text);
  const sentences = paragraphs.map(splitSentences);
  return { paragraphs, sentences, quotes: findQuotes(paragraphs, sentences) };
}

function listing(file: string, text: string): string {
  const { paragraphs, sentences, quotes } = analyse(file, text);
  const out = ['people:'];
  for (const p of findPeople(paragraphs)) {
    const role = p.headOfState ? ', head of state' : '';
    out.push(`  ${p.name} (${p.gender ?? '?'}${role}), named ${p.mentions.length}×`);
  }
  const distinct: Quote[] = [];
  const numberOf = (q: Quote) => {
    let i = distinct.findIndex((d) => d.text === q.text && d.speaker === q.speaker);
    if (i < 0) i = distinct.push(q) - 1;
    return i + 1;
  };
  const lines = sentences.flatMap((list, p) =>
    list.map((s, i) => {
      const q = quotes[p]?.[i] ?? null;
      return `  p${p} s${i} ${q === null ? '-' : `[${numberOf(q)}]`}  ${s.text.slice(0, 60)}${s.text.length > 60 ? '…' : ''}`;
    }),
  );
  out.push('quotations:');
  distinct.forEach((q, i) => {
    out.push(`  [${i + 1}] speaker: ${q.speaker ?? 'null'}`);
    for (const line of q.text.split('\n')) out.push(`      ${line}`);
  });
  out.push('sentences:', ...lines);
  return `${out.join('\n')}\n`;
}

const REAL = [
  '000_44a1ae32fa99ce26',
  '001_89cc7011cfe59b4e',
  '002_183a491a6e9a6b1a',
  '003_5951633c20930dad',
  '004_833792392fde0c57',
];

describe('findQuotes on the real articles (fixtures)', () => {
  for (const id of REAL) {
    it(id, () => {
      const text = readFileSync(path.join(ARTICLES_DIR, `${id}.txt`), 'utf8');
      expectFixture(listing(`${id}.txt`, text), 'quotes', `${id}.expected.txt`);
    });
  }
});

describe('findQuotes on made-up articles (fixtures)', () => {
  for (const input of fixtureInputs('quotes', '.txt')) {
    it(input, () => {
      expectFixture(
        listing(input, readFixture('quotes', input)),
        'quotes',
        input.replace(/\.txt$/, '.expected.txt'),
      );
    });
  }
});

describe('speakers the brief names', () => {
  const speakers = (id: string) => {
    const { quotes } = analyse(`${id}.txt`, readFileSync(path.join(ARTICLES_DIR, `${id}.txt`), 'utf8'));
    return new Set(quotes.flat().flatMap((q) => (q === null ? [] : [q.speaker])));
  };

  it('each article attributes its quotations to the person it introduces', () => {
    expect(speakers('000_44a1ae32fa99ce26')).toEqual(new Set(['Алмат Тоекин']));
    expect(speakers('001_89cc7011cfe59b4e')).toEqual(new Set(['Ильхам Алиев']));
    expect(speakers('002_183a491a6e9a6b1a')).toEqual(new Set(['Амина Косбаева']));
    expect(speakers('003_5951633c20930dad')).toEqual(new Set(['Айгерим Жампетова']));
    expect(speakers('004_833792392fde0c57')).toEqual(new Set(['Эдуард Полетаев']));
  });

  it('000: the misspelt "Алмата Токекина" is Алмат Тоекин', () => {
    const text = readFileSync(path.join(ARTICLES_DIR, '000_44a1ae32fa99ce26.txt'), 'utf8');
    const people = findPeople(parseArticle('000.txt', text).paragraphs);
    expect(personBySurname(people, 'Токекина')?.name).toBe('Алмат Тоекин');
    expect(people.map((p) => p.name)).not.toContain('Алмат Токекин');
  });

  it('sentences outside quotations, and indirect speech, get null', () => {
    const { quotes } = analyse(
      'x.txt',
      ' date 2025-01-01 По словам Алмата Тоекина, рост продолжится. Он важен.',
    );
    expect(quotes).toEqual([[null, null]]);
  });
});

describe('robustness', () => {
  it('handles an unclosed quotation quickly', () => {
    const text = ` date 2025-01-01 «${'слово '.repeat(50_000)}`;
    const t0 = performance.now();
    analyse('x.txt', text);
    expect(performance.now() - t0).toBeLessThan(3_000);
  });

  it('editDistance', () => {
    expect(editDistance('тоекин', 'токекин')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
  });
});
