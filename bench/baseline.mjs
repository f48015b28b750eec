// Serves bench/baseline/ (a static page that fetches the listing on every open, as the only
// existing HF Daily Papers extension does) on 127.0.0.1. Its code is cacheable, as an installed
// extension's code is local; the listing is fetched from the source on every open.
import { readFileSync } from 'node:fs';
import http from 'node:http';
import { join } from 'node:path';
import { FLOOR_HTML } from './browser.mjs';

const DIR = join(import.meta.dirname, 'baseline');
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8' };

export async function startBaselineServer() {
  const files = new Map(
    ['index.html', 'baseline.js'].map((name) => [`/${name}`, { body: readFileSync(join(DIR, name)), type: TYPES[name.slice(name.lastIndexOf('.'))] }]),
  );
  // The floor: a page with one card and no script, opened the same way, is what the harness and
  // the machine cost before any page does any work.
  files.set('/floor.html', { body: Buffer.from(FLOOR_HTML), type: TYPES['.html'] });
  const server = http.createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    const file = files.get(path === '/' ? '/index.html' : path);
    if (!file) return res.writeHead(404).end();
    res.writeHead(200, { 'Content-Type': file.type, 'Cache-Control': 'max-age=3600' }).end(file.body);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
  return {
    floorUrl: `http://127.0.0.1:${port}/floor.html`,
    url: (source) => `http://127.0.0.1:${port}/index.html?source=${encodeURIComponent(source)}`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve(undefined));
        server.closeAllConnections();
      }),
  };
}
