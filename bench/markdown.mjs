// Prints the "Machine" and "Latest numbers" sections of BENCHMARKS.md from a results file.
//
//   node bench/markdown.mjs [.output/bench/results.json]
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pairedRatio } from './stats.mjs';

const file = process.argv[2] ?? join(import.meta.dirname, '../.output/bench/results.json');
const { date, durationS, machine, targets, options, builtSizes, results } = JSON.parse(readFileSync(file, 'utf8'));

const kb = (bytes) => (bytes / 1024).toFixed(1);
const mb = (bytes) => (bytes / 1024 / 1024).toFixed(1);
const sizeLabel = (size) => `${size / 1000}k`;
const pp = (stats) => `${Math.round(stats.p50)} / ${Math.round(stats.p95)}`;
const verdict = (value, target) => (value <= target ? 'met' : `**missed** (×${(value / target).toFixed(1)})`);
const row = (cells) => `| ${cells.join(' | ')} |`;

const out = [];
out.push('## Machine', '');
out.push(`${date}: ${machine.nproc} × ${machine.cpu}, ${machine.memoryGB} GB, ${machine.platform}; ${machine.chromium}; Node ${machine.node}.`);
out.push(
  `A shared VM: other work ran on it at times (the table gives how busy it was just before each size). ` +
    `The run (${options.opens} opens per figure, ${options.queries} queries) took ${Math.round(durationS / 60)} min.`,
  '',
);

out.push('## Latest numbers', '');
out.push(`${date}. Times in ms, p50 / p95. Targets are for 20k.`, '');
const header = ['figure', ...results.map((r) => sizeLabel(r.size)), 'target', 'at 20k'];
out.push(row(header), row(header.map(() => '---')));
const last = results.at(-1);
// A figure a run did not measure (--opens-only, --ingest-only) is an empty cell.
const cell = (get, result) => {
  try {
    return get(result);
  } catch {
    return '';
  }
};
const line = (label, get, target = '', check = () => '') => out.push(row([label, ...results.map((r) => cell(get, r)), target, last ? cell(check, last) : '']));
line(
  'popup open → list painted',
  (r) => pp(r.popup.painted),
  '≤ 50 (p50)',
  (r) => verdict(r.popup.painted.p50, targets.popupOpenP50),
);
line('baseline (fetch on open, http page)', (r) => pp(r.baseline.painted));
line('popup ÷ baseline (p50)', (r) => `${r.popupVsBaseline}×`);
line('baseline as an extension page', (r) => pp(r.baselineExtension.painted));
line('popup ÷ that (p50)', (r) => `${(r.popup.painted.p50 / r.baselineExtension.painted.p50).toFixed(2)}×`);
const paired = (rounds, numerator, denominator) => {
  if (!rounds) return '';
  const { p50, min, max } = pairedRatio(rounds.rounds, numerator, denominator);
  return `${p50}× (${min}–${max})`;
};
line('popup ÷ baseline, paired rounds (p50 of ratios)', (r) => paired(r.popupRounds, 'popup', 'baseline'));
line('popup ÷ its bound, paired rounds', (r) => paired(r.popupRounds, 'popup', 'bound'));
line('month ÷ its bound, paired rounds', (r) => paired(r.monthRounds, 'month', 'bound'));
for (const [label, key] of [
  ['month with "Has code" kept (its head) ÷ month without, paired rounds', 'filterRounds'],
  ['month with "Hide read" kept (its facets) ÷ month without, paired rounds', 'facetRounds'],
]) {
  line(
    label,
    (r) => paired(r[key], 'filtered', 'plain'),
    '≤ 1.05×',
    (r) => (r[key] ? (pairedRatio(r[key].rounds, 'filtered', 'plain').p50 <= 1.05 ? 'met' : '**missed**') : ''),
  );
}
line('floor: no-script page, http', (r) => pp(r.floor.painted));
line('floor: no-script page, extension', (r) => pp(r.floorExtension.painted));
line('side panel open (Today) → painted', (r) => pp(r.panelToday.painted));
line(
  'side panel open (Month) → painted',
  (r) => pp(r.panelMonth.painted),
  '≤ 100 (p50)',
  (r) => verdict(r.panelMonth.painted.p50, targets.monthOpenP50),
);
line(
  'search keystroke → DOM, everywhere',
  (r) => pp(r.searchAll.dom),
  '≤ 16 (p50)',
  (r) => verdict(r.searchAll.dom.p50, targets.searchKeystrokeP50),
);
line(
  'search keystroke → DOM, this view',
  (r) => pp(r.searchView.dom),
  '≤ 16 (p50)',
  (r) => verdict(r.searchView.dom.p50, targets.searchKeystrokeP50),
);
line('first keystroke → first results (quick search)', (r) => Math.round(r.searchAll.firstKeystroke.dom));
line('first keystroke → full results (index built)', (r) => Math.round(r.searchAll.firstKeystrokeComplete?.dom ?? NaN));
line(
  'ingest one 100-entry page',
  (r) => pp(r.ingestPage.ingest),
  '≤ 50 (p50)',
  (r) => verdict(r.ingestPage.ingest.p50, targets.ingestPageMs),
);
line(
  '… of which read body / validate / write',
  (r) => `${Math.round(r.ingestPage.other.p50)} / ${Math.round(r.ingestPage.validate.p50)} / ${Math.round(r.ingestPage.write.p50)}`,
);
line('bound: the same papers put alone', (r) => (r.ingestPage.bound ? pp(r.ingestPage.bound) : ''));
line('ingest ÷ its bound, paired (p50)', (r) => (r.ingestPage.boundRatio ? `${r.ingestPage.boundRatio.p50.toFixed(2)}×` : ''));
line('floor of this design: the records the write made, put alone', (r) => (r.ingestPage.recordsBound ? pp(r.ingestPage.recordsBound) : ''));
line('ingest ÷ its records put alone, paired (p50)', (r) => (r.ingestPage.recordsRatio ? `${r.ingestPage.recordsRatio.p50.toFixed(2)}×` : ''));
line(
  'side panel heap, month loaded (MB)',
  (r) => mb(r.heapAfterMonth.usedSize),
  '≤ 30',
  (r) => verdict(r.heapAfterMonth.usedSize / 1024 / 1024, targets.heapMB),
);
line('side panel heap, index built (MB)', (r) => mb(r.heapAfterIndex.usedSize));
line(
  'requests on popup / side panel opens',
  (r) => r.popup.requests + r.panelToday.requests + r.panelMonth.requests,
  '0',
  (r) => (r.popup.requests + r.panelToday.requests + r.panelMonth.requests === 0 ? 'met' : '**missed**'),
);
line('cold worker start: alarm → first request', (r) => pp(r.workerStart.paperboy.request));
line('floor: empty worker, alarm → its request', (r) => pp(r.workerStart.empty.request));
line("cold worker start ÷ the empty worker's, paired rounds", (r) => paired({ rounds: r.workerStart.pairs }, 'paperboy', 'empty'), 'report');
line('load the store via fetchView (s)', (r) => `${(r.load.wallMs / 1000).toFixed(1)} (${r.load.requests} req.)`);
line('machine busy just before', (r) => `${Math.round((r.machine?.idleBefore?.busy ?? 0) * 100)} %`);
out.push('');

out.push(
  builtSizes.popup.js.polyfill
    ? 'Built JS, gzip level 9, what each page loads; of it, what the webextension-polyfill costs (the gzip with and without its code). The popup and side panel targets are without the polyfill:'
    : 'Built JS, gzip level 9, what each page loads (the polyfill not measured apart in this run: counted in):',
  '',
);
out.push(row(['page', 'KB gzip', 'of which polyfill', 'KB raw', 'target', '']), row(Array(6).fill('---')));
for (const page of ['popup', 'sidepanel', 'background']) {
  const js = builtSizes[page].js;
  // Older results have no polyfill figure: their verdict counts it in, as it did then.
  const polyfill = js.polyfill?.gzip;
  // The background is held to its recorded size with the polyfill (plus a little slack), not to a target (older results: a target).
  const recorded = page === 'background' ? targets.backgroundGzipKB : undefined;
  const target = recorded
    ? `≤ ${recorded.reference} (recorded) + ${recorded.slack}`
    : `≤ ${targets.gzipKB[page]}${polyfill === undefined ? '' : ' + polyfill'}`;
  const check = recorded
    ? Number(kb(js.gzip)) <= recorded.reference + recorded.slack
      ? 'met'
      : `**missed** (+${(js.gzip / 1024 - recorded.reference).toFixed(1)})`
    : js.gzip - (polyfill ?? 0) <= targets.gzipKB[page] * 1024
      ? 'met'
      : `**missed** (+${Math.max(0.1, Math.round(((js.gzip - (polyfill ?? 0)) / 1024 - targets.gzipKB[page]) * 10) / 10)})`;
  out.push(row([page, kb(js.gzip), polyfill === undefined ? '' : kb(polyfill), kb(js.bytes), target, check]));
}
out.push('');

out.push(
  'Where an open goes at the largest size (p50 of each phase, ms; every size is in results.json): scripts = navigation start → DOMContentLoaded; then to the first IndexedDB request; the reads (how many); to the first card in the DOM; to painted.',
  '',
);
out.push(row(['open', 'scripts', '→ 1st read', 'reads (n)', '→ 1st card', '→ painted', 'total']), row(Array(7).fill('---')));
// A run of part of the figures (--ingest-only, --worker-start-only) has no opens.
for (const r of results.slice(-1).filter((result) => result.floorExtension)) {
  out.push(
    row([
      `floor, extension page @${sizeLabel(r.size)}`,
      Math.round(r.floorExtension.domContentLoaded.p50),
      '',
      '',
      '',
      '',
      Math.round(r.floorExtension.painted.p50),
    ]),
  );
  for (const [label, key] of [
    ['popup', 'popup'],
    ['side panel, Today', 'panelToday'],
    ['side panel, Month', 'panelMonth'],
  ]) {
    const p = r[key].phases;
    if (!p) continue;
    out.push(
      row([
        `${label} @${sizeLabel(r.size)}`,
        Math.round(p.scripts),
        Math.round(p.toFirstRead),
        `${Math.round(p.reads)} (${p.readCount})`,
        Math.round(p.toFirstCard),
        Math.round(p.toPainted),
        Math.round(r[key].painted.p50),
      ]),
    );
  }
}
if (last?.readStrategies) {
  const s = last.readStrategies;
  out.push(
    '',
    `Reading a listing at ${sizeLabel(last.size)} (p50, ms): the month (${s.month.perId.papers} papers) one get per id ${s.month.perId.ms}, one getAll on the listedOn index ${s.month.indexRange.ms}; ` +
      `the latest day (${s.day.perId.papers}) per id ${s.day.perId.ms}, by index ${s.day.indexOnly.ms}.`,
  );
}
console.log(out.join('\n'));
