/**
 * Saves text as a file through a Blob URL and `<a download>`: no `downloads` permission, and
 * the user's browser decides where it goes.
 */
function downloadText(text: string, filename: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started by now; the URL is only needed until then.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export type ExportKind = 'bibtex' | 'json';

/** Serialises (the exporters load on first use, off the pages' start-up) and downloads. */
export async function exportPapers(
  kind: ExportKind,
  papers: Parameters<typeof import('@/lib/transfer/export').toJson>[0],
  name: string,
  now: number,
): Promise<void> {
  const { toBibtex, toJson } = await import('@/lib/transfer/export');
  const day = new Date(now).toISOString().slice(0, 10);
  if (kind === 'bibtex') downloadText(toBibtex(papers), `paperboy-${name}-${day}.bib`, 'application/x-bibtex;charset=utf-8');
  else downloadText(toJson(papers, now), `paperboy-${name}-${day}.json`, 'application/json;charset=utf-8');
}
