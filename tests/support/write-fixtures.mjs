// Regenerates the project's recorded listings: `node tests/support/write-fixtures.mjs`.
// The output is deterministic, so rerunning it leaves the committed fixtures unchanged.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { makeDay } from './generate-papers.mjs';

/** The recorded days: a full weekday and the shorter day before it. */
export const FIXTURE_DAYS = /** @type {const} */ ({ '2026-11-19': 18, '2026-11-20': 24 });
export const FIXTURE_SEED = 2026;

/** @param {string} day */
export function fixturePath(day) {
  return fileURLToPath(new URL(`../fixtures/listing-${day}.json`, import.meta.url));
}

function writeFixtures() {
  for (const [day, count] of Object.entries(FIXTURE_DAYS)) {
    // Compact JSON with a final newline, like the API's own body.
    writeFileSync(fixturePath(day), `${JSON.stringify(makeDay(day, count, { seed: FIXTURE_SEED }))}\n`);
    console.log(`wrote ${fixturePath(day)} (${count} entries)`);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) writeFixtures();
