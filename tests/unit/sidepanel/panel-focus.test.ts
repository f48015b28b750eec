// The side panel's keyboard focus: j/k move it over the list shown, Enter or o open its paper.
import { signal } from '@preact/signals';
import { describe, expect, it } from 'vitest';
import { createPanelFocus } from '@/components/sidepanel/panel-focus';
import type { PaperSummary } from '@/lib/store/records';

const summary = (id: string) => ({ id }) as PaperSummary;

function focusOver(ids: string[]) {
  const visible = signal(ids.map(summary));
  const opened: string[] = [];
  const urls: string[] = [];
  const focus = createPanelFocus({ visible, openUrl: (url) => urls.push(url), opened: async (id) => void opened.push(id) });
  return { focus, visible, opened, urls };
}

describe('panel focus', () => {
  it('starts at the first card going down, the last going up, and stays within the list', () => {
    const down = focusOver(['a', 'b', 'c']).focus;
    down.moveFocus(1);
    expect(down.focusedId.value).toBe('a');
    down.moveFocus(5);
    expect(down.focusedId.value).toBe('c');
    down.moveFocus(-1);
    expect(down.focusedId.value).toBe('b');

    const up = focusOver(['a', 'b', 'c']).focus;
    up.moveFocus(-1);
    expect(up.focusedId.value).toBe('c');
    up.moveFocus(-9);
    expect(up.focusedId.value).toBe('a');
  });

  it('does nothing over an empty list, and forgets the card on a new view', () => {
    const { focus, visible } = focusOver([]);
    focus.moveFocus(1);
    expect(focus.focusedId.value).toBeUndefined();
    visible.value = [summary('a')];
    focus.moveFocus(1);
    expect(focus.focusedId.value).toBe('a');
    focus.clearFocus();
    expect(focus.focusedId.value).toBeUndefined();
  });

  it('opens the focused paper on Hugging Face, and only with a card focused', () => {
    const { focus, opened, urls } = focusOver(['2611.00001']);
    focus.openFocused();
    expect(urls).toEqual([]);
    focus.moveFocus(1);
    focus.openFocused();
    expect(urls).toEqual(['https://huggingface.co/papers/2611.00001']);
    expect(opened).toEqual(['2611.00001']);
  });
});
