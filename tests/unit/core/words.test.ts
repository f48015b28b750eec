import { describe, expect, it } from 'vitest';
import { normalizeText, splitWords } from '@/lib/core/words';

describe('normalizeText', () => {
  it.each([
    ['Gödel', 'godel'],
    ['Ångström', 'angstrom'],
    ['GO\u0308DEL', 'godel'], // decomposed umlaut
    ['Crème Brûlée', 'creme brulee'],
    ['Łukasz Øresund', 'lukasz oresund'],
    ['Straße', 'strasse'],
    ['İstanbul', 'istanbul'],
    ['ΟΔΟΣ οδος', 'οδοσ οδοσ'], // final sigma is not special
    ['東京 2026', '東京 2026'],
    ['already plain', 'already plain'],
  ])('%j → %j', (input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });
});

describe('splitWords', () => {
  it('splits ASCII text (its fast path) exactly as the Unicode rule does', () => {
    const unicode = /[\n\r\p{Z}\p{P}]/u;
    for (let code = 0; code < 128; code++) {
      const ch = String.fromCharCode(code);
      expect(splitWords(`a${ch}b`), `U+${code.toString(16)}`).toEqual(unicode.test(ch) ? ['a', 'b'] : [`a${ch}b`]);
    }
    expect(splitWords('Gödel, Escher; Bach')).toEqual(['Gödel', 'Escher', 'Bach']);
  });
});
