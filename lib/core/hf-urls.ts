// Addresses on Hugging Face built or accepted by Paperboy: its images and its users' pages (its
// listing pages are in hf-pages.ts). Images are loaded by the reader without a click, so only
// Hugging Face's own hosts may serve them: a mirror or a changed answer cannot make the reader
// fetch from anywhere else (a tracking pixel, a local address).
import { safeHttpsUrl } from './urls';

const HF = 'https://huggingface.co';

/** huggingface.co itself or one of its subdomains (cdn-thumbnails, cdn-uploads, cdn-avatars…). */
function isHfHost(hostname: string): boolean {
  return hostname === 'huggingface.co' || hostname.endsWith('.huggingface.co');
}

/**
 * An image or video address Paperboy may load: `https:` on a Hugging Face host, on the default
 * port, normalised; anything else is undefined. A path on huggingface.co (`/avatars/….svg`, as
 * the source writes avatars) is read against it.
 */
export function hfMediaUrl(value: unknown): string | undefined {
  if (typeof value !== 'string' || value === '') return undefined;
  let href: string | undefined;
  try {
    // Only a path: a protocol-relative `//host/…` would read as another host.
    href = safeHttpsUrl(value.startsWith('/') && !value.startsWith('//') ? new URL(value, HF).href : value);
  } catch {
    return undefined;
  }
  if (!href) return undefined;
  const url = new URL(href);
  return isHfHost(url.hostname) && url.port === '' ? href : undefined;
}

/** Whether an address is a video the reader can play (`.mp4`, as the source sends them). */
export function isVideoUrl(href: string): boolean {
  return /\.mp4$/i.test(new URL(href).pathname);
}

// Hugging Face user and organisation names: letters, digits, '-', '_', '.'; not starting with a dot.
const HF_NAME = /^[A-Za-z0-9_-][A-Za-z0-9._-]{0,95}$/;

export function isHfUserName(value: unknown): value is string {
  return typeof value === 'string' && HF_NAME.test(value);
}

/** A user's page on Hugging Face, or undefined for a name that is not one. */
export function hfUserUrl(name: string): string | undefined {
  return isHfUserName(name) ? `${HF}/${name}` : undefined;
}
