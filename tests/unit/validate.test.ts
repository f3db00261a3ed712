// Fixture-driven: each directory under tests/fixtures/validate/ is one run of validateGeo over its *.geojson
// (named geo/<file> in messages, as in the real repo) and its reference-points.json; expected.txt holds the
// formatted problems. Regenerate with UPDATE_FIXTURES=1 npx vitest run tests/unit/validate.test.ts
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblems, type GeoFile, validateGeo } from '../../src/pipeline/validate.ts';

const FIXTURES = join(import.meta.dirname, '../fixtures/validate');
const UPDATE = process.env.UPDATE_FIXTURES === '1';

function readCase(dir: string): { files: GeoFile[]; referencePoints: GeoFile | null } {
  const read = (name: string): GeoFile => ({
    file: `geo/${name}`,
    text: readFileSync(join(dir, name), 'utf8'),
  });
  const files = readdirSync(dir)
    .filter((name) => name.endsWith('.geojson'))
    .sort()
    .map(read);
  const referencePoints = existsSync(join(dir, 'reference-points.json'))
    ? read('reference-points.json')
    : null;
  return { files, referencePoints };
}

describe('validateGeo fixtures', () => {
  const cases = readdirSync(FIXTURES, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();

  it.each(cases)('%s', (name) => {
    const dir = join(FIXTURES, name);
    const { files, referencePoints } = readCase(dir);
    const { problems } = validateGeo(files, referencePoints);
    const actual = problems.length === 0 ? '' : `${formatProblems(problems)}\n`;
    const expectedPath = join(dir, 'expected.txt');
    if (UPDATE) writeFileSync(expectedPath, actual);
    expect(actual).toBe(readFileSync(expectedPath, 'utf8'));
  });
});
