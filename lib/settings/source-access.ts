// A mirror Source needs its host permission, granted on the device that chose it: another
// device that receives the setting through storage.sync has to be granted it there too.
import { browser } from 'wxt/browser';
import { SOURCE_RULE, permissionPatternFor } from './items';

/** Whether Paperboy may read `source`: huggingface.co and local sources need no grant, a mirror its host permission. */
export async function maySyncFrom(source: string): Promise<boolean> {
  const pattern = permissionPatternFor(source);
  if (!pattern) return true;
  try {
    return await browser.permissions.contains({ origins: [pattern] });
  } catch {
    return false;
  }
}

/**
 * Gives back the host permission of a source no longer used (least privilege), unless the new
 * source is on the same origin. `previous` comes from storage: checked before it is used.
 */
export async function releaseSourceAccess(previous: unknown, current: unknown): Promise<void> {
  const old = SOURCE_RULE.check(previous);
  const next = SOURCE_RULE.check(current) ?? SOURCE_RULE.fallback;
  const pattern = old === undefined ? undefined : permissionPatternFor(old);
  if (!pattern || pattern === permissionPatternFor(next)) return;
  await browser.permissions.remove({ origins: [pattern] }).catch(() => false);
}
