// A copy of the project's geo/ in a temporary folder, with a one-line index.html, for tests that run a real Vite
// build on data they break on purpose. Folders are removed after each test.
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';

/** Registers the clean-up and returns the builder: `project(breakIt)` gives the root; `breakIt` gets its geo/. */
export function tempProjects(prefix: string): (breakIt: (geo: string) => void) => string {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });
  return (breakIt) => {
    const root = mkdtempSync(path.join(tmpdir(), prefix));
    dirs.push(root);
    cpSync('geo', path.join(root, 'geo'), { recursive: true });
    writeFileSync(
      path.join(root, 'index.html'),
      '<!doctype html><script type="module" src="./main.js"></script>',
    );
    writeFileSync(path.join(root, 'main.js'), 'export {};\n');
    breakIt(path.join(root, 'geo'));
    return root;
  };
}
