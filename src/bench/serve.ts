// A static server of a built folder on 127.0.0.1. Plain Node http, no compression: the bench weighs the gzip size
// itself, and over loopback the transfer size hardly matters to the load time. It keeps a log of what it served,
// which is what the size figures weigh (the files are the bodies: nothing is transformed on the way).
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.png': 'image/png',
};

export interface ServedFile {
  /** the URL's path, e.g. /data/corridors.json */
  path: string;
  /** the file on disk that answered it */
  file: string;
}

export interface Served {
  /** ends with a slash */
  url: string;
  /** every file served since the last clear, in order: what a page loaded, without reading bodies back out of it */
  readonly served: ServedFile[];
  /** Date.now() of the last request, answered or not */
  lastRequestAt(): number;
  clear(): void;
  close(): Promise<void>;
}

export function serveDir(root: string): Promise<Served> {
  const base = path.resolve(root);
  const served: ServedFile[] = [];
  let lastRequestAt = Date.now();
  const server = createServer((req, res) => {
    lastRequestAt = Date.now();
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = path.join(base, pathname.endsWith('/') ? `${pathname}index.html` : pathname);
    // Nothing outside the served folder, whatever the URL says.
    if (!file.startsWith(base + path.sep) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    served.push({ path: pathname, file });
    res.writeHead(200, {
      'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream',
      'Content-Length': statSync(file).size,
      'Cache-Control': 'no-store',
    });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}/`,
        served,
        lastRequestAt: () => lastRequestAt,
        clear: () => {
          served.length = 0;
        },
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
