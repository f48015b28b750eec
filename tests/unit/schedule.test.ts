import { describe, expect, it } from 'vitest';
import { firstPollDelayMinutes, isPollChoice, nextPollDelayMinutes } from '@/lib/schedule';

describe('poll schedule', () => {
  it.each([
    [30, 0, 1],
    [30, 1, 30],
    [15, 0.5, 8],
    [120, 1, 120],
  ])('first poll with a %i-minute period and random %f is after %f minutes', (period, random, minutes) => {
    expect(firstPollDelayMinutes(period, () => random)).toBe(minutes);
  });

  it.each([
    [30, 0, 25.5],
    [30, 0.5, 30],
    [30, 1, 34.5],
    [15, 0, 12.75],
    [120, 1, 138],
  ])('next poll with a %i-minute period and random %f is after %f minutes', (period, random, minutes) => {
    expect(nextPollDelayMinutes(period, () => random)).toBeCloseTo(minutes, 10);
  });

  it.each([
    [15, true],
    [30, true],
    [0, true],
    [5, false],
    ['30', false],
  ])('%j is a poll choice: %s', (value, expected) => {
    expect(isPollChoice(value)).toBe(expected);
  });
});
