import { describe, expect, it } from 'vitest';
import { highlight, queryTerms } from '@/lib/search/text';
import { normalizeText } from '@/lib/core/words';

describe('queryTerms', () => {
  it.each([
    ['Gödel  Diffusion', ['godel', 'diffusion']],
    ['the diffusion of models', ['diffusion', 'models']],
    ['GPT-4o', ['gpt', '4o']],
    ['diffusion Diffusion', ['diffusion']],
    ['models the', ['models', 'the']], // the last word may be the start of "theory"
    ['models a', ['models']],
    ['', []],
  ])('%j → %j', (query, terms) => {
    expect(queryTerms(query)).toEqual(terms);
  });
});

const marked = (segments: { text: string; match: boolean }[]) => segments.filter((s) => s.match).map((s) => s.text);

describe('highlight', () => {
  it.each([
    [
      'Kurt Gödel',
      ['godel'],
      [
        { text: 'Kurt ', match: false },
        { text: 'Gödel', match: true },
      ],
    ],
    [
      'Diffusion models',
      ['diffu'],
      [
        { text: 'Diffu', match: true },
        { text: 'sion models', match: false },
      ],
    ],
    [
      'GPT-4o wins',
      queryTerms('gpt 4'),
      [
        { text: 'GPT', match: true },
        { text: '-', match: false },
        { text: '4', match: true },
        { text: 'o wins', match: false },
      ],
    ],
    [
      '<b>diffusion</b>',
      ['diffusion'],
      [
        { text: '<b>', match: false },
        { text: 'diffusion', match: true },
        { text: '</b>', match: false },
      ],
    ],
    ['no match here', ['diffusion'], [{ text: 'no match here', match: false }]],
    ['no terms', [], [{ text: 'no terms', match: false }]],
    ['', ['x'], []],
  ])('%j with %j', (text, terms, segments) => {
    expect(highlight(text, terms)).toEqual(segments);
  });

  it.each([
    ['undiffused diffusion', ['diff'], ['diff']], // word starts only
    ['Go\u0308del and Gödel', ['godel'], ['Go\u0308del', 'Gödel']], // the mark stays with its letter
    ['Ångström units', queryTerms('angstrom'), ['Ångström']],
    ['STRASSE Straße', ['strasse'], ['STRASSE', 'Straße']],
    ['Maß', ['mas'], ['Maß']], // never splits a character
    ['İstanbul', ['istanbul'], ['İstanbul']],
    ['ΟΔΟΣ οδος', queryTerms('Οδος'), ['ΟΔΟΣ', 'οδος']],
    ['🚀 Diffusion 🚀', ['diffusion'], ['Diffusion']],
    ['מודל שפה גדול', ['שפה'], ['שפה']],
    ['نموذج لغوي', ['لغوي'], ['لغوي']],
    ['diffusion distillation', ['di', 'diffusion'], ['diffusion', 'di']], // longest term wins
  ])('marks %j for %j', (text, terms, expected) => {
    expect(marked(highlight(text, terms))).toEqual(expected);
  });

  it('always gives back the original text exactly', () => {
    const pieces = [
      'Gödel',
      'Go\u0308del',
      'ß',
      'İ',
      'ΟΔΟΣ',
      'ς',
      'e\u0301',
      '\u0301',
      '🚀',
      '👩‍👩‍👧',
      '\u200d',
      '\ufe0f',
      '\ud83d',
      '\udc00',
      'מודל',
      'نموذج',
      '\u202e',
      '<mark>',
      '</script>',
      '&amp;',
      '"',
      ' ',
      '  ',
      '\n',
      '-',
      '.',
      'DIFFUSION',
      'diffusion',
      'x',
      '42',
      '東京',
      'Ångström',
    ];
    const termSets = [['godel'], ['diff', 'x'], ['ss', 'i'], ['οδοσ'], ['e'], ['מודל', 'نموذج'], ['42', 'angstrom', 'mark'], ['東'], []];
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed % n;
    };
    for (let round = 0; round < 2000; round++) {
      const text = Array.from({ length: random(12) }, () => pieces[random(pieces.length)]).join('');
      const terms = termSets[round % termSets.length]!;
      const segments = highlight(text, terms);
      expect(segments.map((s) => s.text).join('')).toBe(text);
      segments.forEach((segment, i) => {
        expect(segment.text).not.toBe('');
        // Neighbours alternate: a mark is never split in two.
        if (i > 0) expect(segment.match).not.toBe(segments[i - 1]!.match);
        if (segment.match) expect(terms.some((term) => normalizeText(segment.text).startsWith(term))).toBe(true);
      });
    }
  });
});
