// The load Paperboy's schedule puts on the source: N installs over a simulated week.
// Installs do not interact, so the aggregate is the sum of independent timelines: each
// install is simulated on its own (bench/load/install.ts) and its requests are added to
// one-minute bins. Above `sampleCap` installs, a random sample of `sampleCap` is simulated
// and every request counts N/sampleCap times.

import { Install, worldListings, type RequestKind } from './install';
import { quietFactor } from '../../lib/sync/schedule';
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
  /** The poll interval setting, minutes. */
  period: number;
}

export interface Result {
  installs: number;
  simulated: number;
  requests: number;
  failedRequests: number;
  /** Requests by what they fetched, per install per 30 minutes of uptime. */
  byKind: Record<RequestKind, number>;
  /** Per install per 30 minutes of uptime, by the schedule's pace at the time (weekday daytime, night UTC, weekend). */
  byPace: Record<string, { requests: number; uptimeShare: number; perInstallPer30MinUptime: number }>;
  meanPerSecond: number;
  perInstallPer30MinUptime: number;
  peakPerSecond: number;
  peakAt: string;
  peakToMean: number;
  peak10MinPerSecond: number;
  peak10MinToMean: number;
  peak10MinAt: string;
  /** The highest minute over the mean of the hour before it: synchronisation, without the daily swing. */
  peakToLocalHour: number;
  peakToLocalHourAt: string;
  outage: { meanPerSecond: number; peakPerSecond: number; peakToMean: number };
  afterOutage: { meanPerSecond: number; peakPerSecond: number; peakToMean: number };
  /** Requests per hour-of-week (per second), and per minute. */
  hourly: number[];
  minutes: number[];
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
  let uptimeMs = 0;
  const kinds: Record<RequestKind, number> = { today: 0, 'previous day': 0, 'latest day': 0, trending: 0, failed: 0 };
  // By the schedule's pace: 1 weekday daytime, more than 1 at night UTC, 4 at weekends.
  const pace = (time: number) => {
    const f = quietFactor(time);
    return f === 1 ? 1 : f === 4 ? 4 : 2;
  };
  const paceRequests: Record<number, number> = { 1: 0, 2: 0, 4: 0 };
  const paceUptime: Record<number, number> = { 1: 0, 2: 0, 4: 0 };
  const tally = {
    request(time: number, count: number, kind: RequestKind) {
      if (time < weekStart || time >= weekEnd) return;
      bins[Math.floor((time - weekStart) / BIN_MS)]! += count * weight;
      kinds[kind] += count * weight;
      paceRequests[pace(time)]! += count * weight;
    },
  };
  const countUptime = (start: number, end: number) => {
    // Hour by hour, by the pace of each hour.
    for (let time = Math.max(start, weekStart); time < Math.min(end, weekEnd); ) {
      const next = Math.min(end, weekEnd, Math.floor(time / HOUR) * HOUR + HOUR);
      paceUptime[pace(time)]! += (next - time) * weight;
      uptimeMs += (next - time) * weight;
      time = next;
    }
  };
  const source = { ...worldListings, failing: (time: number) => time >= options.outageStart && time < options.outageStart + options.outageMs };
  const random = seeded(options.seed);
  for (let i = 0; i < simulated; i += 1) {
    const own = seeded(Math.floor(random() * 2 ** 32));
    const who = person(own);
    const days = sessions(who, from, weekEnd, own);
    for (const session of days) countUptime(session.start, session.end);
    new Install(own, source, tally, options.period).live(days);
  }

  const requests = bins.reduce((sum, n) => sum + n, 0);
  const seconds = (weekEnd - weekStart) / 1000;
  const mean = requests / seconds;
  const perSecond = (bin: number) => bins[bin]! / (BIN_MS / 1000);
  const at = (bin: number) => new Date(weekStart + bin * BIN_MS).toISOString().slice(0, 16).replace('T', ' ');
  let peak = 0;
  for (let bin = 1; bin < bins.length; bin += 1) if (bins[bin]! > bins[peak]!) peak = bin;
  // Each minute against the hour before it (a running sum): a spike jumps above what came
  // just before; the daily swing does not. Only where the source is busy (the hour before at
  // half the week's mean or more): in quiet hours, sampling noise alone doubles a minute.
  let localPeak = 0;
  let localRatio = 0;
  const window = HOUR / BIN_MS;
  let windowSum = 0;
  for (let bin = 0; bin < bins.length; bin += 1) {
    if (bin >= window) {
      const before = windowSum / window;
      const ratio = before >= 0.5 * mean * (BIN_MS / 1000) ? bins[bin]! / before : 0;
      if (ratio > localRatio) {
        localRatio = ratio;
        localPeak = bin;
      }
      windowSum -= bins[bin - window]!;
    }
    windowSum += bins[bin]!;
  }
  // Ten-minute means: the same peaks with less sampling noise.
  let peak10 = 0;
  let peak10At = 0;
  for (let bin = 0, sum = 0; bin < bins.length; bin += 1) {
    sum += bins[bin]! - (bin >= 10 ? bins[bin - 10]! : 0);
    if (bin >= 9 && sum > peak10) {
      peak10 = sum;
      peak10At = bin - 9;
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
  const halfHours = uptimeMs / (30 * MINUTE);
  const byKind = Object.fromEntries(Object.entries(kinds).map(([kind, n]) => [kind, n / halfHours])) as Record<RequestKind, number>;
  const paceName: Record<number, string> = { 1: 'weekday daytime UTC', 2: 'weekday night UTC', 4: 'weekend UTC' };
  const byPace = Object.fromEntries(
    [1, 2, 4].map((pace) => [
      paceName[pace]!,
      {
        requests: Math.round(paceRequests[pace]!),
        uptimeShare: paceUptime[pace]! / uptimeMs,
        perInstallPer30MinUptime: paceRequests[pace]! / (paceUptime[pace]! / (30 * MINUTE)),
      },
    ]),
  );
  return {
    installs,
    simulated,
    requests: Math.round(requests),
    failedRequests: Math.round(kinds.failed),
    byKind,
    byPace,
    meanPerSecond: mean,
    perInstallPer30MinUptime: requests / halfHours,
    peakPerSecond: perSecond(peak),
    peakAt: at(peak),
    peakToMean: perSecond(peak) / mean,
    peak10MinPerSecond: peak10 / 600,
    peak10MinToMean: peak10 / 600 / mean,
    peak10MinAt: at(peak10At),
    peakToLocalHour: localRatio,
    peakToLocalHourAt: at(localPeak),
    outage: windowStats(options.outageStart, options.outageMs),
    afterOutage: windowStats(options.outageStart + options.outageMs, HOUR),
    hourly,
    minutes: Array.from(bins, (n) => Math.round(n)),
    seconds: (performance.now() - begun) / 1000,
  };
}
