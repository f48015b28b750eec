// The load Paperboy's schedule puts on the source: N installs over a simulated week.
// Installs do not interact, so the aggregate is the sum of independent timelines: each
// install is simulated on its own (bench/load/install.ts) and its requests are added to
// one-minute bins. Above `sampleCap` installs, a random sample of `sampleCap` is simulated
// and every request counts N/sampleCap times.

import { Install } from './install';
import { DAY, HOUR, MINUTE, person, seeded, sessions } from './world';

export interface Options {
  installs: number;
  sampleCap: number;
  seed: number;
  /** Monday 00:00 UTC of the measured week. */
  weekStart: number;
  /** The source answers 5xx over [outageStart, outageStart + outageMs). */
  outageStart: number;
  outageMs: number;
  /** Days simulated before the week, so that it starts from a running state. */
  warmupDays: number;
}

export interface Result {
  installs: number;
  simulated: number;
  requests: number;
  failedRequests: number;
  meanPerSecond: number;
  perInstallPer30MinUptime: number;
  peakPerSecond: number;
  peakAt: string;
  peakToMean: number;
  /** The highest minute over the mean of the hour around it: synchronisation, without the daily swing. */
  peakToLocalHour: number;
  peakToLocalHourAt: string;
  outage: { meanPerSecond: number; peakPerSecond: number; peakToMean: number };
  afterOutage: { meanPerSecond: number; peakPerSecond: number; peakToMean: number };
  hourly: number[];
  seconds: number;
}

const BIN_MS = MINUTE;

export function simulate(options: Options): Result {
  const begun = performance.now();
  const { installs, weekStart } = options;
  const simulated = Math.min(installs, options.sampleCap);
  const weight = installs / simulated;
  const weekEnd = weekStart + 7 * DAY;
  const from = weekStart - options.warmupDays * DAY;
  const bins = new Float64Array((weekEnd - weekStart) / BIN_MS);
  let failed = 0;
  let uptimeMs = 0;
  const tally = {
    request(time: number, count: number, wasFailed: boolean) {
      if (time < weekStart || time >= weekEnd) return;
      bins[Math.floor((time - weekStart) / BIN_MS)]! += count * weight;
      if (wasFailed) failed += count * weight;
    },
  };
  const source = { failing: (time: number) => time >= options.outageStart && time < options.outageStart + options.outageMs };
  const random = seeded(options.seed);
  for (let i = 0; i < simulated; i += 1) {
    const own = seeded(Math.floor(random() * 2 ** 32));
    const who = person(own);
    const days = sessions(who, from, weekEnd, own);
    for (const session of days) uptimeMs += Math.max(0, Math.min(session.end, weekEnd) - Math.max(session.start, weekStart)) * weight;
    new Install(own, source, tally).live(days);
  }

  const requests = bins.reduce((sum, n) => sum + n, 0);
  const seconds = (weekEnd - weekStart) / 1000;
  const mean = requests / seconds;
  const perSecond = (bin: number) => bins[bin]! / (BIN_MS / 1000);
  const at = (bin: number) => new Date(weekStart + bin * BIN_MS).toISOString().slice(0, 16).replace('T', ' ');
  let peak = 0;
  for (let bin = 1; bin < bins.length; bin += 1) if (bins[bin]! > bins[peak]!) peak = bin;
  // Centred one-hour mean, by a running sum.
  let localPeak = 0;
  let localRatio = 0;
  const half = HOUR / BIN_MS / 2;
  let windowSum = 0;
  for (let bin = 0; bin < Math.min(bins.length, half); bin += 1) windowSum += bins[bin]!;
  for (let bin = 0; bin < bins.length; bin += 1) {
    if (bin + half < bins.length) windowSum += bins[bin + half]!;
    if (bin - half - 1 >= 0) windowSum -= bins[bin - half - 1]!;
    const width = Math.min(bins.length, bin + half + 1) - Math.max(0, bin - half);
    const ratio = windowSum > 0 ? bins[bin]! / (windowSum / width) : 0;
    if (ratio > localRatio) {
      localRatio = ratio;
      localPeak = bin;
    }
  }
  const windowStats = (start: number, length: number) => {
    const first = Math.max(0, Math.floor((start - weekStart) / BIN_MS));
    const last = Math.min(bins.length, first + length / BIN_MS);
    let sum = 0;
    let max = 0;
    for (let bin = first; bin < last; bin += 1) {
      sum += bins[bin]!;
      max = Math.max(max, bins[bin]!);
    }
    const peakPerSecond = max / (BIN_MS / 1000);
    return { meanPerSecond: sum / ((last - first) * (BIN_MS / 1000)), peakPerSecond, peakToMean: peakPerSecond / mean };
  };
  const hourly: number[] = [];
  for (let hour = 0; hour < bins.length / (HOUR / BIN_MS); hour += 1) {
    let sum = 0;
    for (let bin = hour * 60; bin < (hour + 1) * 60; bin += 1) sum += bins[bin]!;
    hourly.push(Math.round((sum / 3600) * 10) / 10);
  }
  return {
    installs,
    simulated,
    requests: Math.round(requests),
    failedRequests: Math.round(failed),
    meanPerSecond: mean,
    perInstallPer30MinUptime: requests / (uptimeMs / (30 * MINUTE)),
    peakPerSecond: perSecond(peak),
    peakAt: at(peak),
    peakToMean: perSecond(peak) / mean,
    peakToLocalHour: localRatio,
    peakToLocalHourAt: at(localPeak),
    outage: windowStats(options.outageStart, options.outageMs),
    afterOutage: windowStats(options.outageStart + options.outageMs, HOUR),
    hourly,
    seconds: (performance.now() - begun) / 1000,
  };
}
