import { highlight } from '@/lib/search/text';

/** Text with the search terms marked: segments become text nodes and <mark>s, never HTML. */
export function Highlighted({ text, terms }: { text: string; terms?: readonly string[] }) {
  if (!terms || terms.length === 0) return <>{text}</>;
  return <>{highlight(text, terms).map((segment, index) => (segment.match ? <mark key={index}>{segment.text}</mark> : segment.text))}</>;
}
