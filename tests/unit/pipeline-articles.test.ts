// Article parsing: fixtures for the forms articles can take (front matter, CRLF + BOM, datelines, author lines),
// and the five real articles' outlets and authors.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ArticleFormatError, articleId, findOutlet, parseArticle } from '../../src/pipeline/articles.ts';
import {
  ARTICLES_DIR,
  expectFixture,
  fixtureInputs,
  readFixture,
} from '../fixtures/pipeline/expect-fixture.ts';

describe('parseArticle (fixtures)', () => {
  for (const input of fixtureInputs('articles', '.txt')) {
    it(input, () => {
      const parsed = parseArticle(input, readFixture('articles', input));
      expectFixture(
        `${JSON.stringify(parsed, null, 2)}\n`,
        'articles',
        input.replace(/\.txt$/, '.expected.json'),
      );
    });
  }
});

const REAL: Record<string, { date: string; source: string | null; author: string | null }> = {
  '000_44a1ae32fa99ce26.txt': { date: '2025-10-21', source: 'BAQ.KZ', author: null },
  '001_89cc7011cfe59b4e.txt': { date: '2025-10-19', source: null, author: 'Акпер Гасанов' },
  '002_183a491a6e9a6b1a.txt': { date: '2025-10-20', source: 'Trend', author: null },
  '003_5951633c20930dad.txt': { date: '2025-09-12', source: 'Day.Az', author: 'Али Гасымов' },
  '004_833792392fde0c57.txt': { date: '2025-10-21', source: 'Zakon.kz', author: null },
};

describe('parseArticle on the five real articles', () => {
  for (const [file, expected] of Object.entries(REAL)) {
    it(`${file}: date, outlet and author as the text gives them`, () => {
      const parsed = parseArticle(file, readFileSync(path.join(ARTICLES_DIR, file), 'utf8'));
      expect(parsed.article).toEqual({
        id: file.replace(/\.txt$/, ''),
        file,
        date: expected.date,
        source: expected.source,
        title: null,
        author: expected.author,
        url: null,
      });
      expect(parsed.paragraphs.every((p) => p.length > 0 && !p.startsWith('date'))).toBe(true);
    });
  }

  it('002: the dateline "БАКУ /Trend/ -" is taken off the first paragraph', () => {
    const file = '002_183a491a6e9a6b1a.txt';
    const parsed = parseArticle(file, readFileSync(path.join(ARTICLES_DIR, file), 'utf8'));
    expect(parsed.dateline).toEqual({ place: 'БАКУ', outlet: 'Trend' });
    expect(parsed.paragraphs[0]?.startsWith('Казахстан и Азербайджан')).toBe(true);
  });

  it('001: the author line is not a paragraph', () => {
    const file = '001_89cc7011cfe59b4e.txt';
    const parsed = parseArticle(file, readFileSync(path.join(ARTICLES_DIR, file), 'utf8'));
    expect(parsed.paragraphs[0]?.startsWith('20-21 октября')).toBe(true);
  });
});

describe('parseArticle errors', () => {
  it('refuses a file without a date line', () => {
    expect(() => parseArticle('x.txt', 'Просто текст.')).toThrow(ArticleFormatError);
    expect(() => parseArticle('x.txt', 'Просто текст.')).toThrow(
      /x\.txt: the first line must start with "date/,
    );
  });

  it('refuses a date that is not on the calendar', () => {
    expect(() => parseArticle('x.txt', ' date 2025-02-30 Текст.')).toThrow(/not a calendar date/);
  });

  it('refuses front matter that never closes', () => {
    expect(() => parseArticle('x.txt', '---\ntitle: a\n date 2025-01-01 Текст.')).toThrow(/no closing "---"/);
  });
});

describe('helpers', () => {
  it('articleId drops directory and extension', () => {
    expect(articleId('geo/articles/000_44a1ae32fa99ce26.txt')).toBe('000_44a1ae32fa99ce26');
  });

  it('findOutlet ignores an outlet quoted as someone else’s source', () => {
    expect(findOutlet(['В интервью казахстанскому агентству Kazinform Президент подчеркнул…'])).toBeNull();
    expect(findOutlet(['Об этом сообщает zakon.kz.'])).toBe('Zakon.kz');
    expect(findOutlet(['Об этом пишет Example.com со ссылкой на источники.'])).toBe('Example.com');
  });
});
