// Only `https:` URLs may become links: the source's text is untrusted.

export function safeHttpsUrl(value: string | undefined): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && url.hostname ? url.href : undefined;
  } catch {
    return undefined;
  }
}

export function paperLinks(id: string) {
  const encoded = encodeURIComponent(id);
  return {
    hf: `https://huggingface.co/papers/${encoded}`,
    arxiv: `https://arxiv.org/abs/${encoded}`,
    pdf: `https://arxiv.org/pdf/${encoded}`,
  };
}
