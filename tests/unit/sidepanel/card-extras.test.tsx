import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { signal } from '@preact/signals';
import { PaperCard, type CardPaper } from '@/components/shared/PaperCard';
import { cardExtras } from '@/components/sidepanel/card-parts';
import { copyFocusedBibtex, copyOutcome } from '@/components/sidepanel/copy-citation';
import { HfViewLink } from '@/components/sidepanel/HfViewLink';
import { CardSettings } from '@/components/options/CardSettings';
import { cardLinksSetting, showImagesSetting } from '@/lib/settings/display';
import { makePaper } from '../../support/make-paper';

type StoredLinks = Parameters<typeof cardLinksSetting.setValue>[0];

afterEach(cleanup);

const CDN = 'https://cdn-uploads.huggingface.co/production/uploads/u';
const paper = (over: Partial<CardPaper> = {}): CardPaper => ({
  ...makePaper('2611.00001', { title: 'Scaling Diffusion Transformers', authors: ['Ada Lovelace'] }),
  firstSeenAt: 0,
  updatedAt: 0,
  listedDays: ['2026-11-20'],
  thumbnail: 'https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/2611.00001.png',
  mediaUrls: [`${CDN}/a.png`, `${CDN}/b.mp4`],
  submitter: { name: 'ada-l', fullname: 'Ada L.', avatarUrl: 'https://huggingface.co/avatars/a.svg' },
  ...over,
});
const ALL_LINKS = ['arxiv', 'pdf', 'arxivHtml', 'alphaxiv'] as const;
const card = (over: Partial<CardPaper> = {}, extras = cardExtras(true, ALL_LINKS)) =>
  render(<PaperCard paper={paper(over)} isNew={false} full extras={extras} />).container;

describe('a side panel card with images on', () => {
  it('shows the thumbnail lazily, in a box of fixed size, decorative beside the title', () => {
    const img = card().querySelector('.paper-thumb img')!;
    expect(img.getAttribute('src')).toBe('https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/2611.00001.png');
    expect(img.getAttribute('loading')).toBe('lazy');
    expect(img.getAttribute('decoding')).toBe('async');
    expect(img.getAttribute('alt')).toBe('');
  });

  it('removes the thumbnail’s box when the image fails to load', async () => {
    const container = card();
    fireEvent.error(container.querySelector('.paper-thumb img')!);
    await waitFor(() => expect(container.querySelector('.paper-thumb')).toBeNull());
  });

  it('loads no thumbnail from another host, even one stored by an earlier version', () => {
    expect(card({ thumbnail: 'https://tracker.example/pixel.png' }).querySelector('img[src*="tracker"]')).toBeNull();
  });

  it('opens the media on demand: images with their text, videos muted, with controls, not preloaded', () => {
    const container = card();
    const button = screen.getByRole('button', { name: 'Media (2)' });
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(container.querySelector('video')).toBeNull();
    fireEvent.click(button);
    expect(button.getAttribute('aria-expanded')).toBe('true');
    expect(screen.getByRole('region', { name: 'Media of “Scaling Diffusion Transformers”' })).toBeTruthy();
    expect(screen.getByRole('img', { name: 'Image 1 of 2' }).getAttribute('src')).toBe(`${CDN}/a.png`);
    const video = container.querySelector('video')!;
    expect(video.getAttribute('src')).toBe(`${CDN}/b.mp4`);
    expect(video.hasAttribute('controls')).toBe(true);
    expect(video.muted).toBe(true);
    expect(video.getAttribute('preload')).toBe('none');
    expect(video.hasAttribute('autoplay')).toBe(false);
  });

  it('says who submitted it, linked to their Hugging Face page', () => {
    card();
    const link = screen.getByRole('link', { name: 'Ada L.' });
    expect(link.getAttribute('href')).toBe('https://huggingface.co/ada-l');
    expect(link.closest('p')!.textContent).toBe('Submitted by Ada L.');
  });
});

describe('a side panel card with images off', () => {
  it('renders no image or video at all, and still the submitter and media-free links', () => {
    const container = card({}, cardExtras(false, ALL_LINKS));
    expect(container.querySelectorAll('img, video')).toHaveLength(0);
    expect(screen.queryByRole('button', { name: /Media/ })).toBeNull();
    expect(screen.getByRole('link', { name: 'Ada L.' })).toBeTruthy();
  });
});

describe('outbound links', () => {
  it('shows only the links chosen', () => {
    const container = card({}, cardExtras(false, ['arxiv', 'alphaxiv']));
    const hrefs = [...container.querySelectorAll('.links a')].map((a) => a.getAttribute('href'));
    expect(hrefs.slice(0, 2)).toEqual(['https://arxiv.org/abs/2611.00001', 'https://www.alphaxiv.org/abs/2611.00001']);
    expect(hrefs).not.toContain('https://arxiv.org/pdf/2611.00001');
  });

  it('leaves the popup’s compact card as it was: arXiv and PDF, no image', () => {
    const { container } = render(<PaperCard paper={paper()} isNew={false} />);
    expect([...container.querySelectorAll('.links a')].map((a) => a.textContent)).toEqual(['arXiv', 'PDF']);
    expect(container.querySelectorAll('img, video')).toHaveLength(0);
  });
});

describe('copying a citation', () => {
  it('copies the focused card’s BibTeX with the c key’s action, and the card says so', async () => {
    card();
    const write = vi.fn(async (_text: string) => undefined);
    copyFocusedBibtex({ focusedId: signal('2611.00001'), visible: signal([paper()]) }, write);
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Copied'));
    expect(write.mock.calls[0]![0]).toMatch(/^@misc\{lovelace2026scaling,/);
    copyOutcome.value = undefined;
  });

  it('offers BibTeX, a Markdown link and a plain citation', async () => {
    card();
    const writeText = vi.fn(async (_text: string) => undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    fireEvent.click(screen.getByRole('button', { name: 'Copy' }));
    fireEvent.click(screen.getByRole('button', { name: 'Markdown link' }));
    await waitFor(() => expect(writeText).toHaveBeenCalledWith('[Scaling Diffusion Transformers](https://huggingface.co/papers/2611.00001)'));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Copied'));
    // The choices close once one is taken.
    expect(screen.queryByRole('button', { name: 'Markdown link' })).toBeNull();
    copyOutcome.value = undefined;
  });

  it('says when the clipboard refused', async () => {
    card();
    Object.defineProperty(navigator, 'clipboard', { value: { writeText: () => Promise.reject(new Error('no focus')) }, configurable: true });
    fireEvent.click(screen.getByRole('button', { name: 'Copy' }));
    fireEvent.click(screen.getByRole('button', { name: 'Plain citation' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Could not copy'));
    copyOutcome.value = undefined;
  });
});

describe('the view’s page on Hugging Face', () => {
  it.each([
    [{ kind: 'day', day: '2026-11-20' } as const, 'https://huggingface.co/papers/date/2026-11-20'],
    [{ kind: 'week', week: '2026-W47' } as const, 'https://huggingface.co/papers/week/2026-W47'],
    [{ kind: 'month', month: '2026-11' } as const, 'https://huggingface.co/papers/month/2026-11'],
  ])('links %j', (view, href) => {
    render(<HfViewLink view={view} />);
    expect(screen.getByRole('link', { name: 'Open this view on Hugging Face' }).getAttribute('href')).toBe(href);
  });

  it('is absent from the other views', () => {
    const { container } = render(<HfViewLink view={{ kind: 'saved' }} />);
    expect(container.innerHTML).toBe('');
  });
});

describe('the options’ card settings', () => {
  it('stores Show images and the links chosen, checked when read back', async () => {
    render(<CardSettings />);
    const images = await screen.findByRole('checkbox', { name: 'Show images' });
    await waitFor(() => expect((images as HTMLInputElement).checked).toBe(true));
    fireEvent.click(images);
    await waitFor(async () => expect(await showImagesSetting.getValue()).toBe(false));
    fireEvent.click(screen.getByRole('checkbox', { name: 'PDF' }));
    await waitFor(async () => expect(await cardLinksSetting.getValue()).toEqual(['arxiv', 'arxivHtml', 'alphaxiv']));
  });

  it('reads a stored value it cannot use as the default', async () => {
    // Deliberately ill-typed: values another device or version might have stored.
    await cardLinksSetting.setValue('everything' as unknown as StoredLinks);
    expect(await cardLinksSetting.getValue()).toEqual(['arxiv', 'pdf', 'arxivHtml', 'alphaxiv']);
    await cardLinksSetting.setValue(['pdf', 'nope', 'arxiv'] as unknown as StoredLinks);
    expect(await cardLinksSetting.getValue()).toEqual(['arxiv', 'pdf']);
  });
});
