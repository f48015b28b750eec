import { describe, expect, it } from 'vitest';
import {
  MORE_NOTIFICATION_ID,
  ledgerKey,
  paperNotificationId,
  planNotifications,
  recordInLedger,
  stripBidiControls,
  targetOf,
  type AlertCandidate,
} from '@/lib/alerts/notify';
import { crossedThreshold, sparklinePoints } from '@/lib/alerts/rising';

const candidate = (n: number, reason: AlertCandidate['reason'] = 'watch'): AlertCandidate => ({
  reason,
  paperId: `2611.${String(n).padStart(5, '0')}`,
  title: `Paper ${n}`,
  detail: 'd',
});
const ids = (list: AlertCandidate[]) => list.map((c) => c.paperId);

describe('planNotifications', () => {
  it.each([
    // candidates, reserved (digest on screen), shown, "more"
    [1, 0, 1, 0],
    [3, 0, 3, 0],
    [4, 0, 2, 2],
    [10, 0, 2, 8],
    [2, 1, 2, 0],
    [3, 1, 1, 2],
    [1, 3, 0, 0],
    [0, 0, 0, 0],
  ])('%i new with %i kept on screen: %i shown, %i more', (count, reserved, shown, more) => {
    const candidates = Array.from({ length: count }, (_, i) => candidate(i));
    const plan = planNotifications({ candidates, ledger: {}, reserved, openPaperIds: new Set() });
    expect(plan.show).toHaveLength(shown);
    expect(plan.more).toBe(more);
    expect(plan.show.length + (plan.more > 0 ? 1 : 0) + reserved).toBeLessThanOrEqual(Math.max(3, reserved));
    // Shown, folded or not: every new one is recorded, so none comes back later.
    expect(plan.handled).toHaveLength(count);
  });

  it('never notifies twice for the same paper and reason, but does for another reason', () => {
    const ledger = { [ledgerKey('watch', '2611.00001')]: 1 };
    const plan = planNotifications({
      candidates: [candidate(1), candidate(1, 'rising'), candidate(2), candidate(2)],
      ledger,
      reserved: 0,
      openPaperIds: new Set(),
    });
    expect(plan.show.map((c) => `${c.reason}:${c.paperId}`)).toEqual(['rising:2611.00001', 'watch:2611.00002']);
  });

  it('skips a paper open in a tab, and records it', () => {
    const plan = planNotifications({ candidates: [candidate(1), candidate(2)], ledger: {}, reserved: 0, openPaperIds: new Set(['2611.00001']) });
    expect(ids(plan.show)).toEqual(['2611.00002']);
    expect(ids(plan.handled)).toEqual(['2611.00001', '2611.00002']);
  });
});

describe('stripBidiControls', () => {
  it.each([
    ['a right-to-left override', 'Invoice \u202Egpj.exe', 'Invoice gpj.exe'],
    ['embeddings and their pop', '\u202Aleft\u202C \u202Bright\u202C', 'left right'],
    ['a left-to-right override', '\u202Dforced\u202C', 'forced'],
    ['isolates', '\u2066a\u2069 \u2067b\u2069 \u2068c\u2069', 'a b c'],
    ['Arabic and Hebrew text itself is kept', 'نموذج לשון model', 'نموذج לשון model'],
    ['marks that do not override are kept (LRM, RLM, ZWJ)', 'a\u200Eb\u200Fc\u200Dd', 'a\u200Eb\u200Fc\u200Dd'],
    ['plain text', 'Attention is all you need', 'Attention is all you need'],
  ])('removes %s', (_name, text, expected) => {
    expect(stripBidiControls(text)).toBe(expected);
  });
});

describe('the ledger', () => {
  const DAY = 86_400_000;
  it('adds keys once (the first time stays) and forgets entries after 400 days', () => {
    const now = 1000 * DAY;
    const ledger = recordInLedger({ 'watch:a': now - 401 * DAY, 'watch:b': now - 10 * DAY }, ['watch:b', 'rising:c'], now);
    expect(ledger).toEqual({ 'watch:b': now - 10 * DAY, 'rising:c': now });
  });

  it('keeps the newest 5000', () => {
    const old = Object.fromEntries(Array.from({ length: 5002 }, (_, i) => [`watch:${i}`, i]));
    const ledger = recordInLedger(old, ['watch:new'], 6000);
    expect(Object.keys(ledger)).toHaveLength(5000);
    expect(ledger).not.toHaveProperty('watch:0');
    expect(ledger).not.toHaveProperty('watch:2');
    expect(ledger).toHaveProperty('watch:3');
    expect(ledger).toHaveProperty('watch:new');
  });
});

describe('targetOf', () => {
  it.each([
    [paperNotificationId({ reason: 'watch', paperId: '2611.01234' }), { kind: 'paper', paperId: '2611.01234' }],
    [paperNotificationId({ reason: 'rising', paperId: '2611.0123' }), { kind: 'paper', paperId: '2611.0123' }],
    ['paperboy:paper:watch:javascript:alert(1)', undefined],
    ['paperboy:digest:2026-11-20', { kind: 'reader' }],
    [MORE_NOTIFICATION_ID, { kind: 'reader' }],
    ['someone-else', undefined],
  ])('%s → %j', (id, target) => expect(targetOf(id)).toEqual(target));
});

describe('crossedThreshold', () => {
  it.each([
    [
      [
        [1, 10],
        [2, 49],
        [3, 50],
      ],
      50,
      true,
    ],
    [
      [
        [1, 10],
        [2, 120],
      ],
      50,
      true,
    ],
    [
      [
        [1, 10],
        [2, 49],
      ],
      50,
      false,
    ],
    [
      [
        [1, 60],
        [2, 80],
      ],
      50,
      false,
    ], // already past it when first stored: it did not rise while watched
    [[[1, 60]], 50, false],
    [
      [
        [1, 10],
        [2, 60],
        [3, 40],
      ],
      50,
      false,
    ], // fell back below (votes withdrawn)
    [
      [
        [1, 10],
        [2, 60],
      ],
      0,
      false,
    ], // 0: off
    [
      [
        [1, 10],
        [2, 60],
      ],
      20,
      true,
    ],
  ] as [[number, number][], number, boolean][])('%j at %i → %s', (history, threshold, expected) => {
    expect(crossedThreshold(history, threshold)).toBe(expected);
  });
});

describe('sparklinePoints', () => {
  it.each([
    [[[0, 5]], []],
    [
      [
        [0, 0],
        [10, 10],
      ],
      [
        { x: 0, y: 20 },
        { x: 100, y: 0 },
      ],
    ],
    [
      [
        [0, 0],
        [5, 10],
        [10, 10],
      ],
      [
        { x: 0, y: 20 },
        { x: 50, y: 0 },
        { x: 100, y: 0 },
      ],
    ],
    [
      [
        [0, 7],
        [10, 7],
      ],
      [
        { x: 0, y: 10 },
        { x: 100, y: 10 },
      ],
    ],
    [
      [
        [3, 1],
        [3, 2],
      ],
      [
        { x: 0, y: 20 },
        { x: 100, y: 0 },
      ],
    ],
  ] as [[number, number][], { x: number; y: number }[]][])('%j', (history, points) => {
    expect(sparklinePoints(history, 100, 20)).toEqual(points);
  });
});
