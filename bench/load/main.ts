// npm run simulate-load [-- --installs 10000,100000,1000000 --sample 100000 --seed 1
//                          --period 30 --outage-minutes 60 --out .output/bench]
// Prints a table and writes <out>/load.json. Exits 1 when a target is missed.

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { simulate, type Result } from './simulate';
import { MINUTE } from './world';

const TARGET_PER_30_MIN = 1;
const TARGET_PEAK_TO_MEAN = 3;
/** lib/settings/items.ts's DEFAULT_POLL_MINUTES (that module needs the extension's storage API to load). */
const DEFAULT_POLL_MINUTES = 30;

function args(argv: readonly string[]) {
  const value = (name: string) => {
    const at = argv.indexOf(`--${name}`);
    return at >= 0 ? argv[at + 1] : undefined;
  };
  return {
    installs: (value('installs') ?? '10000,100000,1000000').split(',').map(Number),
    sampleCap: Number(value('sample') ?? 100_000),
    seed: Number(value('seed') ?? 1),
    period: Number(value('period') ?? DEFAULT_POLL_MINUTES),
    outageMinutes: Number(value('outage-minutes') ?? 60),
    out: value('out') ?? '.output/bench',
  };
}

const fmt = (n: number, digits = 1) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

function table(results: readonly Result[]): string {
  const rows = [
    ['installs (simulated)', ...results.map((r) => `${r.installs.toLocaleString('en-US')} (${r.simulated.toLocaleString('en-US')})`)],
    ['requests in the week', ...results.map((r) => r.requests.toLocaleString('en-US'))],
    [`requests / install / 30 min up (≤ ${TARGET_PER_30_MIN})`, ...results.map((r) => fmt(r.perInstallPer30MinUptime, 2))],
    ['mean requests/s', ...results.map((r) => fmt(r.meanPerSecond))],
    [`peak minute, requests/s (≤ ${TARGET_PEAK_TO_MEAN}× mean)`, ...results.map((r) => `${fmt(r.peakPerSecond)} (${fmt(r.peakToMean, 2)}×) ${r.peakAt}`)],
    ['peak 10 minutes, requests/s', ...results.map((r) => `${fmt(r.peak10MinPerSecond)} (${fmt(r.peak10MinToMean, 2)}×) ${r.peak10MinAt}`)],
    ['peak minute ÷ the hour before it (busy hours)', ...results.map((r) => `${fmt(r.peakToLocalHour, 2)}× ${r.peakToLocalHourAt}`)],
    [
      'outage hour: mean, peak requests/s',
      ...results.map((r) => `${fmt(r.outage.meanPerSecond)}, ${fmt(r.outage.peakPerSecond)} (${fmt(r.outage.peakToMean, 2)}×)`),
    ],
    [
      'hour after: mean, peak requests/s',
      ...results.map((r) => `${fmt(r.afterOutage.meanPerSecond)}, ${fmt(r.afterOutage.peakPerSecond)} (${fmt(r.afterOutage.peakToMean, 2)}×)`),
    ],
    ['failed requests (5xx)', ...results.map((r) => r.failedRequests.toLocaleString('en-US'))],
    ['simulation time, s', ...results.map((r) => fmt(r.seconds))],
  ];
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  const line = (row: string[]) => `| ${row.map((cell, column) => cell.padEnd(widths[column]!)).join(' | ')} |`;
  return [line(rows[0]!), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.slice(1).map(line)].join('\n');
}

export function main(argv: readonly string[]): boolean {
  const options = args(argv);
  const weekStart = Date.parse('2026-11-30T00:00:00Z'); // a Monday
  const outageStart = Date.parse('2026-12-01T13:00:00Z'); // Tuesday: Europe's afternoon, New York's morning
  const results = options.installs.map((installs, index) =>
    simulate({
      installs,
      sampleCap: options.sampleCap,
      seed: options.seed + index,
      weekStart,
      outageStart,
      outageMs: options.outageMinutes * MINUTE,
      warmupDays: 2,
      period: options.period,
    }),
  );
  console.log(table(results));
  const met = results.every((r) => r.perInstallPer30MinUptime <= TARGET_PER_30_MIN && r.peakToMean <= TARGET_PEAK_TO_MEAN);
  console.log(met ? 'Targets met.' : 'Targets MISSED.');
  mkdirSync(options.out, { recursive: true });
  const file = join(options.out, 'load.json');
  const output = {
    date: new Date().toISOString(),
    week: { start: new Date(weekStart).toISOString(), outage: { start: new Date(outageStart).toISOString(), minutes: options.outageMinutes, kind: '5xx' } },
    pollMinutes: options.period,
    targets: { perInstallPer30MinUptime: TARGET_PER_30_MIN, peakToMean: TARGET_PEAK_TO_MEAN },
    sampleCap: options.sampleCap,
    seed: options.seed,
    met,
    results,
  };
  writeFileSync(file, JSON.stringify(output, null, 2));
  console.log(`JSON: ${file}`);
  return met;
}
