// The one report format of the build-time pipeline: GeoJSON validation and article checks both produce Problems,
// so the CLI, the Vite plugin and the dev server show everything that is wrong in one list, each line naming the
// file (and the line, where there is one) and saying how to fix it.

export interface Problem {
  level: 'error' | 'warning';
  file: string;
  featureId: string | null;
  message: string;
  hint?: string;
  /** 1-based line in the file, where the problem has one (JSON syntax errors, article lines) */
  line?: number;
  /** 1-based, in UTF-16 code units; only for JSON syntax errors */
  column?: number;
}

/** A problem found by a pure check that does not know the file name yet; `inFile` places it. */
export type Issue = Omit<Problem, 'file' | 'featureId'>;

export function inFile(file: string, issue: Issue): Problem {
  return { level: issue.level, file, featureId: null, ...issueDetail(issue) };
}

/** The optional fields, only where they are set (exactOptionalPropertyTypes). */
function issueDetail(issue: Issue): Pick<Problem, 'message' | 'hint' | 'line' | 'column'> {
  return {
    message: issue.message,
    ...(issue.hint === undefined ? {} : { hint: issue.hint }),
    ...(issue.line === undefined ? {} : { line: issue.line }),
    ...(issue.column === undefined ? {} : { column: issue.column }),
  };
}

export function error(message: string, hint?: string, line?: number): Issue {
  return issue('error', message, hint, line);
}

export function warning(message: string, hint?: string, line?: number): Issue {
  return issue('warning', message, hint, line);
}

function issue(level: Issue['level'], message: string, hint?: string, line?: number): Issue {
  return {
    level,
    message,
    ...(hint === undefined ? {} : { hint }),
    ...(line === undefined ? {} : { line }),
  };
}

export function hasErrors(problems: readonly Pick<Problem, 'level'>[]): boolean {
  return problems.some((p) => p.level === 'error');
}

/** One line per problem: `error geo/rail.geojson [rail-btk]: message (hint: …)`, `error a.txt:1: …`. */
export function formatProblems(problems: readonly Problem[]): string {
  return problems.map(formatProblem).join('\n');
}

function formatProblem(p: Problem): string {
  const at = p.line === undefined ? '' : p.column === undefined ? `:${p.line}` : `:${p.line}:${p.column}`;
  const id = p.featureId === null ? '' : ` [${p.featureId}]`;
  const hint = p.hint === undefined ? '' : ` (hint: ${p.hint})`;
  return `${p.level} ${p.file}${at}${id}: ${p.message}${hint}`;
}

/** "2 errors and 1 warning", for the first line of a failed build. */
export function countProblems(problems: readonly Problem[]): string {
  const errors = problems.filter((p) => p.level === 'error').length;
  const warnings = problems.length - errors;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return warnings === 0
    ? plural(errors, 'error')
    : `${plural(errors, 'error')} and ${plural(warnings, 'warning')}`;
}
