// `npm run ingest` on the real geo/ and the five seed articles (issue 2, acceptance 3).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { JoinedData } from '../../src/domain/joined.ts';

const work = mkdtempSync(path.join(tmpdir(), 'corridors-ingest-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const out = path.join(work, 'x.json');
const run = spawnSync(
  process.execPath,
  [path.resolve('node_modules/tsx/dist/cli.mjs'), 'src/pipeline/cli.ts', 'geo/articles', '--out', out],
  { encoding: 'utf8' },
);
const data = JSON.parse(readFileSync(out, 'utf8')) as JoinedData;
const mentionsOf = (id: string) => data.mentions.filter((m) => m.featureIds.includes(id));

describe('npm run ingest -- geo/articles --out x.json', () => {
  it('exits 0 and writes the joined-data contract', () => {
    expect(run.status).toBe(0);
    expect(Object.keys(data)).toEqual(['articles', 'mentions', 'discrepancies']);
    expect(data.articles.map((a) => a.file)).toEqual([
      '000_44a1ae32fa99ce26.txt',
      '001_89cc7011cfe59b4e.txt',
      '002_183a491a6e9a6b1a.txt',
      '003_5951633c20930dad.txt',
      '004_833792392fde0c57.txt',
    ]);
    expect(data.articles.map((a) => a.source)).toEqual(['BAQ.KZ', null, 'Trend', 'Day.Az', 'Zakon.kz']);
    for (const a of data.articles)
      expect(Object.keys(a)).toEqual(['id', 'file', 'date', 'source', 'title', 'author', 'url']);
    for (const m of data.mentions) {
      expect(Object.keys(m)).toEqual([
        'id',
        'articleId',
        'paragraph',
        'text',
        'featureIds',
        'quote',
        'figures',
      ]);
    }
  });

  // Every feature the five articles name, read by hand from geo/articles/*.txt.
  it.each([
    ['corridor-titr', 'Среднего коридора / ТМТМ'],
    ['rail-btk', '"Баку-Тбилиси-Карс"'],
    ['cable-caspian-fiber', 'ВОЛС по дну Каспийского моря'],
    ['cable-caspian-power', 'высоковольтного кабеля по дну Каспийского моря'],
    ['pipeline-btc', 'Баку-Тбилиси-Джейхан / БТД'],
    ['port-aktau', 'портов Актау и Курык'],
    ['port-kuryk', 'портов Актау и Курык'],
    ['port-baku', 'Бакинский международный морской порт'],
    ['route-zangezur', 'Зангезурский коридор'],
    ['rail-kars-nakhchivan', 'ж/д ветки от Карса до … Нахичеванской'],
    ['rail-tripp', '"дороги Трампа"'],
    ['field-dunga', 'месторождению "Дунга"'],
    ['place-astana', 'в Астане'],
    ['place-baku', 'в Баку'],
    ['place-gabala', 'в Габале'],
  ])('%s has a mention (%s)', (id) => {
    expect(mentionsOf(id).length).toBeGreaterThanOrEqual(1);
  });

  it('joins the power-cable sentence to the power cable, not to the fibre-optic cable', () => {
    const sentence = data.mentions.filter((m) => m.text.includes('высоковольтного кабеля'));
    expect(sentence).toHaveLength(1);
    expect(sentence[0]?.featureIds).toContain('cable-caspian-power');
    expect(sentence[0]?.featureIds).not.toContain('cable-caspian-fiber');
    expect(mentionsOf('cable-caspian-fiber').every((m) => !m.text.includes('высоковольт'))).toBe(true);
  });

  it('joins no sentence on a bare "коридор" or "зеленых коридоров"', () => {
    for (const m of data.mentions.filter((x) => x.text.includes('зеленых коридоров'))) {
      expect(m.featureIds).not.toContain('corridor-titr');
    }
  });
});
