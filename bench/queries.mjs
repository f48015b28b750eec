// The 50 search queries, from the generated papers' vocabulary (tests/support/generate-papers.mjs):
// common words, topic terms, two-word phrases, author names (with and without accents), and
// organisations, method names and benchmarks, plus two typos. Each ends in a letter (the timed keystroke).
export const QUERIES = [
  // common words: they match a large share of all papers
  'model', 'models', 'learning', 'language', 'reasoning', 'benchmark', 'training', 'generation', 'data', 'performance',
  // topic terms
  'diffusion', 'retrieval', 'gaussian splatting', 'speech', 'robotic manipulation', 'quantization', 'jailbreak', 'protein', 'agents', 'chain-of-thought',
  // two-word phrases
  'large language', 'video generation', 'reinforcement learning', 'token pruning', 'flow matching', 'policy optimization', 'visual grounding', 'kv cache', 'sparse attention', 'speculative decoding',
  // authors (accents folded: garcia finds García, lukasz finds Łukasz) and two typos
  'zhang', 'muller', 'sharma', 'tanaka', 'garcia', 'lukasz', 'bjorn', 'zoe', 'difusion', 'reasonning',
  // organisations, method names, benchmarks
  'northlake', 'meridian', 'swe-bench', 'mmmu', 'librispeech', 'helix', 'aurora', 'cascade', 'libero', 'hotpotqa',
];
