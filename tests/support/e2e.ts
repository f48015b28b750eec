import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import type { launchExtension } from './browser.mjs';

type Extension = Awaited<ReturnType<typeof launchExtension>>;

export function badgeText(extension: Extension): Promise<string> {
  return extension.worker().evaluate(() => chrome.action.getBadgeText({}));
}

export async function waitForBadge(extension: Extension, predicate: (text: string) => boolean, timeout = 20_000): Promise<string> {
  const deadline = Date.now() + timeout;
  let text = await badgeText(extension);
  while (!predicate(text)) {
    if (Date.now() > deadline) {
      const title = await extension.worker().evaluate(() => chrome.action.getTitle({}));
      throw new Error(`badge stayed ${JSON.stringify(text)} (${title})`);
    }
    await new Promise((resolve) => setTimeout(resolve, 150));
    text = await badgeText(extension);
  }
  return text;
}

export async function openPage(extension: Extension, path: string): Promise<Page> {
  const page = await extension.context.newPage();
  await page.goto(extension.pageUrl(path));
  return page;
}

/** Sets Source in the options page, as a user would, and waits for the first sync's badge. */
export async function useSource(extension: Extension, url: string): Promise<void> {
  const options = await openPage(extension, 'options.html');
  const field = options.getByLabel('Source');
  await field.fill(url);
  await options.getByRole('button', { name: 'Save' }).click();
  await options.getByText(`Saved — syncing from ${url}`).waitFor();
  // A count, "99+" past 99.
  await waitForBadge(extension, (value) => /^\d+\+?$/.test(value));
  await options.close();
}

const axeSource: string = (createRequire(import.meta.url)('axe-core') as { source: string }).source;

/**
 * Runs axe-core in the page (evaluated over the DevTools protocol, so the extension's CSP
 * does not stop it) and returns the violations, described for a readable failure.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (
      globalThis as unknown as {
        axe: { run(context: Document, options: object): Promise<{ violations: { id: string; help: string; nodes: { target: unknown[] }[] }[] }> };
      }
    ).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map(
      (violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => JSON.stringify(node.target)).join(', ')})`,
    );
  });
  return violations;
}
