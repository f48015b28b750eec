// Runs the load simulation (TypeScript, importing lib/ as it is) through Vite's module runner:
// Node 20 cannot strip types itself and the project has no tsx.
import { fileURLToPath } from 'node:url';
import { runnerImport } from 'vite';

const entry = fileURLToPath(new URL('./load/main.ts', import.meta.url));
const { module } = await runnerImport(entry, { configFile: false, logLevel: 'error' });
process.exitCode = module.main(process.argv.slice(2)) ? 0 : 1;
