// Only `https:` URLs may become links: the source's text is untrusted.

/**
 * An https URL with a host and no user name or password (`https://huggingface.co@evil.example/`
 * reads as Hugging Face but goes to evil.example), normalised; anything else is undefined.
 */
export function safeHttpsUrl(value: string | undefined): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && url.hostname && !url.username && !url.password ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** A paper "has code" when its code address would be shown (an https URL): the filter and the views' heads agree. */
export const hasCode = (paper: { githubRepo?: string }): boolean => safeHttpsUrl(paper.githubRepo) !== undefined;

/** Where the source's `githubRepo` points: GitHub is the only code host it has been seen to use. */
const CODE_HOSTS: ReadonlySet<string> = new Set(['github.com', 'www.github.com']);

/** A 'Code' link to a known code host, or only the host of an address elsewhere (shown, not linked). */
export type CodeLink = { href: string; host?: undefined } | { href?: undefined; host: string };

export function codeLink(value: string | undefined): CodeLink | undefined {
  const href = safeHttpsUrl(value);
  if (!href) return undefined;
  // The URL parser gives the host in ASCII (punycode): a look-alike name shows as what it is.
  const { hostname } = new URL(href);
  return CODE_HOSTS.has(hostname) ? { href } : { host: hostname };
}

/** The links a card may show beside Hugging Face's (its title), in the order they are shown. */
export const OUTBOUND_LINKS = ['arxiv', 'pdf', 'arxivHtml', 'alphaxiv'] as const;
export type OutboundLink = (typeof OUTBOUND_LINKS)[number];

export function paperLinks(id: string): Record<'hf' | OutboundLink, string> {
  const encoded = encodeURIComponent(id);
  return {
    hf: `https://huggingface.co/papers/${encoded}`,
    arxiv: `https://arxiv.org/abs/${encoded}`,
    pdf: `https://arxiv.org/pdf/${encoded}`,
    arxivHtml: `https://arxiv.org/html/${encoded}`,
    alphaxiv: `https://www.alphaxiv.org/abs/${encoded}`,
  };
}
