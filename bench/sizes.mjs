// Built JS sizes per page: the module scripts a page's HTML loads (and its modulepreloads),
// followed through their static imports, each gzipped (level 9) and summed. Dynamic imports are
// not followed: they are not loaded when the page opens. CSS is reported apart.
// The webextension-polyfill's part of each is measured too (the size targets are "plus the polyfill").
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

/** The polyfill factory's first statement and a string further in, in its source and once minified. */
const POLYFILL_START = 'This script should only be loaded in a browser extension.';
const POLYFILL_INSIDE = 'api-metadata.json has not been included in browser-polyfill';

/** Index of the quote closing the string that opens at `start`. @param {string} code @param {number} start */
function stringEnd(code, start) {
  let i = start + 1;
  while (i < code.length && code[i] !== code[start]) i += code[i] === '\\' ? 2 : 1;
  return i;
}

/** Index of the backtick closing the template that opens at `start`. @param {string} code @param {number} start */
function templateEnd(code, start) {
  let i = start + 1;
  while (i < code.length && code[i] !== '`') {
    if (code[i] === '\\') i += 2;
    else if (code[i] === '$' && code[i + 1] === '{') i = blockEnd(code, i + 1);
    else i += 1;
  }
  return i;
}

/**
 * Index just past the `}` closing the `{` at `open`, braces counted outside strings, templates and
 * comments. Enough for the polyfill's code, which has no regular expression literal.
 * @param {string} code @param {number} open
 */
function blockEnd(code, open) {
  let depth = 0;
  for (let i = open; i < code.length; i += 1) {
    const char = code[i];
    if (char === '"' || char === "'") i = stringEnd(code, i);
    else if (char === '`') i = templateEnd(code, i);
    // Comments (in an unminified build); an unclosed one (indexOf -1, >>> 0: huge) ends the scan.
    else if (char === '/' && code[i + 1] === '/') i = code.indexOf('\n', i) >>> 0;
    else if (char === '/' && code[i + 1] === '*') i = (code.indexOf('*/', i + 2) >>> 0) + 1;
    else if (char === '{') depth += 1;
    else if (char === '}' && (depth -= 1) === 0) return i + 1;
  }
  return code.length;
}

/**
 * Where webextension-polyfill's factory function (all of its code but its few-byte UMD call) is in
 * a built script: [start, end), or undefined if the script has none.
 * @param {string} code @param {string} file for the error
 */
function polyfillSpan(code, file) {
  const mark = code.indexOf(POLYFILL_START);
  if (mark < 0) return undefined;
  // The factory: `function(module){` then (in the source, after its licence comment) the check.
  const start = code.lastIndexOf('function', mark);
  const head = /^function\s*\(\s*[\w$]+\s*\)\s*\{/.exec(code.slice(start, mark));
  const end = head ? blockEnd(code, start + head[0].length - 1) : -1;
  // A build that no longer looks like this must not give a wrong share quietly.
  if (!head || mark - start > 1000 || !code.slice(mark, end).includes(POLYFILL_INSIDE)) {
    throw new Error(`sizes: webextension-polyfill is in ${file} but its code could not be delimited`);
  }
  return [start, end];
}

/**
 * What the polyfill costs a script: its gzip − the gzip of the script with the polyfill's code cut
 * out, not the polyfill gzipped alone (gzip is not additive: shared strings compress across both).
 * @param {Buffer} raw @param {number} gzip of raw @param {string} file
 */
function polyfillPart(raw, gzip, file) {
  const code = raw.toString('utf8');
  const span = polyfillSpan(code, file);
  if (!span) return { bytes: 0, gzip: 0 };
  const without = Buffer.from(code.slice(0, span[0]) + code.slice(span[1]));
  return { bytes: raw.length - without.length, gzip: gzip - gzipSync(without, { level: 9 }).length };
}

/** @param {string[]} files @param {boolean} [js] scripts: the polyfill's part of them is measured too */
function measure(root, files, js = false) {
  const rows = files.map((file) => {
    const raw = readFileSync(file);
    const name = relative(root, file).split('\\').join(posix.sep);
    const gzip = gzipSync(raw, { level: 9 }).length;
    return { file: name, bytes: raw.length, gzip, ...(js ? { polyfill: polyfillPart(raw, gzip, name) } : {}) };
  });
  const sum = (get) => rows.reduce((total, row) => total + get(row), 0);
  const totals = { files: rows, bytes: sum((row) => row.bytes), gzip: sum((row) => row.gzip) };
  if (!js) return totals;
  // The polyfill's part of `bytes` and `gzip`.
  return { ...totals, polyfill: { bytes: sum((row) => row.polyfill.bytes), gzip: sum((row) => row.polyfill.gzip) } };
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
      true,
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
    background: { js: measure(root, worker ? jsClosure(root, [join(root, worker)]) : [], true) },
  };
}

if (process.argv[1] === new URL(import.meta.url).pathname) {
  const root = process.argv[2] ?? join(import.meta.dirname, '../.output/chrome-mv3');
  console.log(JSON.stringify(builtSizes(root), null, 2));
}
