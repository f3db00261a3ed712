// Child processes of the benchmark, all run from the project root, each with a time limit: a pipeline that has
// become quadratic must cost the bench a bounded wait and a FAIL, not the afternoon.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The child was stopped at its time limit. */
export class TimeLimitError extends Error {
  override readonly name = 'TimeLimitError';
  constructor(
    readonly what: string,
    readonly limitMs: number,
  ) {
    super(`${what} did not finish within ${limitMs / 1000} s`);
  }
}

function settle(
  child: ChildProcess,
  what: string,
  limitMs: number,
  done: () => void,
  fail: (e: Error) => void,
) {
  const timer = setTimeout(() => {
    child.kill('SIGKILL');
    fail(new TimeLimitError(what, limitMs));
  }, limitMs);
  child.once('error', (e) => {
    clearTimeout(timer);
    fail(e);
  });
  child.once('close', (code, signal) => {
    clearTimeout(timer);
    if (code === 0) done();
    else if (signal !== 'SIGKILL') fail(new Error(`${what} exited with ${code ?? signal}`));
  });
}

/** Runs a command to completion with its output passed through. */
export function run(
  what: string,
  cmd: string,
  args: string[],
  limitMs: number,
  env: NodeJS.ProcessEnv = {},
): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: 'inherit' });
    settle(child, what, limitMs, resolve, reject);
  });
}

/** Runs a command to completion and returns what it printed on stdout. */
export function output(what: string, cmd: string, args: string[], limitMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout?.setEncoding('utf8');
    child.stdout?.on('data', (d: string) => {
      out += d;
    });
    settle(child, what, limitMs, () => resolve(out), reject);
  });
}

export const hasTaskset = (): boolean =>
  spawnSync('taskset', ['-V'], { stdio: 'ignore' }).error === undefined;

/**
 * The last line a bench child script (src/bench/*-child.ts, given geo/ and a corpus) prints, read as JSON. Run
 * with tsx and, when `pinned`, on core 0 alone (taskset -c 0), so that its figures are per core.
 */
export async function childResult<T>(
  what: string,
  script: string,
  articlesDir: string,
  pinned: boolean,
  limitMs: number,
): Promise<T> {
  const child = [
    process.execPath,
    '--import',
    'tsx',
    path.join(ROOT, 'src/bench', script),
    path.join(ROOT, 'geo'),
    path.resolve(articlesDir),
  ];
  const [cmd, ...args] = pinned ? ['taskset', '-c', '0', ...child] : child;
  if (cmd === undefined) throw new Error('no command');
  const lines = (await output(what, cmd, args, limitMs)).trim().split('\n');
  return JSON.parse(lines[lines.length - 1] ?? '') as T;
}
