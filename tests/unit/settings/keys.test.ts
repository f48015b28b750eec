import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { storedKeys } from '@/lib/settings/keys';

const STORED_KEYS = storedKeys();
import { RULED_SETTINGS } from '@/lib/settings/items';

const ROOT = join(__dirname, '../../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = join(dir, name);
    return statSync(join(ROOT, path)).isDirectory() ? sourceFiles(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('the stored keys', () => {
  it('are each listed once per area', () => {
    const names = STORED_KEYS.map(({ area, name }) => `${area}:${name}`);
    expect(new Set(names).size).toBe(names.length);
  });

  it('are each described in docs/storage.md', () => {
    const doc = readFileSync(join(ROOT, 'docs/storage.md'), 'utf8');
    for (const { name } of STORED_KEYS) expect(doc, name).toContain(`\`${name}`);
  });

  it('give each ruled setting the fallback its rule falls back to', () => {
    for (const setting of RULED_SETTINGS) {
      const stored = STORED_KEYS.find((key) => key.area === 'sync' && key.name === setting.name);
      expect(stored?.fallback, setting.name).toEqual(setting.fallback);
    }
  });

  it('are written as text only in lib/settings/keys.ts: every other module imports them', () => {
    // WXT items by `area:name`; raw keys (prefixes, the ledger, the session's and the page's) by name.
    const literals = STORED_KEYS.map(({ area, name, fallback }) => (fallback !== undefined ? `'${area}:${name}'` : `'${name}'`));
    const offenders: string[] = [];
    for (const file of ['lib', 'components', 'entrypoints'].flatMap(sourceFiles)) {
      if (file === join('lib', 'settings', 'keys.ts')) continue;
      const text = readFileSync(join(ROOT, file), 'utf8');
      for (const literal of literals) if (text.includes(literal)) offenders.push(`${file}: ${literal}`);
    }
    expect(offenders).toEqual([]);
  });
});
