// What each page's JS is made of: the diagnostic build's source maps (node bench/diagnostic-build.mjs)
// attribute every byte of the chunks a page loads to a source module, grouped by package.
//
//   node bench/bundle-report.mjs [.output/bench/build-min/chrome-mv3]
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
// A dependency of vite/rollup, present wherever the project builds; used only by this diagnostic.
import { TraceMap, eachMapping } from '@jridgewell/trace-mapping';
import { builtSizes } from './sizes.mjs';

const root = resolve(process.argv[2] ?? join(import.meta.dirname, '../.output/bench/build-min/chrome-mv3'));

function group(source) {
  const path = source.replace(/^(\.\.\/)+/, '');
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path)?.[1];
  return pkg ?? path;
}

/** Bytes of `file` per source module (the span from each mapping to the next on its line). */
function attribute(file) {
  const code = readFileSync(file, 'utf8');
  const map = new TraceMap(readFileSync(`${file}.map`, 'utf8'));
  const lines = code.split('\n');
  const segments = [];
  eachMapping(map, (m) => segments.push(m));
  const bytes = new Map();
  for (let i = 0; i < segments.length; i++) {
    const m = segments[i];
    const next = segments[i + 1];
    const end = next && next.generatedLine === m.generatedLine ? next.generatedColumn : lines[m.generatedLine - 1].length;
    const key = m.source ? group(m.source) : '(unmapped)';
    bytes.set(key, (bytes.get(key) ?? 0) + Buffer.byteLength(lines[m.generatedLine - 1].slice(m.generatedColumn, end)));
  }
  return bytes;
}

const sizes = builtSizes(root);
for (const page of ['popup', 'sidepanel', 'background']) {
  const total = new Map();
  let raw = 0;
  let gzip = 0;
  for (const { file } of sizes[page].js.files) {
    const path = join(root, file);
    raw += readFileSync(path).length;
    gzip += gzipSync(readFileSync(path), { level: 9 }).length;
    for (const [key, value] of attribute(path)) total.set(key, (total.get(key) ?? 0) + value);
  }
  console.log(`\n${page}: ${(raw / 1024).toFixed(1)} KB raw, ${(gzip / 1024).toFixed(1)} KB gzip (shares of gzip estimated from raw)`);
  for (const [key, value] of [...total].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.TOP ?? 25))) {
    console.log(`  ${(value / 1024).toFixed(1).padStart(6)} KB  ~${(((value / raw) * gzip) / 1024).toFixed(1).padStart(5)} KB gz  ${key}`);
  }
}
