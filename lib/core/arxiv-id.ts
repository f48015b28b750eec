// A paper's id is its arXiv id in the new scheme: four digits (year and month), a dot, and a
// sequence number of four digits (to 2014) or five (since 2015). No version suffix: a paper
// keeps one id across its versions. Ids come from the source, other devices, imports and URLs,
// and each is checked against this one rule.

/** The id's pattern without anchors, to be embedded in a larger pattern (a paper page's URL). */
export const ARXIV_ID_SOURCE = String.raw`\d{4}\.\d{4,5}`;

/** A whole string that is an arXiv id. */
export const ARXIV_ID = new RegExp(`^${ARXIV_ID_SOURCE}$`);

export function isArxivId(value: unknown): value is string {
  return typeof value === 'string' && ARXIV_ID.test(value);
}
