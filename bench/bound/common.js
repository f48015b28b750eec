// The lower bounds: what any page must at least do to show Paperboy's stored papers, with no
// library and no UI beyond the cards. They open the extension's own database (same origin) read
// only, as it is: no version, so no upgrade. Opened by the bench like the popup and side panel.

/** Opens the extension's database at its current version. */
export function openDb() {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open('paperboy');
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

export const result = (request) =>
  new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });

/** One card: title, authors and upvotes, and the abstract when there is one (textContent only). */
export function card(paper) {
  const article = document.createElement('article');
  const title = document.createElement('h2');
  title.textContent = paper.title;
  const meta = document.createElement('p');
  meta.className = 'meta';
  meta.textContent = `▲ ${paper.upvotes} · ${paper.authors.slice(0, 3).join(', ')}`;
  article.append(title, meta);
  if (paper.abstract) {
    const abstract = document.createElement('p');
    abstract.className = 'abstract';
    abstract.textContent = paper.abstract;
    article.append(abstract);
  }
  return article;
}
