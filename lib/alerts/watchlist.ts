// The watchlist's rules and how a paper matches them. Pure: storage is in watchlist-store.ts.
import type { WatchHit } from '../store/records';

/** The kinds of rule: those a watch mark stored on a paper can name. */
export type WatchKind = WatchHit['kind'];
export const WATCH_KINDS: readonly WatchKind[] = ['keyword', 'author', 'organization', 'submitter'];

export interface WatchRule {
  kind: WatchKind;
  /** As the user typed it (trimmed), for display. */
  label: string;
  /** The normalised form: the rule's identity, and its storage key. */
  value: string;
  addedAt: number;
}

/** storage.sync allows 8 KB an item; a rule is a short phrase or a name. */
export const MAX_RULE_LENGTH = 100;

/**
 * The form rules are compared in: compatibility-folded (full-width "ＬＬａＭＡ" is "LLaMA"),
 * lower-cased, with Latin accents dropped ("Schölkopf" finds "Scholkopf") and runs of space
 * made one. Marks of other scripts (Japanese dakuten, Indic vowel signs) carry meaning and stay.
 */
export function normaliseText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\s+/gu, ' ')
    .trim();
}

export type RuleCheck = { ok: true; label: string; value: string } | { ok: false; reason: 'empty' | 'tooLong' };

export function checkRule(input: string): RuleCheck {
  const label = input.replace(/\s+/gu, ' ').trim();
  const value = normaliseText(label);
  if (!value) return { ok: false, reason: 'empty' };
  if (label.length > MAX_RULE_LENGTH) return { ok: false, reason: 'tooLong' };
  return { ok: true, label, value };
}

// Scripts written without spaces between words: a "word" there cannot be bounded by spaces,
// so a keyword that starts or ends in one matches inside longer runs ("模型" in "大语言模型").
const UNSPACED = /[\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}\p{scx=Thai}\p{scx=Lao}\p{scx=Khmer}\p{scx=Myanmar}]/u;
const WORD_CHAR = /[\p{L}\p{N}\p{M}_]/u;

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A whole-word, case-insensitive matcher for a normalised phrase. A letter or digit at either
 * end of the phrase must not continue into the text ("llama" is not in "llamas"), while an end
 * in punctuation needs no boundary ("c++", "llama-3" in "llama-3.1"), nor an end in an unspaced script.
 */
function phraseMatcher(value: string): (normalisedText: string) => boolean {
  const first = value[0] ?? '';
  const last = value[value.length - 1] ?? '';
  const bounded = (char: string) => WORD_CHAR.test(char) && !UNSPACED.test(char);
  const pattern = `${bounded(first) ? '(?<![\\p{L}\\p{N}\\p{M}_])' : ''}${escapeRegExp(value)}${bounded(last) ? '(?![\\p{L}\\p{N}\\p{M}_])' : ''}`;
  const regex = new RegExp(pattern, 'u');
  return (text) => regex.test(text);
}

export interface MatchablePaper {
  title: string;
  abstract: string;
  authors: readonly string[];
  organization?: string;
  aiKeywords?: readonly string[];
  /** Who put it on Daily Papers (a Hugging Face user). */
  submitter?: { name: string; fullname?: string };
}

/**
 * Builds the matcher for a set of rules once, for many papers:
 * - keywords: whole words or phrases in the title, abstract or AI keywords;
 * - authors: one author's whole name (not part of it: "Li" is not "Lin" nor "Li Wei");
 * - organizations: whole words of the organization ("Google" finds "Google DeepMind");
 * - submitters: the Hugging Face user who put it on Daily Papers, by user name (with or without
 *   "@") or whole full name.
 * Returns each rule a paper matches, authors first, then submitters, organizations, keywords.
 */
export function createWatchMatcher(rules: readonly WatchRule[]): (paper: MatchablePaper) => WatchHit[] {
  const order: Record<WatchKind, number> = { author: 0, submitter: 1, organization: 2, keyword: 3 };
  const sorted = [...rules].sort((a, b) => order[a.kind] - order[b.kind] || a.addedAt - b.addedAt);
  const byName = (kind: WatchKind) => kind === 'author' || kind === 'submitter';
  const tests = sorted.map((rule) => ({ rule, matches: byName(rule.kind) ? undefined : phraseMatcher(rule.value) }));
  return (paper) => {
    if (tests.length === 0) return [];
    let text: string | undefined;
    let authors: Set<string> | undefined;
    let organization: string | undefined;
    let submitter: Set<string> | undefined;
    const hits: WatchHit[] = [];
    for (const { rule, matches } of tests) {
      let hit = false;
      if (rule.kind === 'author') {
        authors ??= new Set(paper.authors.map(normaliseText));
        hit = authors.has(rule.value);
      } else if (rule.kind === 'submitter') {
        submitter ??= new Set([paper.submitter?.name, paper.submitter?.fullname].filter((name) => name !== undefined).map(normaliseText));
        hit = submitter.has(rule.value.startsWith('@') ? rule.value.slice(1) : rule.value);
      } else if (rule.kind === 'organization') {
        organization ??= normaliseText(paper.organization ?? '');
        hit = organization !== '' && matches!(organization);
      } else {
        // Fields joined by a line break: a phrase never matches across two of them.
        text ??= [paper.title, paper.abstract, ...(paper.aiKeywords ?? [])].map(normaliseText).join('\n');
        hit = matches!(text);
      }
      if (hit) hits.push({ kind: rule.kind, label: rule.label });
    }
    return hits;
  };
}

/** Two hit lists say the same thing (the stored one need not be rewritten). */
export function sameHits(a: readonly WatchHit[] | undefined, b: readonly WatchHit[] | undefined): boolean {
  const left = a ?? [];
  const right = b ?? [];
  return left.length === right.length && left.every((hit, index) => hit.kind === right[index]!.kind && hit.label === right[index]!.label);
}
