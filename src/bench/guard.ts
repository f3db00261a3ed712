// A memory guard for a shared machine: the app with a 10,000-article corpus has grown a Chromium renderer past
// 15 GB. Every second the guard looks at the bench's own child processes (found through /proc, Linux only) and
// kills any Chromium renderer above the limit; its page then crashes, which the bench reports as a stall.
import { readdirSync, readFileSync } from 'node:fs';

export const RENDERER_LIMIT_BYTES = 6 * 1024 ** 3;
const PAGE = 4096;

interface Proc {
  pid: number;
  ppid: number;
  rssBytes: number;
}

function readProc(pid: number): Proc | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name is in parentheses and may hold spaces: the fields after its closing one are fixed.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { pid, ppid: Number(fields[1]), rssBytes: Number(fields[21]) * PAGE };
  } catch {
    return null;
  }
}

/** The processes under `root` (not `root` itself). */
function descendants(root: number): Proc[] {
  const all = readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .map((d) => readProc(Number(d)))
    .filter((p): p is Proc => p !== null);
  const mine = new Set([root]);
  const out: Proc[] = [];
  // Parents usually have lower pids, but not always (pid wrap-around): repeat until nothing is added.
  for (let added = true; added; ) {
    added = false;
    for (const p of all)
      if (!mine.has(p.pid) && mine.has(p.ppid)) {
        mine.add(p.pid);
        out.push(p);
        added = true;
      }
  }
  return out;
}

const isRenderer = (pid: number): boolean => {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('--type=renderer');
  } catch {
    return false;
  }
};

export interface Guard {
  /** one line per renderer killed */
  readonly kills: string[];
  stop(): void;
}

export function guardMemory(limitBytes = RENDERER_LIMIT_BYTES): Guard {
  const kills: string[] = [];
  if (process.platform !== 'linux') return { kills, stop: () => {} };
  const timer = setInterval(() => {
    for (const p of descendants(process.pid)) {
      if (p.rssBytes <= limitBytes || !isRenderer(p.pid)) continue;
      try {
        process.kill(p.pid, 'SIGKILL');
        kills.push(
          `killed a Chromium renderer at ${(p.rssBytes / 1024 ** 3).toFixed(1)} GB (limit ${limitBytes / 1024 ** 3} GB)`,
        );
      } catch {
        // already gone
      }
    }
  }, 1000);
  timer.unref();
  return { kills, stop: () => clearInterval(timer) };
}
