// Built JS sizes per page: the module scripts a page's HTML loads (and its modulepreloads),
// followed through their static imports, each gzipped (level 9) and summed. Dynamic imports are
// not followed: they are not loaded when the page opens. CSS is reported apart.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, posix, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

const STATIC_IMPORT = /\b(?:import|export)\s*(?:[\w$*{}\s,]*?\bfrom\s*)?["']([^"']+\.m?js)["']/g;

/** @param {string} root @param {string} from file path @param {string} spec */
function resolveSpec(root, from, spec) {
  if (spec.startsWith('/')) return join(root, spec);
  return join(dirname(from), spec);
}

/** Every JS file reachable from `entries` through static imports. @param {string} root @param {string[]} entries */
function jsClosure(root, entries) {
  const seen = new Set();
  const queue = [...entries];
  while (queue.length > 0) {
    const file = queue.shift();
    if (seen.has(file) || !existsSync(file)) continue;
    seen.add(file);
    const code = readFileSync(file, 'utf8');
    for (const match of code.matchAll(STATIC_IMPORT)) queue.push(resolveSpec(root, file, match[1]));
  }
  return [...seen];
}

/** @param {string} html */
function htmlAssets(html) {
  const attr = (tag, name) => new RegExp(`\\b${name}\\s*=\\s*["']([^"']+)["']`).exec(tag)?.[1];
  const scripts = [];
  const styles = [];
  for (const [tag] of html.matchAll(/<script\b[^>]*>/g)) {
    if (/type\s*=\s*["']module["']/.test(tag) && attr(tag, 'src')) scripts.push(attr(tag, 'src'));
  }
  for (const [tag] of html.matchAll(/<link\b[^>]*>/g)) {
    const rel = attr(tag, 'rel');
    const href = attr(tag, 'href');
    if (!href) continue;
    if (rel === 'modulepreload') scripts.push(href);
    if (rel === 'stylesheet') styles.push(href);
  }
  return { scripts, styles };
}

/** @param {string[]} files */
function measure(root, files) {
  const rows = files.map((file) => {
    const raw = readFileSync(file);
    return { file: relative(root, file).split('\\').join(posix.sep), bytes: raw.length, gzip: gzipSync(raw, { level: 9 }).length };
  });
  return {
    files: rows,
    bytes: rows.reduce((sum, row) => sum + row.bytes, 0),
    gzip: rows.reduce((sum, row) => sum + row.gzip, 0),
  };
}

/** @param {string} root the built extension (.output/chrome-mv3) */
export function builtSizes(root) {
  const page = (html) => {
    const path = join(root, html);
    const { scripts, styles } = htmlAssets(readFileSync(path, 'utf8'));
    const js = measure(
      root,
      jsClosure(
        root,
        scripts.map((src) => resolveSpec(root, path, src)),
      ),
    );
    const css = measure(
      root,
      styles.map((href) => resolveSpec(root, path, href)),
    );
    return { js, css };
  };
  const manifest = JSON.parse(readFileSync(join(root, 'manifest.json'), 'utf8'));
  const worker = manifest.background?.service_worker;
  return {
    popup: page(manifest.action?.default_popup ?? 'popup.html'),
    sidepanel: page(manifest.side_panel?.default_path ?? 'sidepanel.html'),
    background: { js: measure(root, worker ? jsClosure(root, [join(root, worker)]) : []) },
  };
}

if (process.argv[1] === new URL(import.meta.url).pathname) {
  const root = process.argv[2] ?? join(import.meta.dirname, '../.output/chrome-mv3');
  console.log(JSON.stringify(builtSizes(root), null, 2));
}
