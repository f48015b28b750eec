// A build for diagnosis only (not the one measured): the same config with source maps, and
// optionally unminified, in .output/bench/build-{min,plain}/chrome-mv3. Source maps attribute each
// chunk's bytes to source modules (`node bench/bundle-report.mjs`); the unminified build gives CPU
// profiles readable function names (`node bench/run.mjs --extension .output/bench/build-plain/chrome-mv3`).
//
//   node bench/diagnostic-build.mjs [--plain]
import { resolve } from 'node:path';
import { build } from 'wxt';

const plain = process.argv.includes('--plain');
const outDir = resolve(import.meta.dirname, `../.output/bench/build-${plain ? 'plain' : 'min'}`);
await build({
  outDir,
  vite: () => ({ build: { sourcemap: true, ...(plain ? { minify: false } : {}) } }),
});
console.log(`${outDir}/chrome-mv3`);
