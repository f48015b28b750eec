import { describe, expect, it } from 'vitest';
import { buildDigest, instantOf, localDayIn, nextDigestTime, parseTimeOfDay } from '@/lib/alerts/digest';

const at = (iso: string) => Date.parse(iso);
const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString());

describe('parseTimeOfDay', () => {
  it.each([
    ['00:00', 0],
    ['09:05', 545],
    ['23:59', 1439],
    ['24:00', undefined],
    ['9:05', undefined],
    ['', undefined],
    ['12:60', undefined],
  ])('%j → %j', (value, minutes) => expect(parseTimeOfDay(value)).toBe(minutes));
});

describe('nextDigestTime', () => {
  it.each([
    // now (UTC), time, zone, next fire (UTC)
    ['later today', '2026-06-10T12:00:00Z', '18:30', 'Europe/Berlin', '2026-06-10T16:30:00.000Z'],
    ['tomorrow once today has passed', '2026-06-10T17:00:00Z', '18:30', 'Europe/Berlin', '2026-06-11T16:30:00.000Z'],
    ['exactly now is not "after now"', '2026-06-10T16:30:00Z', '18:30', 'Europe/Berlin', '2026-06-11T16:30:00.000Z'],
    ['the local day, not the UTC day', '2026-06-10T23:30:00Z', '08:00', 'Asia/Tokyo', '2026-06-11T23:00:00.000Z'],
    ['a zone behind UTC', '2026-06-11T02:00:00Z', '21:00', 'America/Los_Angeles', '2026-06-11T04:00:00.000Z'],
    ['a half-hour zone', '2026-06-10T00:00:00Z', '07:00', 'Asia/Kolkata', '2026-06-10T01:30:00.000Z'],
    ['a 45-minute zone', '2026-06-10T00:00:00Z', '09:00', 'Asia/Kathmandu', '2026-06-10T03:15:00.000Z'],
    ['UTC+14', '2026-06-10T00:00:00Z', '06:00', 'Pacific/Kiritimati', '2026-06-10T16:00:00.000Z'],
    // New York springs forward on 2026-03-08 at 02:00 EST → 03:00 EDT.
    ['before the spring change, with the old offset', '2026-03-07T12:00:00Z', '09:00', 'America/New_York', '2026-03-07T14:00:00.000Z'],
    ['across the spring change, with the new offset', '2026-03-07T15:00:00Z', '09:00', 'America/New_York', '2026-03-08T13:00:00.000Z'],
    ['a time skipped by the spring change happens an hour later', '2026-03-07T15:00:00Z', '02:30', 'America/New_York', '2026-03-08T07:30:00.000Z'],
    // …and falls back on 2026-11-01 at 02:00 EDT → 01:00 EST: 01:30 happens twice.
    ['across the autumn change', '2026-10-31T14:00:00Z', '09:00', 'America/New_York', '2026-11-01T14:00:00.000Z'],
    ['a time that happens twice is taken the first time', '2026-10-31T14:00:00Z', '01:30', 'America/New_York', '2026-11-01T05:30:00.000Z'],
    ['after its first occurrence, the next day (not the repeat)', '2026-11-01T05:31:00Z', '01:30', 'America/New_York', '2026-11-02T06:30:00.000Z'],
    // London: 2026-03-29 01:00 GMT → 02:00 BST; 2026-10-25 02:00 BST → 01:00 GMT.
    ['London spring gap', '2026-03-28T12:00:00Z', '01:15', 'Europe/London', '2026-03-29T01:15:00.000Z'],
    ['London autumn repeat', '2026-10-24T12:00:00Z', '01:15', 'Europe/London', '2026-10-25T00:15:00.000Z'],
    // The southern hemisphere changes the other way: Sydney 2026-04-05 03:00 AEDT → 02:00 AEST.
    ['Sydney autumn change', '2026-04-04T00:00:00Z', '09:00', 'Australia/Sydney', '2026-04-04T23:00:00.000Z'],
    ['Sydney spring change', '2026-10-03T00:00:00Z', '09:00', 'Australia/Sydney', '2026-10-03T22:00:00.000Z'],
    ['Sydney spring gap', '2026-10-03T00:00:00Z', '02:30', 'Australia/Sydney', '2026-10-03T16:30:00.000Z'],
    // Lord Howe moves by half an hour: 2026-10-04 02:00 → 02:30.
    ['Lord Howe half-hour gap', '2026-10-03T00:00:00Z', '02:15', 'Australia/Lord_Howe', '2026-10-03T15:45:00.000Z'],
  ])('%s', (_name, now, time, zone, expected) => {
    expect(iso(nextDigestTime(at(now), time, zone))).toBe(expected);
  });

  it('shows the chosen time on the local clock whenever it is not skipped', () => {
    const zones = ['America/New_York', 'Europe/London', 'Australia/Sydney', 'Asia/Kolkata', 'America/St_Johns'];
    const now = at('2026-01-01T00:00:00Z');
    for (const zone of zones) {
      for (let day = 0; day < 366; day += 1) {
        const next = nextDigestTime(now + day * 86_400_000, '07:45', zone)!;
        const clock = new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(next);
        expect(clock, `${zone} day ${day}`).toBe('07:45');
        expect(next - (now + day * 86_400_000)).toBeLessThanOrEqual(25 * 3_600_000);
      }
    }
  });

  it('is undefined for no time or a bad one', () => {
    expect(nextDigestTime(at('2026-06-10T12:00:00Z'), '', 'UTC')).toBeUndefined();
    expect(nextDigestTime(at('2026-06-10T12:00:00Z'), '25:00', 'UTC')).toBeUndefined();
  });

  it('reads a wall clock back to an instant', () => {
    expect(iso(instantOf({ year: 2026, month: 7, day: 1, minutes: 0 }, 'UTC'))).toBe('2026-07-01T00:00:00.000Z');
    expect(localDayIn(at('2026-06-10T23:30:00Z'), 'Asia/Tokyo')).toBe('2026-06-11');
  });
});

describe('buildDigest', () => {
  it('keeps the top papers by upvotes, ties: the newer arXiv id first, as in every list', () => {
    const digest = buildDigest('2026-11-20', [
      { id: '2611.00003', title: 'C', upvotes: 5 },
      { id: '2611.00001', title: 'A', upvotes: 40 },
      { id: '2611.00004', title: 'D', upvotes: 12 },
      { id: '2611.00002', title: 'B', upvotes: 12 },
    ]);
    expect(digest).toEqual({
      day: '2026-11-20',
      total: 4,
      top: [
        { id: '2611.00001', title: 'A', upvotes: 40 },
        { id: '2611.00004', title: 'D', upvotes: 12 },
        { id: '2611.00002', title: 'B', upvotes: 12 },
      ],
    });
    expect(buildDigest('2026-11-21', [])).toBeUndefined();
  });

  it('strips bidi controls from the titles it lists', () => {
    const digest = buildDigest('2026-11-20', [{ id: '2611.00001', title: 'A \u202Edrow\u202C and \u2067B\u2069', upvotes: 1 }]);
    expect(digest!.top[0]!.title).toBe('A drow and B');
  });
});
