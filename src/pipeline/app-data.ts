// The whole pipeline from files on disk to what the app loads, shared by the Vite plugin and the CLI so both
// validate and join in exactly the same way. Validation errors stop it: no data is produced from a bad geo/.
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { AppData } from '../domain/app-data.ts';
import { type ParsedArticle, parseArticle } from './articles.ts';
import { buildFeatures } from './build-features.ts';
import { joinArticles } from './join.ts';
import { readArticleFiles, readGeoFiles, readTextFile } from './load.ts';
import { hasErrors, type Problem, validateGeo } from './validate.ts';

export const REFERENCE_POINTS_FILE = 'reference-points.json';

export interface PipelineInput {
  geoDir: string;
  articlesDir: string;
}

export interface PipelineResult {
  /** null when any problem is an error */
  data: AppData | null;
  problems: Problem[];
  /** article parsing notes (unknown front matter keys and the like) */
  articleWarnings: string[];
}

/** Paths in messages are relative to the working directory, e.g. geo/rail.geojson. */
const shown = (p: string) => path.relative(process.cwd(), p) || p;

export function buildAppDataFromDisk(input: PipelineInput): PipelineResult {
  const geoFiles = readGeoFiles(input.geoDir).map((f) => ({ file: shown(f.path), text: f.text }));
  const refPath = path.join(input.geoDir, REFERENCE_POINTS_FILE);
  const ref = existsSync(refPath) ? readTextFile(input.geoDir, REFERENCE_POINTS_FILE) : null;
  const validation = validateGeo(geoFiles, ref === null ? null : { file: shown(ref.path), text: ref.text });
  if (hasErrors(validation.problems))
    return { data: null, problems: validation.problems, articleWarnings: [] };

  const parsed: ParsedArticle[] = readArticleFiles(input.articlesDir).map((f) =>
    parseArticle(f.file, f.text),
  );
  const { joined, spans, texts } = joinArticles(parsed, validation.features);
  return {
    data: { features: buildFeatures(validation.features), joined, spans, texts },
    problems: validation.problems,
    articleWarnings: parsed.flatMap((p) => p.warnings.map((w) => `${p.article.file}: ${w}`)),
  };
}
