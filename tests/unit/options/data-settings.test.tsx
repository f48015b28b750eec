import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DataSettings } from '@/components/options/DataSettings';
import { ExportMenu } from '@/components/sidepanel/ExportMenu';
import { PaperCard } from '@/components/shared/PaperCard';
import { stubRecord } from '@/lib/saved/store';
import { followStatusItem } from '@/lib/saved/follow-status';
import type { ImportOutcome } from '@/lib/protocol/messages';
import { EXPORT_FORMAT } from '@/lib/transfer/export-format';
import { MAX_IMPORT_BYTES } from '@/lib/transfer/import';
import { makePaper } from '../../support/make-paper';
import { recordingSend } from '../../support/fakes';

afterEach(cleanup);

function mount(outcome: ImportOutcome | Error) {
  const { send, sent } = recordingSend({
    importData: async () => {
      if (outcome instanceof Error) throw outcome;
      return outcome;
    },
  });
  render(<DataSettings send={send} />);
  return sent;
}

async function chooseFile(text: string) {
  const input = screen.getByLabelText('Import a Paperboy JSON export') as HTMLInputElement;
  const file = new File([text], 'export.json', { type: 'application/json' });
  fireEvent.change(input, { target: { files: [file] } });
}

describe('Saved papers settings', () => {
  const paper = { ...makePaper('2611.00001'), savedAt: 5 };
  const exported = JSON.stringify({ format: EXPORT_FORMAT, version: 1, papers: [paper], savedWithoutDetails: [{ id: '2611.00002', savedAt: 3 }] });

  it.each([
    [{ ok: true, added: 2, saved: 3, read: 1 } as ImportOutcome, 'Imported: 2 new papers, 3 newly saved, 1 newly read.'],
    [new Error('Could not establish connection'), 'Import failed: Could not establish connection. Nothing was imported.'],
  ])('checks the chosen file, sends its papers to the background and says what happened (%#)', async (outcome, message) => {
    const send = mount(outcome);
    await chooseFile(exported);
    await screen.findByText(message);
    expect(send).toHaveBeenCalledWith({ type: 'importData', papers: [paper], savedIds: [{ id: '2611.00002', savedAt: 3 }] });
  });

  it.each([
    ['{nope', 'That file is not JSON. Nothing was imported.'],
    [
      JSON.stringify({ format: EXPORT_FORMAT, version: 1, papers: [{ ...paper, id: '../x' }] }),
      'That file is not a Paperboy export this version can read (papers.0.id: not an arXiv id). Nothing was imported.',
    ],
  ])('refuses a malformed file without sending anything (%#)', async (text, message) => {
    const send = mount({ ok: true, added: 0, saved: 0, read: 0 });
    await chooseFile(text);
    await screen.findByText(message);
    expect(send).not.toHaveBeenCalled();
  });

  it.each([
    ['just over the stated size', MAX_IMPORT_BYTES + 1, 'That file is 32.1 MB; Paperboy imports files up to 32 MB. Nothing was imported.'],
    ['of a gigabyte', 1024 ** 3, 'That file is 1,024 MB; Paperboy imports files up to 32 MB. Nothing was imported.'],
  ])('refuses a file %s without reading it', async (_name, size, message) => {
    const send = mount({ ok: true, added: 0, saved: 0, read: 0 });
    expect(screen.getByText(/Files up to 32 MB\./)).toBeTruthy();
    const file = new File([exported], 'export.json', { type: 'application/json' });
    Object.defineProperty(file, 'size', { value: size });
    const read = vi.spyOn(file, 'text');
    fireEvent.change(screen.getByLabelText('Import a Paperboy JSON export'), { target: { files: [file] } });
    await screen.findByText(message);
    expect(read).not.toHaveBeenCalled();
    expect(send).not.toHaveBeenCalled();
  });

  it('reads a file of exactly the stated size', async () => {
    const send = mount({ ok: true, added: 1, saved: 1, read: 0 });
    const file = new File([exported], 'export.json', { type: 'application/json' });
    Object.defineProperty(file, 'size', { value: MAX_IMPORT_BYTES });
    fireEvent.change(screen.getByLabelText('Import a Paperboy JSON export'), { target: { files: [file] } });
    await screen.findByText('Imported: 1 new papers, 1 newly saved, 0 newly read.');
    expect(send).toHaveBeenCalledTimes(1);
  });

  it.each([
    [
      { at: 1, localOnly: { savedIds3: 4, savedIds5: 1 } },
      '5 saved papers stay on this device only: the browser’s sync storage for Paperboy is full. They are kept here, and exports include them.',
    ],
    [
      { at: 1, localOnly: {}, error: 'MAX_WRITE_OPERATIONS_PER_MINUTE quota exceeded' },
      'Saved papers could not be copied to your browser profile (MAX_WRITE_OPERATIONS_PER_MINUTE quota exceeded). They are kept on this device; Paperboy tries again at the next save or start-up.',
    ],
  ])('says plainly when saved papers cannot follow the user (%#)', async (status, message) => {
    await followStatusItem.setValue(status);
    mount({ ok: true, added: 0, saved: 0, read: 0 });
    await screen.findByText(message);
  });

  it('follows a status change while the page is open', async () => {
    mount({ ok: true, added: 0, saved: 0, read: 0 });
    await followStatusItem.setValue({ at: 1, localOnly: { savedIds0: 1 } });
    await screen.findByText(
      '1 saved paper stays on this device only: the browser’s sync storage for Paperboy is full. It is kept here, and exports include it.',
    );
    await followStatusItem.setValue({ at: 2, localOnly: {} });
    await waitFor(() => expect(screen.queryByText(/stays on this device only/)).toBeNull());
  });

  it('says when exporting saved papers finds none', async () => {
    mount({ ok: true, added: 0, saved: 0, read: 0 });
    fireEvent.click(screen.getByRole('button', { name: 'JSON' }));
    await screen.findByText('Nothing to export.');
  });
});

describe('side panel export menu', () => {
  it('shows its choices only when opened, and cannot export an empty view', async () => {
    const { container } = render(<ExportMenu papers={[]} view={{ kind: 'saved' }} />);
    expect(screen.queryByRole('button', { name: 'BibTeX', hidden: true })).toBeNull();
    const details = container.querySelector('details')!;
    details.open = true;
    fireEvent(details, new Event('toggle'));
    expect(await screen.findByRole('button', { name: 'BibTeX' })).toHaveProperty('disabled', true);
    expect(screen.getByText('Nothing to export.')).toBeTruthy();
  });
});

describe('a saved paper known only by its id', () => {
  it('shows its arXiv id and links, says its details are on their way, and no broken dates', () => {
    render(<PaperCard paper={stubRecord('2611.00007', 1)} isNew={false} full />);
    expect(screen.getByRole('heading').textContent).toBe('arXiv:2611.00007');
    expect(screen.getByText('Saved on another device — details are fetched from the source when it can be reached.')).toBeTruthy();
    expect(screen.queryByText(/^arXiv \S*/)).toBeNull();
    expect(screen.getByRole('link', { name: 'arXiv' }).getAttribute('href')).toBe('https://arxiv.org/abs/2611.00007');
  });
});
