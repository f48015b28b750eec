// The baseline: what the only existing Hugging Face Daily Papers extension does on every open —
// fetch the listing from the source, parse it, render cards. No storage, no cache of its own.
const source = new URLSearchParams(location.search).get('source') ?? 'https://huggingface.co';
const list = document.getElementById('list');
const status = document.getElementById('status');

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function card(entry) {
  const paper = entry.paper;
  const article = el('article');
  article.append(el('span', 'upvotes', `▲ ${paper.upvotes}`));
  const title = el('h2');
  const link = el('a', '', paper.title);
  link.href = `https://huggingface.co/papers/${paper.id}`;
  link.target = '_blank';
  title.append(link);
  article.append(title);
  const authors = paper.authors.map((author) => author.name);
  const byline = authors.slice(0, 3).join(', ') + (authors.length > 3 ? ` and ${authors.length - 3} more` : '');
  const org = entry.organization?.fullname ?? paper.organization?.fullname;
  article.append(el('p', 'meta', org ? `${byline} · ${org}` : byline));
  article.append(el('p', 'abstract', paper.summary));
  const links = el('p', 'meta');
  const arxiv = el('a', '', 'arXiv');
  arxiv.href = `https://arxiv.org/abs/${paper.id}`;
  links.append(arxiv, ` · ${entry.numComments} comments`);
  article.append(links);
  return article;
}

try {
  const response = await fetch(`${source.replace(/\/+$/, '')}/api/daily_papers`);
  const entries = await response.json();
  const fragment = document.createDocumentFragment();
  for (const entry of entries) fragment.append(card(entry));
  list.append(fragment);
  status.textContent = `${entries.length} papers`;
} catch (error) {
  status.textContent = `Failed: ${error}`;
}
