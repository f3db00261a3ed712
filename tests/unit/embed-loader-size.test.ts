// Issue 6, acceptance 1: the loader a news page includes is at most 5 KB gzip. Read from the production build
// (`npm test` builds first), because the budget is about what readers download.
import { existsSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

const FILE = 'dist/embed-loader.js';
const BUDGET = 5 * 1024;

describe('the embed loader as built', () => {
  it('exists under its stable name and is at most 5 KB gzip', () => {
    expect(existsSync(FILE), `${FILE} is missing: run \`npm run build\` first (npm test does)`).toBe(true);
    const code = readFileSync(FILE);
    const gzip = gzipSync(code, { level: 9 }).length;
    expect(gzip).toBeLessThanOrEqual(BUDGET);
  });

  it('is one self-contained IIFE: no imports, no exports, no names left on the host page', () => {
    const code = readFileSync(FILE, 'utf8');
    expect(code.startsWith('(()=>{')).toBe(true);
    expect(code.trimEnd().endsWith('})();')).toBe(true);
    expect(code).not.toMatch(/(^|[;}\s])import\s*[{*\w"'(]/);
    expect(code).not.toMatch(/(^|[;}\s])export\s*[{*\w]/);
    expect(code).not.toContain('import.meta');
  });

  it('ships both placeholder pictures, small and without scripts', () => {
    for (const f of ['dist/data/placeholder.svg', 'dist/data/placeholder-dark.svg']) {
      const svg = readFileSync(f, 'utf8');
      expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
      expect(svg).not.toMatch(/<script|<foreignObject|\son\w+=|javascript:|href=/i);
      expect(gzipSync(svg).length).toBeLessThanOrEqual(12 * 1024);
    }
  });
});
