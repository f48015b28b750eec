// Deterministic fake Hugging Face Daily Papers entries, in the shape `GET /api/daily_papers` sends.
// Pure functions of their arguments, so fixtures, tests, the demo and benchmarks all agree.
// Plain ESM + JSDoc so Node runs it directly and TypeScript (allowJs) reads the types.

/**
 * @typedef {{ _id: string, avatarUrl: string, isPro: boolean, fullname: string, user: string, type: 'user', name: string }} HfUser
 * @typedef {{ _id: string, avatarUrl: string, fullname: string, name: string, type: 'user', isPro: boolean,
 *   isHf: boolean, isHfAdmin: boolean, isMod: boolean, followerCount?: number, isUserFollowing: boolean }} HfSubmitter
 * @typedef {{ _id: string, user?: HfUser, name: string, status?: string, statusLastChangedAt?: string, hidden: boolean }} HfAuthor
 * @typedef {{ _id: string, name: string, fullname: string, avatar: string }} HfOrganization
 * @typedef {{
 *   id: string, authors: HfAuthor[], mediaUrls?: string[], publishedAt: string, submittedOnDailyAt: string,
 *   title: string, submittedOnDailyBy: HfUser, summary: string, upvotes: number, discussionId: string,
 *   projectPage?: string, githubRepo?: string, githubRepoAddedBy?: string, ai_summary?: string,
 *   ai_keywords?: string[], ai_summary_model?: string, githubStars?: number, organization?: HfOrganization,
 *   withdrawnAt?: string }} HfPaper
 * @typedef {{
 *   paper: HfPaper, publishedAt: string, title: string, summary: string, mediaUrls?: string[], thumbnail: string,
 *   numComments: number, submittedBy: HfSubmitter, organization?: HfOrganization, isAuthorParticipating: boolean }} HfEntry
 * @typedef {ReturnType<typeof rng>} Rng
 */

const DAY_MS = 86_400_000;
const DAY_PATTERN = /^(\d{2})(\d{2})-(\d{2})-(\d{2})$/;
/** Ids per listing day: 31 days × 3200 stays within arXiv's five digits. */
export const IDS_PER_DAY = 3200;
const MIN_ABSTRACT = 1200;
const MAX_ABSTRACT = 1800;
const AI_SUMMARY_MODEL = 'Qwen/Qwen2.5-Coder-32B-Instruct';

// ---------------------------------------------------------------------------------------------
// Randomness

/** mulberry32: a tiny, fast, seeded PRNG returning floats in [0, 1). */
export function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * FNV-1a over the parts, so a seed can be derived from (seed, day, index) without collisions
 * between neighbours.
 * @param {...(string | number)} parts
 */
export function hashSeed(...parts) {
  let h = 0x811c9dc5;
  for (const char of parts.join('\u0000')) {
    h ^= char.codePointAt(0) ?? 0;
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** @param {number} seed */
function rng(seed) {
  const next = mulberry32(seed);
  /** @param {number} min @param {number} max inclusive */
  const int = (min, max) => min + Math.floor(next() * (max - min + 1));
  /** @template T @param {readonly T[]} items @returns {T} */
  const pick = (items) => /** @type {T} */ (items[Math.floor(next() * items.length)]);
  /** @param {number} p */
  const chance = (p) => next() < p;
  /** @template T @param {readonly T[]} items @returns {T[]} */
  const shuffle = (items) => {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [out[i], out[j]] = /** @type {[T, T]} */ ([out[j], out[i]]);
    }
    return out;
  };
  /** @template T @param {readonly T[]} items @param {number} count */
  const sample = (items, count) => shuffle(items).slice(0, count);
  /** @param {number} length */
  const hex = (length) => Array.from({ length }, () => int(0, 15).toString(16)).join('');
  /** @param {number} length characters of the URL-safe alphabet HF uses in upload names */
  const token = (length) => Array.from({ length }, () => pick(TOKEN_ALPHABET)).join('');
  return { next, int, pick, chance, shuffle, sample, hex, token };
}

const TOKEN_ALPHABET = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'];

/** Heavy-tailed count in [0, max]: mostly small, occasionally near max. */
function heavyTail(r, max, power) {
  return Math.floor((max + 1) * r.next() ** power);
}

/** Upvotes in [0, 300], log-scaled like the real lists: few zeros, median near 8, some hundreds. */
function upvoteCount(r) {
  return r.chance(0.06) ? 0 : Math.floor(Math.exp(r.next() ** 1.5 * Math.log(300)));
}

/** A Mongo-style ObjectId: 8 hex of seconds, then 16 hex; `counter` makes consecutive ids. */
function objectId(seconds, prefix, counter) {
  const tail = (parseInt(prefix.slice(10), 16) + counter).toString(16).padStart(6, '0').slice(-6);
  return seconds.toString(16).padStart(8, '0').slice(-8) + prefix.slice(0, 10) + tail;
}

// ---------------------------------------------------------------------------------------------
// Ids and days

/**
 * The arXiv-style id of the `index`-th paper listed on `day`: `YYMM.NNNNN` from the day's month,
 * unique per (day, index) for index < IDS_PER_DAY. Indexes are scattered (a bijection mod
 * IDS_PER_DAY) so that a day's ids are not consecutive, as on arXiv.
 * @param {string} day YYYY-MM-DD
 * @param {number} index
 */
export function paperId(day, index) {
  const match = DAY_PATTERN.exec(day);
  if (!match) throw new TypeError(`paperId: day must be YYYY-MM-DD, got ${day}`);
  if (!Number.isInteger(index) || index < 0 || index >= IDS_PER_DAY) {
    throw new RangeError(`paperId: index must be an integer in [0, ${IDS_PER_DAY}), got ${index}`);
  }
  const [, , yy, mm, dd] = match;
  const scattered = (index * 7919 + 17) % IDS_PER_DAY;
  const number = (Number(dd) - 1) * IDS_PER_DAY + scattered;
  return `${yy}${mm}.${String(number).padStart(5, '0')}`;
}

/** @param {string} day */
function dayStart(day) {
  const time = Date.parse(`${day}T00:00:00.000Z`);
  if (!DAY_PATTERN.test(day) || Number.isNaN(time)) throw new TypeError(`not a YYYY-MM-DD day: ${day}`);
  return time;
}

/** @param {number} time */
const iso = (time) => new Date(time).toISOString();

/**
 * The object without its undefined-valued keys, order kept: optional API fields are absent, never null.
 * @template {object} T @param {T} object @returns {T}
 */
function defined(object) {
  const entries = Object.entries(/** @type {Record<string, unknown>} */ (object));
  return /** @type {T} */ (Object.fromEntries(entries.filter(([, value]) => value !== undefined)));
}

// ---------------------------------------------------------------------------------------------
// Phrase banks. Topics keep a paper's title, abstract and keywords about the same thing.

const TOPICS = [
  {
    area: 'large language models',
    short: 'LLMs',
    tasks: ['mathematical reasoning', 'multi-step reasoning', 'long chain-of-thought reasoning', 'code generation', 'theorem proving'],
    objects: ['reasoning traces', 'reward models', 'verifiable rewards', 'test-time compute', 'self-reflection'],
    benchmarks: ['MATH-500', 'AIME 2025', 'GSM8K', 'LiveCodeBench', 'OlympiadBench', 'HumanEval+'],
    keywords: [
      'reinforcement learning with verifiable rewards',
      'chain-of-thought',
      'policy optimization',
      'reward model',
      'test-time scaling',
      'self-consistency',
      'process supervision',
      'GRPO',
      'KL regularization',
      'curriculum learning',
    ],
  },
  {
    area: 'LLM-based agents',
    short: 'agents',
    tasks: ['web navigation', 'software engineering', 'long-horizon planning', 'GUI automation', 'multi-agent collaboration'],
    objects: ['interaction trajectories', 'tool calls', 'agent memory', 'environment feedback', 'task decompositions'],
    benchmarks: ['SWE-bench Verified', 'WebArena', 'OSWorld', 'GAIA', 'tau-bench', 'AgentBench'],
    keywords: [
      'autonomous agents',
      'tool use',
      'trajectory synthesis',
      'multi-agent systems',
      'planning',
      'long-horizon tasks',
      'environment feedback',
      'agentic reinforcement learning',
      'memory management',
      'function calling',
    ],
  },
  {
    area: 'vision-language models',
    short: 'VLMs',
    tasks: ['visual question answering', 'document understanding', 'chart reasoning', 'visual grounding', 'video understanding'],
    objects: ['visual tokens', 'image-text pairs', 'visual instructions', 'spatial representations', 'multimodal rationales'],
    benchmarks: ['MMMU', 'MathVista', 'DocVQA', 'ChartQA', 'Video-MME', 'MMBench'],
    keywords: [
      'multimodal large language models',
      'visual instruction tuning',
      'token compression',
      'visual grounding',
      'cross-modal alignment',
      'vision encoder',
      'spatial reasoning',
      'hallucination',
      'video understanding',
      'OCR',
    ],
  },
  {
    area: 'diffusion models',
    short: 'diffusion models',
    tasks: ['text-to-image generation', 'image editing', 'video generation', 'controllable generation', 'image super-resolution'],
    objects: ['denoising trajectories', 'latent representations', 'guidance signals', 'sampling steps', 'attention maps'],
    benchmarks: ['GenEval', 'T2I-CompBench', 'VBench', 'DrawBench', 'MS-COCO', 'ImageNet 256x256'],
    keywords: [
      'diffusion transformer',
      'flow matching',
      'classifier-free guidance',
      'latent diffusion',
      'few-step sampling',
      'distillation',
      'text-to-image',
      'video generation',
      'image editing',
      'FID',
    ],
  },
  {
    area: 'speech language models',
    short: 'speech models',
    tasks: ['speech recognition', 'text-to-speech synthesis', 'spoken dialogue', 'audio captioning', 'music generation'],
    objects: ['speech tokens', 'acoustic features', 'paralinguistic cues', 'audio-text pairs', 'prosody representations'],
    benchmarks: ['LibriSpeech', 'Common Voice', 'AudioCaps', 'VoiceBench', 'MusicCaps', 'SUPERB'],
    keywords: [
      'speech tokenizer',
      'text-to-speech',
      'automatic speech recognition',
      'full-duplex dialogue',
      'audio language model',
      'codec',
      'zero-shot voice cloning',
      'prosody',
      'streaming',
      'word error rate',
    ],
  },
  {
    area: 'vision-language-action models',
    short: 'VLA policies',
    tasks: ['robotic manipulation', 'embodied navigation', 'sim-to-real transfer', 'dexterous grasping', 'long-horizon manipulation'],
    objects: ['action chunks', 'robot demonstrations', 'world models', 'proprioceptive signals', 'affordance maps'],
    benchmarks: ['LIBERO', 'CALVIN', 'SimplerEnv', 'RLBench', 'Open X-Embodiment', 'Habitat'],
    keywords: [
      'vision-language-action',
      'imitation learning',
      'world model',
      'action tokenization',
      'sim-to-real',
      'embodied AI',
      'manipulation',
      'diffusion policy',
      'teleoperation',
      'generalist robot policy',
    ],
  },
  {
    area: 'large language models',
    short: 'LLMs',
    tasks: ['efficient inference', 'KV cache compression', 'low-bit quantization', 'speculative decoding', 'long-context modelling'],
    objects: ['attention heads', 'key-value caches', 'activation outliers', 'draft tokens', 'expert routing decisions'],
    benchmarks: ['LongBench', 'RULER', 'Needle-in-a-Haystack', 'WikiText-2', 'MMLU', 'InfiniteBench'],
    keywords: [
      'KV cache',
      'quantization',
      'speculative decoding',
      'sparse attention',
      'mixture-of-experts',
      'long-context',
      'throughput',
      'memory footprint',
      'pruning',
      'linear attention',
    ],
  },
  {
    area: 'language models',
    short: 'models',
    tasks: ['jailbreak defense', 'hallucination detection', 'alignment evaluation', 'machine unlearning', 'text watermarking'],
    objects: ['refusal behaviours', 'preference data', 'internal representations', 'safety classifiers', 'steering vectors'],
    benchmarks: ['HarmBench', 'TruthfulQA', 'AdvBench', 'XSTest', 'WMDP', 'StrongREJECT'],
    keywords: [
      'AI safety',
      'jailbreak',
      'red teaming',
      'alignment',
      'refusal',
      'representation engineering',
      'hallucination',
      'unlearning',
      'adversarial robustness',
      'interpretability',
    ],
  },
  {
    area: 'neural rendering',
    short: 'neural renderers',
    tasks: ['novel view synthesis', '3D reconstruction', 'dynamic scene modelling', '4D generation', 'monocular depth estimation'],
    objects: ['Gaussian primitives', 'camera poses', 'multi-view features', 'geometry priors', 'radiance fields'],
    benchmarks: ['Mip-NeRF 360', 'ScanNet++', 'DL3DV', 'Tanks and Temples', 'NYUv2', 'KITTI'],
    keywords: [
      '3D Gaussian splatting',
      'neural radiance fields',
      'novel view synthesis',
      'feed-forward reconstruction',
      'camera pose estimation',
      'depth estimation',
      'multi-view consistency',
      'scene representation',
      '4D generation',
      'point maps',
    ],
  },
  {
    area: 'retrieval-augmented generation',
    short: 'RAG systems',
    tasks: ['open-domain question answering', 'multi-hop retrieval', 'long-document understanding', 'deep research', 'citation generation'],
    objects: ['retrieved passages', 'search queries', 'knowledge graphs', 'document embeddings', 'evidence chains'],
    benchmarks: ['HotpotQA', 'Natural Questions', 'MuSiQue', 'BrowseComp', '2WikiMultiHopQA', 'BEIR'],
    keywords: [
      'retrieval-augmented generation',
      'dense retrieval',
      'reranking',
      'query rewriting',
      'multi-hop reasoning',
      'knowledge graph',
      'search agent',
      'embedding model',
      'long-context',
      'attribution',
    ],
  },
  {
    area: 'scientific foundation models',
    short: 'foundation models',
    tasks: ['protein design', 'molecular property prediction', 'clinical report generation', 'weather forecasting', 'materials discovery'],
    objects: ['molecular graphs', 'protein sequences', 'simulation data', 'clinical notes', 'physical constraints'],
    benchmarks: ['MoleculeNet', 'ProteinGym', 'MIMIC-CXR', 'WeatherBench 2', 'Matbench', 'PubMedQA'],
    keywords: [
      'AI for science',
      'protein language model',
      'molecular generation',
      'equivariant networks',
      'medical imaging',
      'weather forecasting',
      'materials discovery',
      'scientific reasoning',
      'domain adaptation',
      'foundation model',
    ],
  },
];

const NAME_ROOTS = [
  'Helix',
  'Orbit',
  'Lumen',
  'Prism',
  'Cascade',
  'Atlas',
  'Beacon',
  'Quill',
  'Vortex',
  'Mosaic',
  'Tessera',
  'Ember',
  'Nimbus',
  'Kestrel',
  'Sable',
  'Tandem',
  'Zephyr',
  'Aurora',
  'Pilot',
  'Sprout',
  'Lattice',
  'Relay',
  'Compass',
  'Glimpse',
];
const NAME_PREFIXES = ['', '', '', 'Omni', 'Deep', 'Uni', 'Meta', 'Hyper', 'Open', 'Auto', 'Mini', 'Pro'];
const NAME_SUFFIXES = ['', '', '', '-R1', '-VL', 'Bench', '-Zero', '++', '-2', 'Flow', 'Gen', 'RL', '-Agent', 'Mem'];
const GERUNDS = [
  'Scaling',
  'Rethinking',
  'Unifying',
  'Bridging',
  'Learning',
  'Aligning',
  'Compressing',
  'Distilling',
  'Grounding',
  'Steering',
  'Benchmarking',
  'Revisiting',
  'Accelerating',
  'Evaluating',
  'Teaching',
];
const TECHNIQUES = [
  'Reinforcement Learning',
  'Self-Distillation',
  'Sparse Mixture-of-Experts',
  'Contrastive Pretraining',
  'Latent Planning',
  'Flow Matching',
  'Curriculum Rewards',
  'Token Pruning',
  'Adaptive Retrieval',
  'Synthetic Data',
  'Preference Optimization',
  'Hierarchical Memory',
];
const ADJECTIVES = ['Scalable', 'Efficient', 'Robust', 'Unified', 'Data-Efficient', 'Interpretable', 'Training-Free', 'Adaptive', 'Generalist', 'Faithful'];
const DOUBTS = ['Really Need', 'Actually Use', 'Benefit from', 'Overthink with', 'Memorize'];
const SMALL_WORDS = new Set(['a', 'an', 'and', 'as', 'at', 'for', 'from', 'in', 'of', 'on', 'or', 'the', 'to', 'via', 'with']);

const TITLE_PATTERNS = [
  (c) => `${c.method}: ${c.gerund} ${c.Object} for ${c.Task}`,
  (c) => `${c.gerund} ${c.Object} in ${c.Area} via ${c.Technique}`,
  (c) => `${c.method}: A Benchmark for ${c.Task} in ${c.Area}`,
  (c) => `Do ${c.Short} ${c.doubt} ${c.Object}? Evidence from ${c.Task}`,
  (c) => `${c.method}: Towards ${c.Adjective} ${c.Task} with ${c.Technique}`,
  (c) => `Beyond ${c.Object}: ${c.gerund} ${c.Task} with ${c.Technique}`,
  (c) => `${c.method}: ${c.Adjective} ${c.Task} through ${c.Technique}`,
];

const VERB_PHRASES = [
  'decouples planning from execution',
  'learns to allocate computation adaptively across inputs',
  'combines {technique} with a lightweight verifier',
  'turns {object} into a dense training signal',
  'aligns intermediate representations across modalities',
  'reuses cached computation to cut inference cost',
  'grounds each prediction in retrieved evidence',
  'scores candidate outputs with a learned critic before committing to them',
];

// Abstract sentences by section; `{...}` slots are filled from the paper's context.
const INTRO = [
  'Recent advances in {area} have led to rapid progress on {task}, yet their behaviour under realistic deployment conditions remains poorly understood.',
  'Recent work on {area} has shifted attention from static benchmarks to {task}, where models must act over many steps and recover from their own mistakes.',
  '{TaskCap} is a central capability for {area}, and progress on it increasingly depends on how {object} are collected, filtered and used during training.',
  'Despite strong results on standard leaderboards, {short} still struggle with {task} when inputs are long, noisy or out of distribution.',
  'Scaling {object} has been the dominant recipe for improving {area} on {task}, but the cost of this recipe grows faster than the gains it delivers.',
];
const GAP = [
  'Existing approaches either rely on expensive human annotation or on heuristics that do not transfer across domains, which limits their usefulness in practice.',
  'Prior work typically treats {object} as a fixed input, ignoring the fact that their quality varies widely across tasks and over the course of training.',
  'Most evaluations report a single aggregate score, which hides large differences between easy and hard instances and makes it difficult to diagnose failures.',
  'However, current methods are brittle: small changes in prompts, resolution or sampling temperature can change their conclusions entirely.',
  'A key obstacle is the lack of a principled way to decide when additional computation actually helps, and when it merely adds latency.',
];
const PROPOSAL = [
  'In this paper, we introduce {method}, {aAdjective} framework that {verb} for {task}.',
  'We present {method}, an approach that {verb} without requiring additional labelled data.',
  'To address these limitations, we propose {method}, a simple recipe that {verb} and can be applied to any pretrained backbone.',
  'We introduce {method}, a benchmark and training framework that {verb}.',
];
const METHOD = [
  '{method} first estimates the difficulty of each instance and then routes it to a specialised module, so that easy cases are handled cheaply while hard ones receive more capacity.',
  'At its core is a {technique} objective that rewards consistency between intermediate steps and final answers rather than final answers alone.',
  'We further design a data pipeline that synthesises {n}K diverse training examples from public sources and filters them with a model-based quality score.',
  'Unlike previous methods, {method} does not require access to model weights and can be used with closed-source APIs.',
  'The framework is modular: each component can be replaced independently, which lets us isolate the contribution of every design choice.',
  'To stabilise training, we introduce an adaptive KL penalty and a length-normalised reward that prevents the policy from collapsing to short, uninformative outputs.',
  'We also release a curated evaluation suite spanning {k} task families, with human-verified labels and difficulty annotations.',
  'Our analysis shows that most errors stem from a small number of recurring failure modes, which we organise into a taxonomy of {k} types.',
  'We provide a theoretical analysis showing that the proposed estimator is unbiased and has lower variance than standard Monte Carlo baselines.',
  'Training proceeds in two stages: supervised warm-up on {object}, followed by on-policy refinement with sparse outcome rewards.',
];
const EXPERIMENTS = [
  'We evaluate {method} on {bench}, {bench2} and {k} additional benchmarks, using backbones ranging from 1.5B to 72B parameters.',
  'Extensive experiments on {bench} and {bench2} demonstrate the effectiveness of our approach across model families and scales.',
  'We conduct experiments on {k} benchmarks covering {task}, comparing against strong open-source and proprietary baselines.',
];
const RESULTS = [
  '{method} improves accuracy by {pct}% on average over the strongest baseline while using {x}x fewer tokens.',
  'Notably, a {size}B model trained with {method} matches or surpasses models up to {y}x larger on {bench}.',
  'It also reduces inference latency by {x2}x with negligible loss in quality.',
  'Ablation studies confirm that each component contributes to the final performance, with the verifier accounting for the largest gain.',
  'Human evaluation further shows that outputs from {method} are preferred in {p}% of pairwise comparisons.',
  'The gains are most pronounced on the hardest split, where performance rises from {a}% to {b}%.',
];
const CLOSING = [
  'These results suggest that {object} are an underused lever for improving {area}, and we hope {method} serves as a foundation for future work.',
  'Our findings highlight the importance of evaluating {task} beyond aggregate metrics.',
  'We release code, data and model checkpoints to facilitate future research.',
];
const AI_SUMMARIES = [
  '{method} {verb} for {task}, improving results on {bench} and {bench2} while reducing computational cost.',
  '{AAdjective} framework for {task} uses {technique} over {object} to outperform strong baselines on {bench}.',
  '{method} combines {technique} with curated {object} to improve {task} across model scales and benchmarks.',
];
const GENERAL_KEYWORDS = [
  'large language models',
  'benchmark',
  'ablation study',
  'zero-shot generalization',
  'fine-tuning',
  'synthetic data',
  'scaling laws',
  'transformer',
  'data curation',
  'evaluation protocol',
];

const FIRST_NAMES = [
  'Wei',
  'Jiahao',
  'Yuxuan',
  'Xinyu',
  'Haoran',
  'Mei',
  'Zhiyuan',
  'Siyu',
  'Priya',
  'Arjun',
  'Ananya',
  'Rohan',
  'Sofia',
  'Lucas',
  'Emma',
  'Noah',
  'Olivia',
  'Mateo',
  'Hannah',
  'Jonas',
  'Léa',
  'Julien',
  'Chiara',
  'Matteo',
  'Minjun',
  'Seo-yeon',
  'Jiwoo',
  'Haruto',
  'Yui',
  'Kenji',
  'Amir',
  'Layla',
  'Omar',
  'Fatima',
  'Mehmet',
  'Elif',
  'Ivan',
  'Anastasia',
  'Łukasz',
  'Zoë',
  'José',
  'Camila',
  'Thabo',
  'Amara',
  'Daniel',
  'Sarah',
  'Michael',
  'Grace',
  'Tomás',
  'Nguyen',
  'Linh',
  'Aditya',
  'Kavya',
  'Björn',
  'Ingrid',
];
const LAST_NAMES = [
  'Zhang',
  'Wang',
  'Li',
  'Chen',
  'Liu',
  'Yang',
  'Huang',
  'Zhao',
  'Wu',
  'Zhou',
  'Xu',
  'Sun',
  'Sharma',
  'Patel',
  'Gupta',
  'Iyer',
  'Reddy',
  'Müller',
  'Schmidt',
  'Rossi',
  'Bianchi',
  'Dubois',
  'Moreau',
  'García',
  'Martínez',
  'Silva',
  'Kim',
  'Park',
  'Lee',
  'Choi',
  'Tanaka',
  'Suzuki',
  'Sato',
  'Hosseini',
  'Rahimi',
  'Yilmaz',
  'Kaya',
  'Ivanov',
  'Kowalski',
  'Nowak',
  'Okafor',
  'Mensah',
  'Smith',
  'Johnson',
  'Brown',
  'Williams',
  'Nguyen',
  'Tran',
  'Andersson',
  'Larsen',
  "O'Brien",
  'van der Berg',
];

const ORGANIZATIONS = [
  ['northlake-ai', 'Northlake AI'],
  ['meridian-research', 'Meridian Research Lab'],
  ['kite-labs', 'Kite Labs'],
  ['open-cortex', 'OpenCortex'],
  ['tsl-vision', 'Tsinghua-Style Vision Lab'],
  ['bluefin-nlp', 'Bluefin NLP Group'],
  ['aurora-robotics', 'Aurora Robotics'],
  ['saltmarsh', 'Saltmarsh University ML'],
  ['quanta-ml', 'Quanta ML'],
  ['ridgeline-ai', 'Ridgeline AI Institute'],
  ['helios-speech', 'Helios Speech'],
  ['polaris-science', 'Polaris AI for Science'],
];
const PAGE_HOSTS = ['github.io', 'github.io', 'github.io', 'io', 'ai', 'org'];

// ---------------------------------------------------------------------------------------------
// Text

/** Title Case that keeps acronyms, hyphenated parts and numbers as written. */
function titleCase(text) {
  return text
    .split(' ')
    .map((word, i) => (i > 0 && SMALL_WORDS.has(word) ? word : word.replace(/(^|-)([a-z])/g, (_, dash, ch) => dash + ch.toUpperCase())))
    .join(' ');
}

const capitalise = (text) => text.charAt(0).toUpperCase() + text.slice(1);

/** Replaces `{slot}` with ctx[slot]; an unknown slot is a bug in the banks, so it throws. */
function fill(template, ctx) {
  return template.replace(/\{(\w+)\}/g, (_, slot) => {
    const value = ctx[slot];
    if (value === undefined) throw new Error(`generate-papers: no value for {${slot}}`);
    return String(value);
  });
}

function methodName(r) {
  const root = r.pick(NAME_ROOTS);
  return r.chance(0.2) ? root.toUpperCase().slice(0, r.int(4, 6)) + r.pick(NAME_SUFFIXES) : r.pick(NAME_PREFIXES) + root + r.pick(NAME_SUFFIXES);
}

/** Everything a paper's texts talk about, chosen once so title, abstract and keywords agree. */
function paperContext(r) {
  const topic = r.pick(TOPICS);
  const [bench, bench2] = r.sample(topic.benchmarks, 2);
  const task = r.pick(topic.tasks);
  const object = r.pick(topic.objects);
  const technique = r.pick(TECHNIQUES);
  const adjective = r.pick(ADJECTIVES);
  const ctx = {
    topic,
    task,
    object,
    bench,
    bench2,
    technique: technique.toLowerCase(),
    adjective: adjective.toLowerCase(),
    area: topic.area,
    short: topic.short,
    method: methodName(r),
    gerund: r.pick(GERUNDS),
    doubt: r.pick(DOUBTS),
    // Title Case forms for titles; TaskCap starts a sentence.
    Task: titleCase(task),
    TaskCap: capitalise(task),
    Object: titleCase(object),
    Area: titleCase(topic.area),
    Short: titleCase(topic.short),
    Technique: technique,
    Adjective: adjective,
    // Numbers quoted by result sentences.
    n: r.int(12, 480),
    k: r.int(3, 14),
    pct: `${r.int(2, 24)}.${r.int(0, 9)}`,
    x: `${r.int(1, 6)}.${r.int(1, 9)}`,
    x2: `${r.int(1, 4)}.${r.int(1, 9)}`,
    y: r.int(3, 12),
    size: r.pick([1.5, 3, 4, 7, 14, 32]),
    p: r.int(58, 84),
    a: r.int(18, 45),
    b: r.int(48, 79),
  };
  const aAdjective = `${/^[aeio]/.test(ctx.adjective) ? 'an' : 'a'} ${ctx.adjective}`;
  return { ...ctx, aAdjective, AAdjective: capitalise(aAdjective), verb: fill(r.pick(VERB_PHRASES), ctx) };
}

function makeTitle(r, ctx) {
  return r.pick(TITLE_PATTERNS)(ctx);
}

/**
 * An abstract of about `target` characters: the fixed arc (intro, gap, proposal, experiments,
 * closing) plus optional method and result sentences until the length is reached, in reading order.
 */
function makeAbstract(r, ctx, githubRepo) {
  const target = r.int(MIN_ABSTRACT, MAX_ABSTRACT);
  const closing = githubRepo && r.chance(0.6) ? `Code and models are available at ${githubRepo}.` : fill(r.pick(CLOSING), ctx);
  const fixed = [r.pick(INTRO), r.pick(GAP), r.pick(PROPOSAL), r.pick(EXPERIMENTS)].map((s) => fill(s, ctx));
  let length = fixed.join(' ').length + closing.length + 1;
  const optional = r.shuffle([...METHOD.map((s) => ({ s, at: 'method' })), ...RESULTS.map((s) => ({ s, at: 'result' }))]);
  const chosen = { method: /** @type {string[]} */ ([]), result: /** @type {string[]} */ ([]) };
  for (const { s, at } of optional) {
    const sentence = fill(s, ctx);
    if (length + sentence.length + 1 > target) continue;
    chosen[at].push(sentence);
    length += sentence.length + 1;
  }
  // A short target can leave the abstract under the real minimum; top up regardless of target.
  for (const { s, at } of optional) {
    if (length >= MIN_ABSTRACT) break;
    const sentence = fill(s, ctx);
    if (chosen[at].includes(sentence)) continue;
    chosen[at].push(sentence);
    length += sentence.length + 1;
  }
  const [intro, gap, proposal, experiments] = fixed;
  const paragraphs = [
    [intro, gap],
    [proposal, ...chosen.method],
    [experiments, ...chosen.result, closing],
  ];
  // About one abstract in eight keeps arXiv's paragraph breaks, as some real ones do.
  return paragraphs.map((p) => p.join(' ')).join(r.chance(0.125) ? '\n' : ' ');
}

function makeKeywords(r, ctx) {
  const own = r.sample(ctx.topic.keywords, r.int(5, 10));
  return [...own, ctx.task, ...r.sample(GENERAL_KEYWORDS, r.int(0, 3))];
}

// ---------------------------------------------------------------------------------------------
// People and organisations

function personName(r) {
  return `${r.pick(FIRST_NAMES)} ${r.pick(LAST_NAMES)}`;
}

/** A HF username in one of the styles people pick: handle, joined name, name plus digits. */
function username(r, fullname) {
  const parts = fullname
    .replace(/Ł/g, 'L')
    .replace(/ł/g, 'l')
    .normalize('NFD')
    .replace(/[^\x20-\x7e]/g, '')
    .replace(/[^A-Za-z ]/g, '')
    .split(' ')
    .filter(Boolean);
  const first = parts[0] ?? 'user';
  const last = parts.at(-1) ?? 'hf';
  const styles = [
    `${first[0]?.toLowerCase()}${last.toLowerCase()}`,
    `${first}${last}`,
    `${first.toLowerCase()}-${last.toLowerCase()}`,
    `${first}${r.int(1, 2024)}`,
    `${last.toLowerCase()}${first.toLowerCase()}${r.int(0, 99)}`,
  ];
  return r.pick(styles);
}

/** @returns {HfUser} */
function makeUser(r, fullname) {
  const id = objectId(r.int(1_600_000_000, 1_760_000_000), r.hex(16), 0);
  const name = username(r, fullname);
  const avatarUrl = r.chance(0.55)
    ? `/avatars/${r.hex(32)}.svg`
    : `https://cdn-avatars.huggingface.co/v1/production/uploads/${id}/${r.token(21)}.${r.pick(['jpeg', 'png'])}`;
  return { _id: id, avatarUrl, isPro: r.chance(0.12), fullname, user: name, type: 'user', name };
}

/** The richer user object of the entry's `submittedBy`, with HF's field order. */
function submitterOf(r, user) {
  return defined({
    _id: user._id,
    avatarUrl: user.avatarUrl,
    fullname: user.fullname,
    name: user.name,
    type: /** @type {const} */ ('user'),
    isPro: user.isPro,
    isHf: false,
    isHfAdmin: false,
    isMod: false,
    followerCount: r.chance(0.6) ? heavyTail(r, 400, 3) : undefined,
    isUserFollowing: false,
  });
}

/** @returns {HfAuthor[]} */
function makeAuthors(r, count, day, idPrefix, seconds) {
  return Array.from({ length: count }, (_, i) => {
    const name = personName(r);
    const _id = objectId(seconds, idPrefix, i);
    if (!r.chance(0.3)) return { _id, name, hidden: r.chance(0.01) };
    const status = r.chance(0.8) ? 'claimed_verified' : 'admin_assigned';
    const changed = iso(dayStart(day) + r.int(1, 6 * 24 * 3600) * 1000 + r.int(0, 999));
    return { _id, user: makeUser(r, name), name, status, statusLastChangedAt: changed, hidden: false };
  });
}

/** @returns {HfOrganization} organisations keep one id and avatar everywhere, as on the Hub. */
function makeOrganization(r) {
  const [name, fullname] = r.pick(ORGANIZATIONS);
  const o = rng(hashSeed('org', name));
  const _id = objectId(o.int(1_600_000_000, 1_750_000_000), o.hex(16), 0);
  const avatar = o.chance(0.8)
    ? `https://cdn-avatars.huggingface.co/v1/production/uploads/${_id}/${o.token(21)}.png`
    : `https://www.gravatar.com/avatar/${o.hex(32)}?d=retro&size=100`;
  return { _id, name, fullname, avatar };
}

function slugOf(method) {
  return (
    method
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'paper'
  );
}

// ---------------------------------------------------------------------------------------------
// Entries

const ENTRY_ONLY = new Set(['publishedAt', 'thumbnail', 'numComments', 'submittedBy', 'isAuthorParticipating']);
const MIRRORED = new Set(['title', 'summary', 'organization', 'mediaUrls']);

/** @param {Record<string, unknown>} target @param {string} key @param {unknown} value */
function setField(target, key, value) {
  if (value === undefined) delete target[key];
  else target[key] = value;
}

/**
 * Applies overrides in place the way the API would show them: `title`, `summary`,
 * `organization`, `mediaUrls` on both the entry and its paper; `publishedAt`, `thumbnail`,
 * `numComments`, `submittedBy`, `isAuthorParticipating` on the entry; any other key on the paper;
 * `paper: {...}` on the paper only. A value of `undefined` removes the field.
 * @param {HfEntry} entry
 * @param {Record<string, unknown>} overrides
 * @returns {HfEntry}
 */
export function applyOverrides(entry, overrides) {
  const paper = /** @type {Record<string, unknown>} */ (/** @type {unknown} */ (entry.paper));
  const top = /** @type {Record<string, unknown>} */ (/** @type {unknown} */ (entry));
  for (const [key, value] of Object.entries(overrides)) {
    if (key === 'paper') {
      for (const [k, v] of Object.entries(/** @type {Record<string, unknown>} */ (value ?? {}))) setField(paper, k, v);
    } else if (MIRRORED.has(key)) {
      setField(paper, key, value);
      setField(top, key, value);
    } else if (ENTRY_ONLY.has(key)) {
      setField(top, key, value);
    } else {
      setField(paper, key, value);
    }
  }
  return entry;
}

/** Optional paper fields, each present on some entries and absent on others. */
function makeExtras(r, ctx, submitterId) {
  const owner = r.chance(0.5) ? username(r, personName(r)).toLowerCase() : r.pick(ORGANIZATIONS)[0];
  const slug = slugOf(ctx.method);
  const githubRepo = r.chance(0.55) ? `https://github.com/${owner}/${slug}` : undefined;
  const projectPage = r.chance(0.4)
    ? (() => {
        const host = r.pick(PAGE_HOSTS);
        return host === 'github.io' ? `https://${owner}.github.io/${slug}/` : `https://${slug}.${host}/`;
      })()
    : undefined;
  const mediaUrls = r.chance(0.15)
    ? Array.from(
        { length: r.int(1, 3) },
        () => `https://cdn-uploads.huggingface.co/production/uploads/${submitterId}/${r.token(21)}.${r.chance(0.3) ? 'mp4' : 'png'}`,
      )
    : undefined;
  const organization = r.chance(0.5) ? makeOrganization(r) : undefined;
  return { githubRepo, projectPage, mediaUrls, organization };
}

/**
 * One `/api/daily_papers` entry, deterministic in (id, day, seed), with HF's field order.
 * @param {{ id?: string, day: string, seed?: number } & Record<string, unknown>} options
 *   `id` defaults to paperId(day, 0); other keys are overrides (see applyOverrides).
 * @returns {HfEntry}
 */
export function makeEntry({ id, day, seed = 1, ...overrides }) {
  const paperKey = id ?? paperId(day, 0);
  const listed = dayStart(day);
  const r = rng(hashSeed(seed, day, paperKey));
  const ctx = paperContext(r);

  const authorsSeconds = Math.floor(listed / 1000) - r.int(3600, 20 * 3600);
  const idPrefix = r.hex(16);
  const authorCount = Math.min(2 + heavyTail(r, 10, 1.8), 12);
  const authors = makeAuthors(r, authorCount, day, idPrefix, authorsSeconds);
  const claimed = authors.flatMap((a) => (a.user ? [a.user] : []));
  const submitterUser = claimed.length > 0 && r.chance(0.75) ? r.pick(claimed) : makeUser(r, personName(r));
  const extras = makeExtras(r, ctx, submitterUser._id);
  // arXiv dates a paper a few days before HF lists it; the entry's own publishedAt sits 4 h earlier.
  const arxivTime = listed - Math.min(1 + heavyTail(r, 13, 2), 14) * DAY_MS;

  const title = makeTitle(r, ctx);
  const summary = makeAbstract(r, ctx, extras.githubRepo);
  const withAi = r.chance(0.65);

  // Literals in HF's field order; absent optional fields are dropped by `defined`.
  const { githubRepo, projectPage, mediaUrls, organization } = extras;
  /** @type {HfPaper} */
  const paper = defined({
    id: paperKey,
    authors,
    mediaUrls,
    publishedAt: iso(arxivTime),
    submittedOnDailyAt: iso(listed),
    title,
    submittedOnDailyBy: { ...submitterUser },
    summary,
    upvotes: upvoteCount(r),
    discussionId: objectId(authorsSeconds + 1, idPrefix, authorCount + 1),
    projectPage,
    githubRepo,
    githubRepoAddedBy: githubRepo && 'user',
    ai_summary: withAi ? fill(r.pick(AI_SUMMARIES), ctx) : undefined,
    ai_keywords: withAi ? makeKeywords(r, ctx) : undefined,
    ai_summary_model: withAi ? AI_SUMMARY_MODEL : undefined,
    githubStars: githubRepo ? heavyTail(r, 5000, 6) : undefined,
    organization,
  });
  /** @type {HfEntry} */
  const entry = defined({
    paper,
    publishedAt: iso(arxivTime - 4 * 3600_000),
    title,
    summary,
    mediaUrls: mediaUrls && [...mediaUrls],
    thumbnail: `https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/${paperKey}.png`,
    numComments: heavyTail(r, 12, 3),
    submittedBy: submitterOf(r, submitterUser),
    organization: organization && { ...organization },
    isAuthorParticipating: claimed.length > 0,
  });
  return applyOverrides(entry, overrides);
}

/**
 * The entries of one listing day: indexes start..start+count-1, ids paperId(day, index).
 * @param {string} day YYYY-MM-DD
 * @param {number} count
 * @param {{ seed?: number, start?: number }} [options] `start` lets a caller append to a day.
 * @returns {HfEntry[]}
 */
export function makeDay(day, count, { seed = 1, start = 0 } = {}) {
  return Array.from({ length: count }, (_, i) => makeEntry({ id: paperId(day, start + i), day, seed }));
}
