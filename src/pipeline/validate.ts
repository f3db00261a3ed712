// Validates the curated geo/*.geojson and geo/reference-points.json against the Feature contract
// (src/domain/feature.ts). Pure: the caller reads the files. Every problem is collected and reported together,
// each naming its file and feature, so one run shows the curator everything to fix.
import { distance } from '@turf/distance';
import { feature as turfFeature } from '@turf/helpers';
import { length } from '@turf/length';
import type { Geometry, Position } from 'geojson';
import {
  ACCURACIES,
  type CorridorFeature,
  type CorridorProperties,
  FEATURE_KINDS,
  type FeatureKind,
  LANGS,
  STATUSES,
} from '../domain/feature.ts';
import { inRegion, REGION } from '../domain/region.ts';
import { type AliasEntry, lintAliases } from './alias-lint.ts';
import { formatProblems, type Problem } from './problems.ts';

export { formatProblems, hasErrors, type Problem } from './problems.ts';

export interface GeoFile {
  /** path as it should appear in messages, e.g. `geo/rail.geojson` */
  file: string;
  text: string;
}

export interface ValidationResult {
  /** The features whose shape could be read; the data is usable only when `problems` holds no error. */
  features: CorridorFeature[];
  problems: Problem[];
}

/** A Point feature further than this from its reference point is misplaced. */
export const MAX_REFERENCE_DISTANCE_KM = 25;
/** drawn / official length outside these bounds is an error… */
export const LENGTH_RATIO_ERROR = { min: 0.6, max: 1.25 } as const;
/** …and outside these a warning (schematic lines run a little short of the real track). */
export const LENGTH_RATIO_WARNING = { min: 0.75, max: 1.1 } as const;

const SWAPPED_HINT = 'lon/lat look swapped';
const KEBAB_CASE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const PARTIAL_DATE = /^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$/;
const REFERENCE_TAGS = ['A', 'B', 'C', 'D'] as const;

type GeometryClass = 'none' | 'line' | 'point';

const GEOMETRY_OF_KIND: Record<FeatureKind, GeometryClass> = {
  corridor: 'none',
  rail: 'line',
  'sea-route': 'line',
  'fiber-cable': 'line',
  'power-cable': 'line',
  pipeline: 'line',
  port: 'point',
  'oil-field': 'point',
  place: 'point',
};

const GEOMETRY_TYPES: Record<GeometryClass, readonly string[]> = {
  none: [],
  line: ['LineString', 'MultiLineString'],
  point: ['Point'],
};

const GEOJSON_GEOMETRY_TYPES = [
  'Point',
  'MultiPoint',
  'LineString',
  'MultiLineString',
  'Polygon',
  'MultiPolygon',
  'GeometryCollection',
];

export function validateGeo(files: GeoFile[], referencePoints: GeoFile | null): ValidationResult {
  const sink: LocatedProblem[] = [];
  const records = files.flatMap((input, fileIndex) =>
    readFile(input, new Reporter(sink, input.file, fileIndex)),
  );
  const refReporter = new Reporter(sink, referencePoints?.file ?? 'reference-points.json', files.length);
  const refs: ReferencePoints = referencePoints
    ? readReferencePoints(referencePoints.text, refReporter)
    : new Map();

  checkDuplicateIds(records);
  checkPartOfTargets(records);
  checkCompositesHaveParts(records);
  checkPartOfCycles(records);
  for (const record of records) {
    if (record.feature) checkFeatureContent(record.feature, refs, record.report);
  }
  checkReferencePointsUsed(refs, records, refReporter);
  checkAliasesCanMatch(records);

  return {
    features: records.flatMap((r) => (r.feature ? [r.feature] : [])),
    problems: sortByLocation(sink),
  };
}

export class GeoValidationError extends Error {
  override readonly name = 'GeoValidationError';
  readonly problems: readonly Problem[];

  constructor(problems: readonly Problem[]) {
    const errors = problems.filter((p) => p.level === 'error').length;
    super(`curated GeoJSON has ${errors} error${errors === 1 ? '' : 's'}:\n${formatProblems(problems)}`);
    this.problems = problems;
  }
}

// ---------------------------------------------------------------------------------------------------------
// Collecting problems

interface LocatedProblem {
  problem: Problem;
  fileIndex: number;
  featureIndex: number;
}

/** Collects problems for one file, or one feature of it; counts the errors it reported. */
class Reporter {
  errorCount = 0;

  constructor(
    private readonly sink: LocatedProblem[],
    readonly file: string,
    private readonly fileIndex: number,
    private readonly featureId: string | null = null,
    private readonly featureIndex = -1,
  ) {}

  /** Features without a readable id are named by their position: `feature #3: …`. */
  forFeature(featureId: string | null, featureIndex: number): Reporter {
    return new Reporter(this.sink, this.file, this.fileIndex, featureId, featureIndex);
  }

  error(message: string, hint?: string): void {
    this.errorCount++;
    this.add({ level: 'error', message, ...(hint === undefined ? {} : { hint }) });
  }

  warn(message: string, hint?: string): void {
    this.add({ level: 'warning', message, ...(hint === undefined ? {} : { hint }) });
  }

  errorAt(line: number, column: number, message: string): void {
    this.errorCount++;
    this.add({ level: 'error', message, line, column });
  }

  private add(p: Pick<Problem, 'level' | 'message' | 'hint' | 'line' | 'column'>): void {
    const unnamed = this.featureId === null && this.featureIndex >= 0;
    const message = unnamed ? `feature #${this.featureIndex + 1}: ${p.message}` : p.message;
    this.sink.push({
      problem: { ...p, file: this.file, featureId: this.featureId, message },
      fileIndex: this.fileIndex,
      featureIndex: this.featureIndex,
    });
  }
}

/** Files in input order (reference points last), features in file order; checks' order within a feature. */
function sortByLocation(located: LocatedProblem[]): Problem[] {
  return [...located]
    .sort((a, b) => a.fileIndex - b.fileIndex || a.featureIndex - b.featureIndex)
    .map((l) => l.problem);
}

// ---------------------------------------------------------------------------------------------------------
// JSON syntax

export type ParsedJson =
  | { ok: true; value: unknown }
  | { ok: false; message: string; line: number; column: number };

export function parseJson(text: string): ParsedJson {
  const body = text.replace(/^\uFEFF/, '');
  try {
    return { ok: true, value: JSON.parse(body) };
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const offset = positionInMessage(message, body) ?? syntaxErrorOffset(body);
    return {
      ok: false,
      message: `invalid JSON: ${shortJsonMessage(message)}`,
      ...lineAndColumn(body, offset),
    };
  }
}

/** V8 says "… in JSON at position N" for most errors, and nothing for "Unexpected token 'x', "…" is not valid JSON". */
function positionInMessage(message: string, text: string): number | null {
  if (message.startsWith('Unexpected end of JSON input')) return text.length;
  const match = /at position (\d+)/.exec(message);
  return match?.[1] === undefined ? null : Number(match[1]);
}

function shortJsonMessage(message: string): string {
  return message
    .replace(/,\s*(?:\.\.\.)?".*$/s, '') // the quoted excerpt of "Unexpected token 'x', "…" is not valid JSON"
    .replace(/\s*(?:in JSON )?at position \d+.*$/s, '');
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: before.split('\n').length, column: offset - lineStart + 1 };
}

class JsonStop extends Error {}

/** Offset of the first syntax error, for the messages in which V8 gives none. A strict RFC 8259 scanner. */
export function syntaxErrorOffset(text: string): number {
  let i = 0;
  const stop = (): never => {
    throw new JsonStop();
  };
  const skipSpace = (): void => {
    while (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r') i++;
  };
  const expect = (ch: string): void => {
    if (text[i] !== ch) stop();
    i++;
  };
  const string = (): void => {
    expect('"');
    for (;;) {
      const ch = text[i];
      if (ch === undefined || ch < ' ') stop();
      i++;
      if (ch === '"') return;
      if (ch === '\\') {
        if (text[i] === 'u') {
          i++;
          for (let k = 0; k < 4; k++, i++) if (!/[0-9a-fA-F]/.test(text[i] ?? '')) stop();
        } else if ('"\\/bfnrt'.includes(text[i] ?? 'x')) i++;
        else stop();
      }
    }
  };
  const number = (): void => {
    const re = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
    re.lastIndex = i;
    if (!re.exec(text)) stop();
    i = re.lastIndex;
  };
  const sequence = (close: string, item: () => void): void => {
    i++;
    skipSpace();
    if (text[i] === close) {
      i++;
      return;
    }
    for (;;) {
      item();
      skipSpace();
      if (text[i] !== ',') {
        expect(close);
        return;
      }
      i++;
      skipSpace();
    }
  };
  const value = (): void => {
    skipSpace();
    const ch = text[i];
    if (ch === '{') sequence('}', member);
    else if (ch === '[') sequence(']', value);
    else if (ch === '"') string();
    else if (ch === 't') [...'true'].forEach(expect);
    else if (ch === 'f') [...'false'].forEach(expect);
    else if (ch === 'n') [...'null'].forEach(expect);
    else if (ch === '-' || (ch !== undefined && ch >= '0' && ch <= '9')) number();
    else stop();
  };
  const member = (): void => {
    string();
    skipSpace();
    expect(':');
    value();
  };
  try {
    value();
    skipSpace();
    if (i < text.length) stop();
  } catch (e) {
    if (!(e instanceof JsonStop)) throw e;
  }
  return i;
}

// ---------------------------------------------------------------------------------------------------------
// Reading files and features

interface FeatureRecord {
  file: string;
  index: number;
  id: string | null;
  kind: FeatureKind | null;
  /** read leniently, so that cross-file checks see the parts of features that failed other checks */
  partOf: string[];
  /** null when the feature's shape does not match the contract */
  feature: CorridorFeature | null;
  report: Reporter;
}

function readFile(input: GeoFile, report: Reporter): FeatureRecord[] {
  const parsed = parseJson(input.text);
  if (!parsed.ok) {
    report.errorAt(parsed.line, parsed.column, parsed.message);
    return [];
  }
  const rawFeatures = readCollection(parsed.value, report);
  return rawFeatures.map((raw, index) => readFeature(raw, index, input.file, report));
}

function readCollection(value: unknown, report: Reporter): unknown[] {
  if (!isRecord(value) || value.type !== 'FeatureCollection') {
    report.error(`expected a FeatureCollection, found ${describeType(value)}`);
    return [];
  }
  if (!Array.isArray(value.features)) {
    report.error('FeatureCollection.features must be an array');
    return [];
  }
  if (value.features.length === 0) report.warn('FeatureCollection has no features');
  return value.features;
}

function readFeature(raw: unknown, index: number, file: string, fileReport: Reporter): FeatureRecord {
  const props = isRecord(raw) && isRecord(raw.properties) ? raw.properties : null;
  const id = readableId(raw, props);
  const report = fileReport.forFeature(id, index);
  const kind = oneOfOrNull(props?.kind, FEATURE_KINDS);
  const partOf = Array.isArray(props?.partOf)
    ? props.partOf.filter((p): p is string => typeof p === 'string')
    : [];
  const record: FeatureRecord = { file, index, id, kind, partOf, feature: null, report };

  if (!isRecord(raw) || raw.type !== 'Feature') {
    report.error(`expected a GeoJSON Feature, found ${describeType(raw)}`);
    return record;
  }
  if (props === null) {
    report.error('properties must be an object');
    return record;
  }
  checkIds(raw.id, props.id, report);
  checkProperties(props, report);
  checkGeometry(raw, kind, report);
  if (report.errorCount === 0) record.feature = raw as unknown as CorridorFeature;
  return record;
}

function readableId(raw: unknown, props: Record<string, unknown> | null): string | null {
  if (typeof props?.id === 'string' && props.id !== '') return props.id;
  if (isRecord(raw) && typeof raw.id === 'string' && raw.id !== '') return raw.id;
  return null;
}

// ---------------------------------------------------------------------------------------------------------
// Properties

/** properties.id itself is checked with the other properties. */
function checkIds(featureId: unknown, propertiesId: unknown, report: Reporter): void {
  if (!isNonEmptyString(propertiesId)) return;
  if (featureId !== propertiesId) {
    report.error(`Feature id ${show(featureId)} must equal properties.id '${propertiesId}'`);
  }
  if (!KEBAB_CASE.test(propertiesId)) {
    report.error(`id '${propertiesId}' is not kebab-case (a-z, 0-9, single hyphens)`);
  }
}

type Check = (value: unknown, field: string, report: Reporter) => void;

/** Keyed by the contract's property names, so that a property added to the type must be added here. */
const PROPERTY_RULES: Record<keyof CorridorProperties, { required: boolean; check: Check }> = {
  id: { required: true, check: checkNonEmptyString }, // and against the Feature id, in checkIds
  kind: { required: true, check: checkOneOf(FEATURE_KINDS) },
  name: { required: true, check: checkLocalized },
  aliases: { required: true, check: checkAliases },
  status: { required: true, check: checkOneOf(STATUSES) },
  statusAsOf: { required: true, check: checkPartialDate },
  partOf: { required: true, check: checkIdList },
  accuracy: { required: true, check: checkOneOf(ACCURACIES) },
  sources: { required: true, check: checkSources },
  lengthKm: { required: false, check: checkPositiveNumber },
  capacity: { required: false, check: checkLocalized },
  operator: { required: false, check: checkLocalized },
  milestones: { required: false, check: checkMilestones },
  accuracyNote: { required: false, check: checkLocalized },
};

const PROPERTY_NAMES = Object.keys(PROPERTY_RULES);

function checkProperties(props: Record<string, unknown>, report: Reporter): void {
  for (const [name, rule] of Object.entries(PROPERTY_RULES)) {
    if (props[name] !== undefined) rule.check(props[name], name, report);
    else if (rule.required) report.error(`properties.${name} is missing`);
  }
  for (const name of Object.keys(props)) {
    if (!PROPERTY_NAMES.includes(name)) {
      report.warn(`unknown property '${name}'`, didYouMean(name, PROPERTY_NAMES));
    }
  }
}

function checkNonEmptyString(value: unknown, field: string, report: Reporter): void {
  if (!isNonEmptyString(value)) report.error(`${field} must be a non-empty string, found ${show(value)}`);
}

function checkOneOf(allowed: readonly string[]): Check {
  return (value, field, report) => {
    if (oneOfOrNull(value, allowed) === null) {
      report.error(`${field} ${show(value)} is not one of ${allowed.join(', ')}`);
    }
  };
}

function checkLocalized(value: unknown, field: string, report: Reporter): void {
  if (!isRecord(value)) {
    report.error(`${field} must be { ru, en }, found ${show(value)}`);
    return;
  }
  for (const lang of LANGS) {
    if (!isNonEmptyString(value[lang])) report.error(`${field}.${lang} must be a non-empty string`);
  }
}

function checkAliases(value: unknown, field: string, report: Reporter): void {
  if (!isRecord(value)) {
    report.error(`${field} must be { ru: [...], en: [...] }, found ${show(value)}`);
    return;
  }
  for (const lang of LANGS) {
    const list = value[lang];
    if (!Array.isArray(list) || !list.every(isNonEmptyString)) {
      report.error(`${field}.${lang} must be an array of non-empty strings`);
    }
  }
}

function checkPartialDate(value: unknown, field: string, report: Reporter): void {
  if (typeof value !== 'string' || !PARTIAL_DATE.test(value)) {
    report.error(`${field} ${show(value)} is not YYYY, YYYY-MM or YYYY-MM-DD`);
  }
}

function checkIdList(value: unknown, field: string, report: Reporter): void {
  if (!Array.isArray(value) || !value.every(isNonEmptyString)) {
    report.error(`${field} must be an array of feature ids, found ${show(value)}`);
    return;
  }
  const duplicates = value.filter((id, i) => value.indexOf(id) !== i);
  if (duplicates.length > 0) report.warn(`${field} names '${duplicates[0]}' twice`);
}

function checkSources(value: unknown, field: string, report: Reporter): void {
  if (!Array.isArray(value) || value.length === 0) {
    report.error(`${field} must be a non-empty array of { url, title }`);
    return;
  }
  value.forEach((source, i) => {
    if (!isRecord(source)) {
      report.error(`${field}[${i}] must be { url, title }, found ${show(source)}`);
      return;
    }
    checkHttpUrl(source.url, `${field}[${i}].url`, report);
    if (!isNonEmptyString(source.title)) report.error(`${field}[${i}].title must be a non-empty string`);
  });
}

function checkHttpUrl(value: unknown, field: string, report: Reporter): void {
  if (!isHttpUrl(value)) report.error(`${field} ${show(value)} is not an http(s) URL`);
}

function checkPositiveNumber(value: unknown, field: string, report: Reporter): void {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    report.error(`${field} must be a positive number, found ${show(value)}`);
  }
}

function checkMilestones(value: unknown, field: string, report: Reporter): void {
  if (!Array.isArray(value)) {
    report.error(`${field} must be an array of { date, text, source }`);
    return;
  }
  value.forEach((milestone, i) => {
    const at = `${field}[${i}]`;
    if (!isRecord(milestone)) {
      report.error(`${at} must be { date, text, source }, found ${show(milestone)}`);
      return;
    }
    checkPartialDate(milestone.date, `${at}.date`, report);
    checkLocalized(milestone.text, `${at}.text`, report);
    checkHttpUrl(milestone.source, `${at}.source`, report);
    // Optional: the status the feature entered on that date (the map's "as of" view), and whether it is a plan.
    if (milestone.status !== undefined && !(STATUSES as readonly unknown[]).includes(milestone.status)) {
      report.error(`${at}.status must be one of ${STATUSES.join(', ')}, found ${show(milestone.status)}`);
    }
    if (milestone.plan !== undefined && milestone.plan !== true) {
      report.error(`${at}.plan must be true or left out, found ${show(milestone.plan)}`);
    }
    for (const key of Object.keys(milestone)) {
      if (!['date', 'text', 'source', 'status', 'plan'].includes(key))
        report.warn(`${at}.${key} is not a milestone field`);
    }
  });
}

// ---------------------------------------------------------------------------------------------------------
// Geometry shape and kind

function checkGeometry(raw: Record<string, unknown>, kind: FeatureKind | null, report: Reporter): void {
  if (!('geometry' in raw)) {
    report.error('geometry is missing (a composite corridor has "geometry": null)');
    return;
  }
  const geometry = raw.geometry;
  if (geometry !== null && !checkGeometryShape(geometry, report)) return;
  if (kind !== null) checkGeometryFitsKind(geometry as Geometry | null, kind, report);
}

/** The geometry types the contract uses are checked in depth; other types only fail the kind check. */
const COORDINATES_PROBLEM: Partial<Record<string, (coordinates: unknown) => string | null>> = {
  Point: positionProblem,
  LineString: lineProblem,
  MultiLineString: multiLineProblem,
};

function checkGeometryShape(geometry: unknown, report: Reporter): boolean {
  if (!isRecord(geometry) || typeof geometry.type !== 'string') {
    report.error(`geometry must be a GeoJSON geometry or null, found ${show(geometry)}`);
    return false;
  }
  const { type, coordinates } = geometry;
  if (!GEOJSON_GEOMETRY_TYPES.includes(type)) {
    report.error(`geometry type '${type}' is not a GeoJSON geometry type`);
    return false;
  }
  const problem = COORDINATES_PROBLEM[type]?.(coordinates) ?? null;
  if (problem !== null) report.error(`${type} coordinates: ${problem}`);
  return problem === null;
}

function positionProblem(value: unknown): string | null {
  const isPosition =
    Array.isArray(value) &&
    (value.length === 2 || value.length === 3) &&
    value.every((n) => typeof n === 'number');
  return isPosition ? null : `expected [lon, lat], found ${show(value)}`;
}

function lineProblem(value: unknown): string | null {
  if (!Array.isArray(value) || value.length < 2) return 'a line needs at least two positions';
  for (const [i, position] of value.entries()) {
    const problem = positionProblem(position);
    if (problem !== null) return `[${i}]: ${problem}`;
  }
  return null;
}

function multiLineProblem(value: unknown): string | null {
  if (!Array.isArray(value) || value.length === 0) return 'expected a non-empty array of lines';
  for (const [i, line] of value.entries()) {
    const problem = lineProblem(line);
    if (problem !== null) return `line ${i}: ${problem}`;
  }
  return null;
}

function checkGeometryFitsKind(geometry: Geometry | null, kind: FeatureKind, report: Reporter): void {
  const expected = GEOMETRY_OF_KIND[kind];
  if (expected === 'none') {
    if (geometry !== null) {
      report.error(
        `a ${kind} is a composite: its geometry must be null (drawn from its parts), found ${geometry.type}`,
      );
    }
  } else if (geometry === null) {
    report.error(`a ${kind} needs a ${GEOMETRY_TYPES[expected].join(' or ')} geometry, found null`);
  } else if (!GEOMETRY_TYPES[expected].includes(geometry.type)) {
    report.error(
      `geometry ${geometry.type} does not fit kind ${kind} (expected ${GEOMETRY_TYPES[expected].join(' or ')})`,
    );
  }
}

// ---------------------------------------------------------------------------------------------------------
// Coordinates, reference points, drawn length (on features whose shape is valid)

function checkFeatureContent(feature: CorridorFeature, refs: ReferencePoints, report: Reporter): void {
  if (!checkPositions(positionsOf(feature.geometry), report)) return;
  checkReferencePoint(feature, refs, report);
  checkDrawnLength(feature, report);
}

interface LabelledPosition {
  /** where in the coordinates, e.g. `[3]` or `[1][3]` */
  path: string;
  position: Position;
}

function positionsOf(geometry: Geometry | null): LabelledPosition[] {
  if (geometry?.type === 'Point') return [{ path: '', position: geometry.coordinates }];
  if (geometry?.type === 'LineString') {
    return geometry.coordinates.map((position, i) => ({ path: `[${i}]`, position }));
  }
  if (geometry?.type === 'MultiLineString') {
    return geometry.coordinates.flatMap((line, l) =>
      line.map((position, i) => ({ path: `[${l}][${i}]`, position })),
    );
  }
  return [];
}

type PositionFault = 'not finite' | 'out of range' | 'outside the region';

const FAULT_DETAIL: Record<PositionFault, string> = {
  'not finite': '',
  'out of range': ' (lon -180..180, lat -90..90)',
  'outside the region': ` (lon ${REGION.west}..${REGION.east}, lat ${REGION.south}..${REGION.north})`,
};

/** One problem per kind of fault, naming the first bad coordinate; true when all are fine. */
function checkPositions(positions: LabelledPosition[], report: Reporter): boolean {
  const byFault = new Map<PositionFault, LabelledPosition[]>();
  for (const labelled of positions) {
    const fault = positionFault(labelled.position);
    if (fault !== null) byFault.set(fault, [...(byFault.get(fault) ?? []), labelled]);
  }
  for (const [fault, bad] of byFault) {
    const [first] = bad;
    if (first === undefined) continue;
    const where = first.path === '' ? '' : ` at coordinates${first.path}`;
    const more = bad.length > 1 ? ` and ${bad.length - 1} more` : '';
    const swapped = fault !== 'not finite' && bad.every(({ position }) => inRegion(swap(position)));
    report.error(
      `coordinate ${showPosition(first.position)}${where}${more} is ${fault}${FAULT_DETAIL[fault]}`,
      swapped ? SWAPPED_HINT : undefined,
    );
  }
  return byFault.size === 0;
}

function positionFault([lon, lat]: Position): PositionFault | null {
  if (lon === undefined || lat === undefined || !Number.isFinite(lon) || !Number.isFinite(lat)) {
    return 'not finite';
  }
  if (Math.abs(lon) > 180 || Math.abs(lat) > 90) return 'out of range';
  return inRegion([lon, lat]) ? null : 'outside the region';
}

function checkReferencePoint(feature: CorridorFeature, refs: ReferencePoints, report: Reporter): void {
  if (feature.geometry?.type !== 'Point') return;
  const ref = refs.get(feature.id);
  if (ref === undefined) report.warn('Point feature has no reference point');
  if (ref === undefined || ref === null) return;
  const point = feature.geometry.coordinates;
  const km = distance(point, ref.lonLat);
  if (km <= MAX_REFERENCE_DISTANCE_KM) return;
  const swappedIsNear = distance(swap(point), ref.lonLat) <= MAX_REFERENCE_DISTANCE_KM;
  report.error(
    `${showPosition(point)} is ${km.toFixed(1)} km from its reference point ${showPosition(ref.lonLat)} ` +
      `(tag ${ref.tag}; at most ${MAX_REFERENCE_DISTANCE_KM} km)`,
    swappedIsNear ? SWAPPED_HINT : undefined,
  );
}

function checkDrawnLength(feature: CorridorFeature, report: Reporter): void {
  const official = feature.properties.lengthKm;
  const geometry = feature.geometry;
  const isLine = geometry?.type === 'LineString' || geometry?.type === 'MultiLineString';
  if (official === undefined || !isLine) return;
  const drawn = length(turfFeature(geometry));
  const ratio = drawn / official;
  const compared = `drawn ${Math.round(drawn)} km vs official ${official} km (ratio ${ratio.toFixed(2)}`;
  if (ratio < LENGTH_RATIO_ERROR.min || ratio > LENGTH_RATIO_ERROR.max) {
    report.error(`${compared}; must be ${LENGTH_RATIO_ERROR.min}..${LENGTH_RATIO_ERROR.max})`);
  } else if (ratio < LENGTH_RATIO_WARNING.min || ratio > LENGTH_RATIO_WARNING.max) {
    report.warn(`${compared}; expected ${LENGTH_RATIO_WARNING.min}..${LENGTH_RATIO_WARNING.max})`);
  }
}

// ---------------------------------------------------------------------------------------------------------
// Across features and files

function checkDuplicateIds(records: FeatureRecord[]): void {
  const first = new Map<string, FeatureRecord>();
  for (const record of records) {
    if (record.id === null) continue;
    const earlier = first.get(record.id);
    if (earlier === undefined) first.set(record.id, record);
    else if (earlier.file === record.file) {
      record.report.error(`duplicate id: also feature #${earlier.index + 1} of ${record.file}`);
    } else record.report.error(`duplicate id: also in ${earlier.file}`);
  }
}

function recordsById(records: FeatureRecord[]): Map<string, FeatureRecord> {
  const byId = new Map<string, FeatureRecord>();
  for (const record of records) if (record.id !== null && !byId.has(record.id)) byId.set(record.id, record);
  return byId;
}

function checkPartOfTargets(records: FeatureRecord[]): void {
  const byId = recordsById(records);
  const corridorIds = records.flatMap((r) => (r.kind === 'corridor' && r.id !== null ? [r.id] : []));
  for (const record of records) {
    for (const target of record.partOf) {
      const found = byId.get(target);
      if (found === undefined) {
        record.report.error(`partOf names unknown feature '${target}'`, didYouMean(target, corridorIds));
      } else if (found.kind !== null && found.kind !== 'corridor') {
        record.report.error(`partOf names '${target}', a ${found.kind}: only a corridor can have parts`);
      }
    }
  }
}

function checkCompositesHaveParts(records: FeatureRecord[]): void {
  const named = new Set(records.flatMap((r) => r.partOf));
  for (const record of records) {
    if (record.kind === 'corridor' && record.id !== null && !named.has(record.id)) {
      record.report.error('composite corridor has no parts: no feature names it in partOf');
    }
  }
}

/** A corridor may be part of a larger one, but a chain of partOf must not lead back to where it started. */
function checkPartOfCycles(records: FeatureRecord[]): void {
  const byId = recordsById(records);
  for (const record of records) {
    if (record.id === null) continue;
    const seen = new Set<string>();
    const queue = [...record.partOf];
    for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
      if (next === record.id) {
        record.report.error('partOf leads back to this feature (a cycle)');
        break;
      }
      if (seen.has(next)) continue;
      seen.add(next);
      queue.push(...(byId.get(next)?.partOf ?? []));
    }
  }
}

/** Names and aliases that can never single out their feature (alias-lint.ts); warnings, on readable features. */
function checkAliasesCanMatch(records: FeatureRecord[]): void {
  const reportOf = new Map<AliasEntry, Reporter>();
  for (const record of records) {
    const p = record.feature?.properties;
    if (p === undefined) continue;
    const entries: AliasEntry[] = [
      ...LANGS.map((lang) => ({ featureId: p.id, field: `name.${lang}`, alias: p.name[lang], isName: true })),
      ...LANGS.flatMap((lang) =>
        p.aliases[lang].map((alias, i) => ({
          featureId: p.id,
          field: `aliases.${lang}[${i}]`,
          alias,
          isName: false,
        })),
      ),
    ];
    for (const entry of entries) reportOf.set(entry, record.report);
  }
  for (const finding of lintAliases([...reportOf.keys()])) {
    reportOf.get(finding.entry)?.warn(finding.message, finding.hint);
  }
}

// ---------------------------------------------------------------------------------------------------------
// geo/reference-points.json: { "<feature-id>": { "lonLat": [lon, lat], "tag": "A|B|C|D", "source": "…" } }

/** feature id → reference point; null where the entry is unreadable (reported on the reference file). */
type ReferencePoints = Map<string, ReferencePoint | null>;

interface ReferencePoint {
  lonLat: [number, number];
  tag: (typeof REFERENCE_TAGS)[number];
  source: string;
}

function readReferencePoints(text: string, fileReport: Reporter): ReferencePoints {
  const refs: ReferencePoints = new Map();
  const parsed = parseJson(text);
  if (!parsed.ok) {
    fileReport.errorAt(parsed.line, parsed.column, parsed.message);
    return refs;
  }
  if (!isRecord(parsed.value)) {
    fileReport.error(`expected an object keyed by feature id, found ${describeType(parsed.value)}`);
    return refs;
  }
  Object.entries(parsed.value).forEach(([id, entry], index) => {
    refs.set(id, readReferencePoint(entry, fileReport.forFeature(id, index)));
  });
  return refs;
}

function readReferencePoint(entry: unknown, report: Reporter): ReferencePoint | null {
  if (!isRecord(entry)) {
    report.error(`expected { lonLat, tag, source }, found ${show(entry)}`);
    return null;
  }
  const { lonLat, tag, source } = entry;
  if (!isLonLat(lonLat)) report.error(`lonLat must be [lon, lat], found ${show(lonLat)}`);
  else checkPositions([{ path: '', position: lonLat }], report);
  const knownTag = oneOfOrNull(tag, REFERENCE_TAGS);
  if (knownTag === null) report.error(`tag ${show(tag)} is not one of ${REFERENCE_TAGS.join(', ')}`);
  if (!isNonEmptyString(source)) report.error('source must be a non-empty string');
  // the last three conditions only repeat what errorCount says, for the type checker
  if (report.errorCount > 0 || !isLonLat(lonLat) || knownTag === null || !isNonEmptyString(source))
    return null;
  return { lonLat, tag: knownTag, source };
}

function checkReferencePointsUsed(
  refs: ReferencePoints,
  records: FeatureRecord[],
  fileReport: Reporter,
): void {
  const byId = recordsById(records);
  const ids = [...byId.keys()];
  [...refs.keys()].forEach((id, index) => {
    const record = byId.get(id);
    const report = fileReport.forFeature(id, index);
    if (record === undefined) report.warn('reference point for an unknown feature', didYouMean(id, ids));
    else if (record.kind !== null && GEOMETRY_OF_KIND[record.kind] !== 'point') {
      report.warn(`reference point for a ${record.kind}: only Point features are checked against it`);
    }
  });
}

// ---------------------------------------------------------------------------------------------------------
// Small helpers

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isLonLat(value: unknown): value is [number, number] {
  return Array.isArray(value) && value.length === 2 && value.every((n) => typeof n === 'number');
}

function isNonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

function isHttpUrl(value: unknown): boolean {
  if (typeof value !== 'string' || !URL.canParse(value)) return false;
  const url = new URL(value);
  return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
}

function oneOfOrNull<T extends string>(value: unknown, allowed: readonly T[]): T | null {
  return allowed.find((a) => a === value) ?? null;
}

function swap([lon, lat]: readonly number[]): [number, number] {
  return [lat ?? Number.NaN, lon ?? Number.NaN];
}

function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'string') return `'${value}'`;
  if (typeof value === 'number') return String(value); // JSON.stringify would turn 1e999 (Infinity) into null
  const json = JSON.stringify(value);
  return json.length > 60 ? `${json.slice(0, 57)}...` : json;
}

function showPosition(position: readonly number[]): string {
  return `[${position.join(', ')}]`;
}

function describeType(value: unknown): string {
  if (Array.isArray(value)) return 'an array';
  if (!isRecord(value)) return show(value);
  return typeof value.type === 'string' ? `type '${value.type}'` : 'an object without type';
}

/** `did you mean 'x'?` for a near miss (edit distance at most 2, or a quarter of the name). */
function didYouMean(name: string, candidates: readonly string[]): string | undefined {
  const limit = Math.max(2, Math.floor(name.length / 4));
  let best: { candidate: string; cost: number } | null = null;
  for (const candidate of candidates) {
    const cost = editDistance(name, candidate);
    if (cost <= limit && (best === null || cost < best.cost)) best = { candidate, cost };
  }
  return best === null ? undefined : `did you mean '${best.candidate}'?`;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
