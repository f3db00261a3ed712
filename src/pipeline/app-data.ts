// The whole pipeline from files on disk to what the app loads, shared by the Vite plugin and the CLI so both
// validate and join in exactly the same way. Every geo/ file and every article is read and checked, so one run
// reports every problem at once (issue 7); any error means no data at all. Articles are read one at a time and
// joined as they are parsed (readAndJoin), so one article's bytes and parse are held at a time.
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { AppData } from '../domain/app-data.ts';
import type { Briefing } from '../domain/briefing.ts';
import { compareStrings } from '../domain/compare-strings.ts';
import type { CorridorFeature } from '../domain/feature.ts';
import { BUG_HINT, readArticle } from './article-file.ts';
import { articleId, type ParsedArticle } from './articles.ts';
import {
  BRIEFING_FILE,
  type BriefingDraft,
  checkBriefingRefs,
  defaultBriefing,
  readBriefing,
} from './briefing.ts';
import { buildFeatures } from './build-features.ts';
import { firstInvalidUtf8, MAX_ARTICLE_BYTES, strictUtf8, tooLarge } from './decode.ts';
import { articleEvents } from './events.ts';
import { ArticleJoin, type JoinResult } from './join.ts';
import { articleByteFiles, type ByteFile, type LazyByteFile, listFiles, readFileBytes } from './load.ts';
import { type AliasIndex, compileAliases } from './match.ts';
import { mapPacked } from './packed-map.ts';
import { error, hasErrors, inFile, type Problem } from './problems.ts';
import { type GeoFile, validateGeo } from './validate.ts';

export const REFERENCE_POINTS_FILE = 'reference-points.json';
/** geo/ files are hand-curated JSON; anything this large is a mistake, and is not read. */
const MAX_GEO_BYTES = 50 * 1024 * 1024;

export interface PipelineInput {
  geoDir: string;
  articlesDir: string;
}

export interface PipelineResult {
  /** null when any problem is an error */
  data: AppData | null;
  /** geo/ first (files in name order, reference points last), then the articles in file name order */
  problems: Problem[];
}

/** Paths in messages are relative to the working directory, e.g. geo/rail.geojson. */
const shown = (p: string) => path.relative(process.cwd(), p) || p;

/** Reads geo/ and the articles directory (a missing directory throws LoadError) and runs `buildAppData`. */
export function buildAppDataFromDisk(input: PipelineInput): PipelineResult {
  const asShown = (f: ByteFile): ByteFile => ({ ...f, path: shown(f.path) });
  const geo = listFiles(input.geoDir, '.geojson').map((f) =>
    asShown(readFileBytes(input.geoDir, f, MAX_GEO_BYTES)),
  );
  const refPath = path.join(input.geoDir, REFERENCE_POINTS_FILE);
  const ref = existsSync(refPath)
    ? asShown(readFileBytes(input.geoDir, REFERENCE_POINTS_FILE, MAX_GEO_BYTES))
    : null;
  const articles = articleByteFiles(input.articlesDir, MAX_ARTICLE_BYTES).map(
    (f): LazyByteFile => ({ ...f, path: shown(f.path), read: () => asShown(f.read()) }),
  );
  const briefingPath = path.join(input.geoDir, BRIEFING_FILE);
  const briefing = existsSync(briefingPath)
    ? asShown(readFileBytes(input.geoDir, BRIEFING_FILE, MAX_GEO_BYTES))
    : null;
  return buildAppData({ geo, referencePoints: ref, articles, briefing });
}

export type ArticleFile = ByteFile | LazyByteFile;

export interface PipelineFiles {
  /** `path` is what messages show; `file` (the name alone) becomes the article's id and `file` */
  geo: ByteFile[];
  referencePoints: ByteFile | null;
  /** read now or, from disk, when the build comes to them */
  articles: readonly ArticleFile[];
  /** geo/briefing.json; absent or null: a briefing is generated from the data */
  briefing?: ByteFile | null;
}

/** Pure: validate geo/, check and parse every article, join when nothing is an error. Never throws. */
export function buildAppData(files: PipelineFiles): PipelineResult {
  const problems: Problem[] = [];
  const geoText = (f: ByteFile): GeoFile | null => {
    const text = decodeGeoFile(f);
    if (typeof text === 'string') return { file: f.path, text };
    problems.push(text);
    return null;
  };
  const geoFiles = files.geo.map(geoText).filter((f): f is GeoFile => f !== null);
  const refs = files.referencePoints === null ? null : geoText(files.referencePoints);
  const validation = validateGeo(geoFiles, refs);
  problems.push(...validation.problems);
  // Feature ids are checked now, with geo/; mention ids once the articles are joined.
  let briefingDraft: BriefingDraft | null = null;
  const briefingText = files.briefing ? geoText(files.briefing) : null;
  if (files.briefing && briefingText !== null) {
    const ids = new Set(validation.features.map((f) => f.properties.id));
    const read = readBriefing(files.briefing.path, briefingText.text, ids);
    problems.push(...read.problems);
    briefingDraft = read.draft;
  }

  const joined = readAndJoin(files.articles, validation.features, hasErrors(problems));
  problems.push(...joined.problems);
  if (joined.result === null || hasErrors(problems)) return { data: null, problems };
  const join = joined.result;
  const dates = new Map(join.joined.articles.map((a) => [a.id, a.date]));
  let briefing: Briefing;
  if (files.briefing && briefingDraft !== null) {
    const checked = checkBriefingRefs(files.briefing.path, briefingDraft, join.joined);
    problems.push(...checked.problems);
    if (hasErrors(problems)) return { data: null, problems };
    briefing = checked.briefing;
  } else briefing = defaultBriefing(validation.features, join.joined);
  return {
    data: {
      features: buildFeatures(validation.features),
      joined: join.joined,
      spans: join.spans,
      texts: join.texts,
      events: articleEvents(join.joined.mentions, (id) => dates.get(id) ?? '0000-01-01'),
      briefing,
    },
    problems,
  };
}

function readArticleFile(f: ByteFile): { parsed: ParsedArticle | null; problems: Problem[] } {
  if ('tooLarge' in f) return { parsed: null, problems: [inFile(f.path, tooLarge(f.tooLarge))] };
  if ('unreadable' in f) {
    return { parsed: null, problems: [inFile(f.path, error(`cannot read the file (${f.unreadable})`))] };
  }
  const read = readArticle(f.file, f.bytes);
  return { parsed: read.parsed, problems: mapPacked(read.issues, (i) => inFile(f.path, i)) };
}

/** geo/ files are UTF-8 JSON (a BOM is dropped); anything else is a Problem naming the first bad byte. */
function decodeGeoFile(f: ByteFile): string | Problem {
  if ('tooLarge' in f) {
    return inFile(
      f.path,
      error(`the file is ${f.tooLarge} bytes; geo/ files are read up to ${MAX_GEO_BYTES}`),
    );
  }
  if ('unreadable' in f) return inFile(f.path, error(`cannot read the file (${f.unreadable})`));
  const text = strictUtf8(f.bytes);
  if (text !== null) return text;
  const bad = firstInvalidUtf8(f.bytes);
  const line = 1 + f.bytes.subarray(0, bad).filter((b) => b === 0x0a).length;
  const byte = (f.bytes[bad] ?? 0).toString(16).toUpperCase().padStart(2, '0');
  const message = `not valid UTF-8 (byte 0x${byte} at offset ${bad})`;
  return inFile(f.path, error(message, 'save the file as UTF-8 (geo/ files are read as UTF-8 only)', line));
}

/**
 * Reads, checks and parses every article and joins each as soon as it is parsed (ArticleJoin); in article id
 * order, which is the join's, with the problems put back in file name order. Joining stops at the first error,
 * since any error means no data, but every file is still read and checked. `result` is null when the join did not
 * run to the end.
 */
function readAndJoin(
  articles: readonly ArticleFile[],
  features: CorridorFeature[],
  errorsBefore: boolean,
): { result: JoinResult | null; problems: Problem[] } {
  const byFile: Problem[][] = articles.map(() => []);
  const order = articles
    .map((f, i) => ({ id: articleId(f.file), i }))
    .sort((a, b) => compareStrings(a.id, b.id) || a.i - b.i);
  let index: AliasIndex | null = null;
  const whole: Problem[] = [];
  try {
    if (!errorsBefore) index = compileAliases(features);
  } catch (e) {
    whole.push(inFile('(all articles)', error(joinError(e), BUG_HINT)));
  }
  let join = index === null ? null : new ArticleJoin(index);
  let joinFailed = false;
  for (const { i } of order) {
    const f = articles[i] as ArticleFile;
    const read = readArticleFile('read' in f ? f.read() : f);
    const found = byFile[i] as Problem[];
    found.push(...read.problems);
    if (hasErrors(read.problems)) join = null;
    if (read.parsed === null || index === null || (join === null && !joinFailed)) continue;
    // The join itself should never throw; if it does (a bug), every article that makes it throw is named, so
    // the build says which file to look at instead of printing a stack trace.
    try {
      (join ?? new ArticleJoin(index)).add(read.parsed);
    } catch (e) {
      found.push(inFile(f.path, error(joinError(e), BUG_HINT)));
      join = null;
      joinFailed = true;
    }
  }
  const problems = [...byFile.flat(), ...whole];
  if (join === null) return { result: null, problems };
  try {
    return { result: join.result(), problems };
  } catch (e) {
    return { result: null, problems: [...problems, inFile('(all articles)', error(joinError(e), BUG_HINT))] };
  }
}

function joinError(e: unknown): string {
  return `internal error while joining: ${e instanceof Error ? e.message : String(e)}`;
}
