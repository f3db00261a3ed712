// Reads articles and curated features from disk for the command line (and anything else that runs in Node). The
// only module of the pipeline that touches the file system. `readFileBytes` / `articleByteFiles` hand over raw
// bytes (what the build uses: decode.ts decides the encoding and reports problems instead of throwing); the text
// readers decode strictly: a CP1251 file or a broken byte is refused with the file's name instead of being read as
// U+FFFD (tech-notes, "Regular expressions and untrusted text").

import { closeSync, fstatSync, openSync, readdirSync, readFileSync, readSync } from 'node:fs';
import path from 'node:path';
import { compareStrings } from '../domain/compare-strings.ts';
import type { CorridorFeature } from '../domain/feature.ts';
import { strictUtf8 } from './decode.ts';

export class LoadError extends Error {
  override readonly name = 'LoadError';
}

export interface TextFile {
  /** path as given (directory joined with the file name), for messages */
  path: string;
  /** the file name alone */
  file: string;
  text: string;
}

export interface SourcedFeature {
  /** the .geojson file the feature came from, for messages */
  file: string;
  feature: CorridorFeature;
}

/** Decodes UTF-8 strictly (strictUtf8); the BOM, if any, is dropped. */
export function decodeUtf8(bytes: Uint8Array, file: string): string {
  const text = strictUtf8(bytes);
  if (text !== null) return text;
  throw new LoadError(`${file}: not valid UTF-8 (CP1251 or another legacy encoding? save the file as UTF-8)`);
}

/** Files of `dir` ending in `extension`, sorted by name (code-unit order, the same everywhere). */
export function listFiles(dir: string, extension: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir, { withFileTypes: true })
      .filter((e) => e.isFile() && e.name.endsWith(extension))
      .map((e) => e.name);
  } catch (e) {
    throw new LoadError(`${dir}: cannot read the directory (${e instanceof Error ? e.message : String(e)})`);
  }
  return names.sort(compareStrings);
}

export function readTextFile(dir: string, file: string): TextFile {
  const full = path.join(dir, file);
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(full);
  } catch (e) {
    throw new LoadError(`${full}: cannot read (${e instanceof Error ? e.message : String(e)})`);
  }
  return { path: full, file, text: decodeUtf8(bytes, full) };
}

/** A file's bytes, or why they were not read: too large to read at all, or unreadable. */
export type ByteFile = { path: string; file: string } & (
  | { bytes: Uint8Array }
  | { tooLarge: number }
  | { unreadable: string }
);

/**
 * The bytes of `dir/file` without decoding them, so the caller can decide the encoding (decode.ts). A file over
 * `maxBytes` is not read: its size is reported instead, so a stray multi-gigabyte file cannot exhaust memory.
 */
export function readFileBytes(dir: string, file: string, maxBytes: number): ByteFile {
  const full = path.join(dir, file);
  let fd: number | null = null;
  try {
    // One open for the size and the bytes: statSync then readFileSync sized the file twice (two statx system
    // calls per article where one does).
    fd = openSync(full, 'r');
    const size = fstatSync(fd).size;
    if (size > maxBytes) return { path: full, file, tooLarge: size };
    return { path: full, file, bytes: readAll(fd, size) };
  } catch (e) {
    return { path: full, file, unreadable: e instanceof Error ? e.message : String(e) };
  } finally {
    if (fd !== null) closeSync(fd);
  }
}

/** The `size` bytes of an open file (fewer if it shrank since it was sized). */
function readAll(fd: number, size: number): Uint8Array {
  const bytes = Buffer.allocUnsafe(size);
  let got = 0;
  while (got < size) {
    const n = readSync(fd, bytes, got, size - got, null);
    if (n === 0) break;
    got += n;
  }
  return got === size ? bytes : bytes.subarray(0, got);
}

/** A file named now and read (readFileBytes) when its turn comes, so that one is in memory at a time. */
export interface LazyByteFile {
  path: string;
  file: string;
  read: () => ByteFile;
}

/** Every `.txt` article in `dir`, sorted by file name, to be read as bytes (see readFileBytes). */
export function articleByteFiles(dir: string, maxBytes: number): LazyByteFile[] {
  return listFiles(dir, '.txt').map((file) => ({
    path: path.join(dir, file),
    file,
    read: () => readFileBytes(dir, file, maxBytes),
  }));
}

/** Every `.txt` article in `dir`, sorted by file name, decoded strictly as UTF-8 (throws on the first bad one). */
export function readArticleFiles(dir: string): TextFile[] {
  return listFiles(dir, '.txt').map((f) => readTextFile(dir, f));
}

/** Every `.geojson` file in `dir`, sorted, as text: what `validateGeo` takes. */
export function readGeoFiles(dir: string): TextFile[] {
  return listFiles(dir, '.geojson').map((f) => readTextFile(dir, f));
}

/**
 * The features of every `.geojson` file in `dir`, in file order then feature order. Checks only what matching
 * needs (id, kind, names, aliases); the full contract is validate.ts's job.
 */
export function loadFeatures(dir: string): SourcedFeature[] {
  const out: SourcedFeature[] = [];
  const seen = new Map<string, string>();
  for (const file of readGeoFiles(dir)) {
    for (const feature of parseFeatureCollection(file.path, file.text)) {
      const id = feature.properties.id;
      const first = seen.get(id);
      if (first !== undefined)
        throw new LoadError(`${file.path}: feature id "${id}" is also used in ${first}`);
      seen.set(id, file.path);
      out.push({ file: file.path, feature });
    }
  }
  return out;
}

function parseFeatureCollection(file: string, text: string): CorridorFeature[] {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new LoadError(`${file}: not valid JSON (${e instanceof Error ? e.message : String(e)})`);
  }
  if (!isRecord(json) || json.type !== 'FeatureCollection' || !Array.isArray(json.features)) {
    throw new LoadError(`${file}: expected a GeoJSON FeatureCollection with a "features" array`);
  }
  return json.features.map((f, i) => {
    const problem = featureProblem(f);
    if (problem !== null) throw new LoadError(`${file}: feature #${i}: ${problem}`);
    return f as CorridorFeature;
  });
}

/** What stops the feature from being matched, or null. */
function featureProblem(f: unknown): string | null {
  if (!isRecord(f) || f.type !== 'Feature') return 'not a GeoJSON Feature';
  const p = f.properties;
  if (!isRecord(p)) return 'has no properties';
  if (typeof p.id !== 'string' || p.id === '') return 'properties.id must be a non-empty string';
  if (typeof p.kind !== 'string') return `${p.id}: properties.kind must be a string`;
  if (!isRecord(p.name) || typeof p.name.ru !== 'string' || typeof p.name.en !== 'string') {
    return `${p.id}: properties.name must be { ru, en } strings`;
  }
  const a = p.aliases;
  if (!isRecord(a) || !isStringArray(a.ru) || !isStringArray(a.en)) {
    return `${p.id}: properties.aliases must be { ru: string[], en: string[] }`;
  }
  return null;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isStringArray(v: unknown): v is string[] {
  return Array.isArray(v) && v.every((x) => typeof x === 'string');
}
