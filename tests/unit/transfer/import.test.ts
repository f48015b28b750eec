// @vitest-environment node
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { getDb, resetDbConnection } from '@/lib/store/connection';
import { setRead, setSaved, storeListing } from '@/lib/store/writes';
import { EXPORT_FORMAT } from '@/lib/transfer/export-format';
import { toJson } from '@/lib/transfer/export';
import { parseImport } from '@/lib/transfer/import';
import { bucketKey, bucketOf } from '@/lib/saved/merge';
import { createSavedSync } from '@/lib/saved/follow';
import { stubRecord } from '@/lib/saved/store';
import { createPaperboyService } from '@/lib/background/service';
import { makePaper } from '../../support/make-paper';

const T0 = Date.UTC(2026, 10, 26, 12);
const file = (papers: unknown[], extra: Record<string, unknown> = {}) =>
  JSON.stringify({ format: EXPORT_FORMAT, version: 1, exportedAt: 'x', papers, ...extra });

describe('parseImport', () => {
  it.each([
    ['not JSON', '{nope', { ok: false, error: 'not-json' }],
    ['another format', JSON.stringify({ format: 'zotero', version: 1, papers: [] }), { ok: false, error: 'invalid', detail: 'format: not a Paperboy export' }],
    [
      'a newer version',
      JSON.stringify({ format: EXPORT_FORMAT, version: 2, papers: [] }),
      { ok: false, error: 'invalid', detail: 'version: only version 1 can be read' },
    ],
    ['a bad id', file([makePaper('../../etc')]), { ok: false, error: 'invalid', detail: 'papers.0.id: not an arXiv id' }],
    ['a missing title', file([makePaper('2611.00001'), { ...makePaper('2611.00002'), title: undefined }]), { ok: false, error: 'invalid' }],
    ['a wrong mark', file([{ ...makePaper('2611.00001'), savedAt: 'yesterday' }]), { ok: false, error: 'invalid' }],
    [
      'a bad count after a good paper (all or nothing)',
      file([
        { ...makePaper('2611.00002'), savedAt: 5 },
        { ...makePaper('2611.00003'), upvotes: -1 },
      ]),
      { ok: false, error: 'invalid', detail: expect.stringContaining('papers.1.upvotes') },
    ],
    [
      'a bad listing day',
      file([{ ...makePaper('2611.00001'), listedOn: '2026-13-01' }]),
      { ok: false, error: 'invalid', detail: 'papers.0.listedOn: not a day (YYYY-MM-DD)' },
    ],
  ])('refuses %s with a clear reason', (_name, text, expected) => {
    expect(parseImport(text)).toMatchObject(expected);
  });

  it('accepts an export, one paper per id with the later marks, unknown fields dropped', () => {
    const result = parseImport(
      file(
        [
          { ...makePaper('2611.00001'), savedAt: 5, extra: '<script>' },
          { ...makePaper('2611.00001'), readAt: 7, savedAt: 9 },
        ],
        {
          savedWithoutDetails: [
            { id: '2611.00002', savedAt: 3 },
            { id: '2611.00001', savedAt: 1 },
          ],
        },
      ),
    );
    expect(result).toEqual({ ok: true, papers: [{ ...makePaper('2611.00001'), savedAt: 9, readAt: 7 }], savedIds: [{ id: '2611.00002', savedAt: 3 }] });
  });
  it('carries the card pictures and the submitter both ways, and refuses a runaway media list', () => {
    const extras = {
      thumbnail: 'https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/2611.00001.png',
      mediaUrls: ['https://cdn-uploads.huggingface.co/production/uploads/a/b.png'],
      submitter: { name: 'ada', fullname: 'Ada Lovelace', avatarUrl: 'https://cdn-avatars.huggingface.co/v1/production/uploads/a.png' },
    };
    const exported = toJson(
      [{ ...makePaper('2611.00001', extras), firstSeenAt: T0, updatedAt: T0, listedDays: ['2026-11-20'], upvoteHistory: [[T0, 10]] }],
      T0,
    );
    expect(parseImport(exported)).toMatchObject({ ok: true, papers: [extras] });
    const tooMany = file([{ ...makePaper('2611.00001'), mediaUrls: Array.from({ length: 9 }, (_, i) => `https://cdn-uploads.huggingface.co/${i}.png`) }]);
    expect(parseImport(tooMany)).toMatchObject({ ok: false, error: 'invalid', detail: expect.stringContaining('papers.0.mediaUrls') });
  });
});

describe('import through the background', () => {
  /** What the settings page sends once it has checked a file (components/options/DataSettings.tsx). */
  const checked = (text: string) => {
    const parsed = parseImport(text);
    if (!parsed.ok) throw new Error(`not importable: ${parsed.detail ?? parsed.error}`);
    return { papers: parsed.papers, savedIds: parsed.savedIds };
  };
  const service = () => {
    const followSaved = createSavedSync({ db: getDb, source: async () => 'http://127.0.0.1:9', now: () => T0, fetchPaper: async () => undefined });
    return createPaperboyService({ db: getDb, source: async () => 'http://127.0.0.1:9', now: () => T0, followSaved });
  };
  const freshBrowser = () => {
    fakeBrowser.reset();
    resetDbConnection();
    globalThis.indexedDB = new IDBFactory();
  };
  const snapshot = async () =>
    (await (await getDb()).getAll('papers'))
      .map((paper) => ({ id: paper.id, title: paper.title, saved: paper.savedAt !== undefined, read: paper.readAt !== undefined }))
      .sort((a, b) => a.id.localeCompare(b.id));

  it('a JSON export imports back into an empty profile with the same papers and marks, and publishes the saves', async () => {
    const db = await getDb();
    await storeListing(db, {
      key: 'day:2026-11-20',
      papers: ['2611.00001', '2611.00002', '2611.00003'].map((id) => makePaper(id)),
      fetchedAt: T0,
      mode: 'merge',
    });
    await setSaved(db, '2611.00001', true, T0);
    await setRead(db, ['2611.00002'], true, T0);
    await db.put('papers', stubRecord('2611.00009', T0));
    const before = await snapshot();
    const json = toJson(await db.getAll('papers'), T0);

    freshBrowser();
    const outcome = await service().importData(checked(json));
    expect(outcome).toEqual({ ok: true, added: 3, saved: 2, read: 1 });
    expect(await snapshot()).toEqual(before);
    const bucket = bucketKey(bucketOf('2611.00001'));
    expect(((await fakeBrowser.storage.sync.get(bucket)) as Record<string, Record<string, number>>)[bucket]).toHaveProperty('2611.00001');

    // Importing again changes nothing and duplicates nothing.
    expect(await service().importData(checked(json))).toEqual({ ok: true, added: 0, saved: 0, read: 0 });
    expect(await snapshot()).toEqual(before);
  });

  it('merges into what is stored: marks are only added, newer stored details are kept', async () => {
    const db = await getDb();
    await storeListing(db, { key: 'day:2026-11-20', papers: [makePaper('2611.00001', { title: 'Stored title', upvotes: 99 })], fetchedAt: T0, mode: 'merge' });
    await setRead(db, ['2611.00001'], true, T0);
    const outcome = await service().importData(checked(file([{ ...makePaper('2611.00001', { title: 'Old title' }), savedAt: 5 }, makePaper('2611.00002')])));
    expect(outcome).toEqual({ ok: true, added: 1, saved: 1, read: 0 });
    expect(await db.get('papers', '2611.00001')).toMatchObject({ title: 'Stored title', upvotes: 99, savedAt: 5 });
    expect((await db.get('papers', '2611.00001'))!.readAt).toBe(T0);
  });

  it('papers unsaved since the export are saved again by importing it, and stay saved', async () => {
    const db = await getDb();
    await storeListing(db, { key: 'day:2026-11-20', papers: [makePaper('2611.00001')], fetchedAt: T0, mode: 'merge' });
    const paperboy = service();
    await paperboy.setSaved('2611.00001', true);
    const json = toJson(await db.getAll('papers'), T0);
    await paperboy.setSaved('2611.00001', false); // a tombstone newer than the export's save
    expect(await paperboy.importData(checked(json))).toMatchObject({ ok: true, saved: 1 });
    expect((await db.get('papers', '2611.00001'))?.savedAt).toBeDefined();
    const bucket = bucketKey(bucketOf('2611.00001'));
    const published = ((await fakeBrowser.storage.sync.get(bucket)) as Record<string, Record<string, number>>)[bucket]!;
    expect(published['2611.00001']).toBeGreaterThan(0);
  });
});
