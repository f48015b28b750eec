import { describe, expect, it } from 'vitest';
import { checkRule, createWatchMatcher, normaliseText, type WatchKind, type WatchRule } from '@/lib/alerts/watchlist';

const rule = (kind: WatchKind, label: string, addedAt = 1): WatchRule => {
  const checked = checkRule(label);
  if (!checked.ok) throw new Error(label);
  return { kind, label: checked.label, value: checked.value, addedAt };
};
const paper = (
  over: Partial<{
    title: string;
    abstract: string;
    authors: string[];
    organization: string;
    aiKeywords: string[];
    submitter: { name: string; fullname?: string };
  }> = {},
) => ({
  title: 'A paper',
  abstract: '',
  authors: ['Ada Lovelace'],
  ...over,
});

describe('keyword rules', () => {
  it.each([
    // keyword, title, matches
    ['diffusion', 'Diffusion models beat GANs', true],
    ['diffusion', 'Latent DIFFUSION at scale', true],
    ['diffusion', 'Diffusions everywhere', false],
    ['diffusion', 'Nondiffusion baselines', false],
    ['LLaMA-3', 'Fine-tuning llama-3 on code', true],
    ['LLaMA-3', 'Distilling LLaMA-3.1 into a small model', true],
    ['LLaMA-3', 'LLaMA-30B revisited', false],
    ['LLaMA-3', 'llama 3 without the hyphen', false],
    ['GPT-4', 'GPT-4o is not GPT-4 (exactly)', true],
    ['GPT-4', 'Only GPT-4o here', false],
    ['C++', 'Generating C++ from Python', true],
    ['vision language model', 'A Vision  Language Model for charts', true],
    ['vision language model', 'Vision language models', false],
    ['ＬＬａＭＡ', 'LLaMA on a phone', true], // full-width folds to ASCII
    ['naïve', 'A naive Bayes baseline', true], // Latin accents fold
    ['模型', '大语言模型的推理', true], // Chinese is unspaced: the word is found inside the run
    ['大模型', '多模态大模型评测', true],
    ['トランスフォーマー', 'ビジョントランスフォーマーの研究', true],
    ['模型', '语言理解', false],
    ['BERT', 'RoBERTa and BERT', true],
    ['BERT', 'RoBERTa only', false],
    ['über', 'Über alles: ÜBER-scaling', true],
    ['rag', 'Fragment retrieval', false],
  ])('%j in %j → %s', (keyword, title, expected) => {
    const match = createWatchMatcher([rule('keyword', keyword)]);
    expect(match(paper({ title })).length > 0).toBe(expected);
  });

  it('looks in the abstract and the AI keywords too, never across two fields', () => {
    const match = createWatchMatcher([rule('keyword', 'mixture of experts'), rule('keyword', 'sparse attention')]);
    expect(match(paper({ abstract: 'We train a Mixture of Experts.' }))).toEqual([{ kind: 'keyword', label: 'mixture of experts' }]);
    expect(match(paper({ aiKeywords: ['RL', 'Sparse Attention'] }))).toEqual([{ kind: 'keyword', label: 'sparse attention' }]);
    expect(match(paper({ title: 'Why sparse', abstract: 'attention helps' }))).toEqual([]);
  });
});

describe('author, organization and submitter rules', () => {
  it.each([
    ['Ada Lovelace', ['Ada Lovelace', 'Charles Babbage'], true],
    ['ada  lovelace', ['Ada Lovelace'], true],
    ['Bernhard Schölkopf', ['Bernhard Scholkopf'], true],
    ['Li', ['Lin Li', 'Wei Lin'], false], // a whole name, not a part of one
    ['Kaiming He', ['Kaiming He'], true],
    ['何恺明', ['何恺明', '张祥雨'], true],
    ['何恺明', ['何恺'], false],
  ])('author %j in %j → %s', (author, authors, expected) => {
    expect(createWatchMatcher([rule('author', author)])(paper({ authors })).length > 0).toBe(expected);
  });

  it.each([
    ['Google', 'Google DeepMind', true],
    ['deepmind', 'Google DeepMind', true],
    ['Meta', 'Metaculus', false],
    ['Alibaba Qwen', 'Alibaba Qwen Team', true],
    ['清华大学', '清华大学 KEG', true],
    ['Google', undefined, false],
  ])('organization %j in %j → %s', (org, organization, expected) => {
    const p = organization === undefined ? paper() : paper({ organization });
    expect(createWatchMatcher([rule('organization', org)])(p).length > 0).toBe(expected);
  });

  it.each([
    // rule, submitter, matches
    ['akhaliq', { name: 'akhaliq', fullname: 'AK' }, true],
    ['@akhaliq', { name: 'akhaliq' }, true], // as Hugging Face writes a user
    ['AKHALIQ', { name: 'akhaliq' }, true],
    ['Ada Lovelace', { name: 'ada-l', fullname: 'Ada Lovelace' }, true], // the full name, whole
    ['Ada', { name: 'ada-l', fullname: 'Ada Lovelace' }, false],
    ['akhaliq', { name: 'akhaliq2' }, false],
    ['akhaliq', undefined, false], // no submitter sent: never matches
  ])('submitter %j for %j → %s', (who, submitter, expected) => {
    const p = submitter === undefined ? paper() : paper({ submitter });
    expect(createWatchMatcher([rule('submitter', who)])(p).length > 0).toBe(expected);
  });

  it('never takes an author for the submitter, nor the submitter for an author', () => {
    expect(createWatchMatcher([rule('submitter', 'Ada Lovelace')])(paper({ authors: ['Ada Lovelace'] }))).toEqual([]);
    expect(createWatchMatcher([rule('author', 'AK')])(paper({ authors: [], submitter: { name: 'akhaliq', fullname: 'AK' } }))).toEqual([]);
  });

  it('reports every rule matched, authors first, then submitters, organizations, then keywords', () => {
    const match = createWatchMatcher([
      rule('keyword', 'agents', 1),
      rule('organization', 'OpenAI', 2),
      rule('submitter', 'akhaliq', 3),
      rule('author', 'Ada Lovelace', 4),
    ]);
    expect(match(paper({ title: 'Agents', organization: 'OpenAI', submitter: { name: 'akhaliq' } }))).toEqual([
      { kind: 'author', label: 'Ada Lovelace' },
      { kind: 'submitter', label: 'akhaliq' },
      { kind: 'organization', label: 'OpenAI' },
      { kind: 'keyword', label: 'agents' },
    ]);
  });
});

describe('checkRule', () => {
  it.each([
    ['  LLaMA-3 ', { ok: true, label: 'LLaMA-3', value: 'llama-3' }],
    ['', { ok: false, reason: 'empty' }],
    ['   ', { ok: false, reason: 'empty' }],
    ['x'.repeat(101), { ok: false, reason: 'tooLong' }],
    ['Ａｄａ\tLovelace', { ok: true, label: 'Ａｄａ Lovelace', value: 'ada lovelace' }],
  ])('%j → %j', (input, expected) => {
    expect(checkRule(input)).toEqual(expected);
  });

  it('keeps the marks other scripts need', () => {
    expect(normaliseText('がくしゅう')).toBe('がくしゅう');
    expect(normaliseText('हिन्दी')).toBe('हिन्दी');
  });
});
