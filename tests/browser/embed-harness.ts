// What the embed tests add to harness.ts: the production build served with the strict CSP the map's pages must
// run under; news-like host pages on another origin (served from tests/fixtures/embed by route, no server);
// probes injected into every frame (WebGL contexts created and lost, CSP violations) and, on the host page,
// layout shifts, live frames and the events the loader dispatches.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { BrowserContext, Frame, Page } from 'playwright-core';
import { type PreviewServer, preview } from 'vite';
import { type Served, waitIdle } from './harness.ts';

export const STRICT_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "font-src 'self' data:",
  'frame-ancestors *',
].join('; ');

/** The same without `blob:` and without fonts from `data:`: what the map actually needs. */
export const TIGHTEST_CSP = STRICT_CSP.replace(' blob:', '')
  .replace(" worker-src 'self' blob:", " worker-src 'self'")
  .replace(" font-src 'self' data:", " font-src 'self'");

/**
 * The host pages' origin: another site than the map's 127.0.0.1, so every embed is a cross-origin frame. The port
 * differs from one test process to the next, so that two test runs on one machine do not collide (a fixed 4999
 * made the second run fail with EADDRINUSE).
 */
export const HOST_PORT = 20_000 + (process.pid % 20_000);
export const HOST = `http://localhost:${HOST_PORT}/`;

export async function serveStrict(csp = STRICT_CSP, port = 4190): Promise<Served> {
  const server: PreviewServer = await preview({
    preview: {
      host: '127.0.0.1',
      port,
      strictPort: false,
      open: false,
      headers: { 'Content-Security-Policy': csp },
    },
    logLevel: 'silent',
  });
  const url = server.resolvedUrls?.local[0];
  if (url === undefined) throw new Error('preview server has no URL');
  return { url, close: () => server.close() };
}

const fixture = (name: string) => readFileSync(`tests/fixtures/embed/${name}`, 'utf8');

/** One loader snippet, as the Embed dialog writes it (with its own copy of the script). */
export function snippet(map: string, query: string, height: number, label = 'Map of the Caspian corridors') {
  const q = query.replaceAll('&', '&amp;');
  return (
    `<div data-corridors="${q}" data-height="${height}" data-title="${label}" style="height:${height}px">` +
    `<a href="${map}index.html">${label}</a></div>\n<script async src="${map}embed-loader.js"></script>`
  );
}

export interface HostServer {
  /** pages given as HTML by a test, by file name; the rest come from tests/fixtures/embed */
  pages: Record<string, string>;
  close(): Promise<void>;
}

/**
 * A real server for the host pages (a page answered by a route has no address space, and Chromium then blocks
 * its requests to the map on 127.0.0.1 as a public page reaching into the local network). {{MAP}} is filled in.
 */
export async function serveHost(map: string): Promise<HostServer> {
  const out: HostServer = { pages: {}, close: async () => {} };
  const server = createServer((req, res) => {
    const name = new URL(req.url ?? '/', HOST).pathname.slice(1);
    let html: string;
    try {
      html = out.pages[name] ?? fixture(name);
    } catch {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(html.replaceAll('{{MAP}}', map));
  });
  await new Promise<void>((resolve) => server.listen(HOST_PORT, '127.0.0.1', resolve));
  out.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return out;
}

/** Runs in every frame before its own scripts. */
function probes(hostOrigin: string) {
  const w = window as unknown as Record<string, unknown>;
  let leaving = false;
  addEventListener('pagehide', () => {
    leaving = true;
  });
  document.addEventListener(
    'securitypolicyviolation',
    (e) => console.error(`PROBE-CSP ${e.violatedDirective} ${e.blockedURI} ${location.href}`),
    true,
  );
  const probe = { gl: 0 };
  w.__probe = probe;
  const getContext = HTMLCanvasElement.prototype.getContext;
  // biome-ignore lint/suspicious/noExplicitAny: wraps a DOM method whose overloads TypeScript cannot restate
  (HTMLCanvasElement.prototype as any).getContext = function (
    this: HTMLCanvasElement,
    type: string,
    ...rest: unknown[]
  ) {
    // biome-ignore lint/suspicious/noExplicitAny: see above
    const ctx = (getContext as any).call(this, type, ...rest);
    const c = this as HTMLCanvasElement & { __probed?: boolean };
    if (ctx && /webgl/.test(type) && !c.__probed) {
      c.__probed = true;
      probe.gl++;
      console.log(`PROBE-GL ${location.href}`);
      c.addEventListener('webglcontextlost', () => {
        // Only a map's canvas in the document counts: a frame being removed loses its context on purpose.
        if (!leaving && c.isConnected) console.error(`PROBE-CONTEXT-LOST ${location.href}`);
      });
    }
    return ctx;
  };
  if (location.origin !== hostOrigin) return;
  const cls = { total: 0, entries: [] as { value: number; sources: string[] }[] };
  w.__cls = cls;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries() as (PerformanceEntry & {
      value: number;
      hadRecentInput: boolean;
      sources?: { node?: Node | null }[];
    })[]) {
      if (e.hadRecentInput) continue;
      cls.total += e.value;
      cls.entries.push({
        value: e.value,
        sources: (e.sources ?? []).map(
          (s) => `${s.node?.nodeName}.${(s.node as Element | null)?.className ?? ''}`,
        ),
      });
    }
  }).observe({ type: 'layout-shift', buffered: true });
  const frames = { max: 0, now: 0 };
  w.__frames = frames;
  new MutationObserver(() => {
    frames.now = document.querySelectorAll('[data-corridors] iframe').length;
    frames.max = Math.max(frames.max, frames.now);
  }).observe(document, { childList: true, subtree: true });
  const events: { type: string; detail: unknown; index: number }[] = [];
  w.__events = events;
  for (const type of ['corridors:select', 'corridors:lang', 'corridors:ready'])
    document.addEventListener(type, (e) =>
      events.push({
        type,
        detail: (e as CustomEvent).detail,
        index: [...document.querySelectorAll('[data-corridors]')].indexOf(e.target as Element),
      }),
    );
}

export interface Probed {
  console: string[];
}

export async function installProbes(context: BrowserContext, page: Page): Promise<Probed> {
  await context.addInitScript(probes, new URL(HOST).origin);
  const out: Probed = { console: [] };
  page.on('console', (m) => out.console.push(`${m.type()}: ${m.text()}`));
  return out;
}

/** CSP problems: the probe's violation events and Chromium's own "Refused to …" console errors. */
export const cspProblems = (p: Probed) =>
  p.console.filter((m) => /PROBE-CSP|Content Security Policy|Refused to/i.test(m));
export const contextLosses = (p: Probed) =>
  p.console.filter((m) => /PROBE-CONTEXT-LOST|Too many active WebGL contexts/i.test(m));

/** The frames of embeds (embed.html), by the order their divs have on the host page. */
export function embedFrames(page: Page): Frame[] {
  return page.frames().filter((f) => f.url().includes('/embed.html'));
}

/** Wait until the embed's app is ready and, with a map, the map has drawn (first idle). */
export function frameIdle(frame: Frame): Promise<void> {
  // Embeds start lazily and share the machine with up to 30 frames: a longer wait than a page's.
  return waitIdle(frame, 30_000);
}
