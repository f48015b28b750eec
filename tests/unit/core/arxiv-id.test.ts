import { describe, expect, it } from 'vitest';
import { ARXIV_ID, ARXIV_ID_SOURCE, isArxivId } from '@/lib/core/arxiv-id';

describe('isArxivId', () => {
  it.each([
    ['2411.12345', true, 'five digits after the dot (since 2015)'],
    ['1412.1234', true, 'four digits after the dot (to 2014)'],
    ['0704.0001', true, 'the first id of the scheme'],
    ['2411.123', false, 'too few digits after the dot'],
    ['2411.123456', false, 'too many digits after the dot'],
    ['241.12345', false, 'too few digits before the dot'],
    ['2411.12345v2', false, 'a version suffix'],
    [' 2411.12345', false, 'leading space'],
    ['2411.12345\n', false, 'trailing newline'],
    ['2411-12345', false, 'no dot'],
    ['hep-th/9901001', false, 'an old-scheme id'],
    ['２４１１.１２３４５', false, 'full-width digits'],
    ['', false, 'empty'],
  ])('%j is %s (%s)', (value, expected) => {
    expect(isArxivId(value)).toBe(expected);
    expect(ARXIV_ID.test(value)).toBe(expected);
  });

  it('is false for what is not a string', () => {
    for (const value of [undefined, null, 2411.12345, {}, ['2411.12345']]) expect(isArxivId(value)).toBe(false);
  });

  it('embeds in a larger pattern without anchors', () => {
    const inUrl = new RegExp(`/papers/(${ARXIV_ID_SOURCE})$`);
    expect(inUrl.exec('https://huggingface.co/papers/2411.12345')?.[1]).toBe('2411.12345');
  });
});
