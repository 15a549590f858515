// Shared by the hostile-*.test.ts browser tests: the pages whose own script forges Alongside's
// events (fixtures/hostile-forger.ts), a letter put in their field, and applying a suggestion
// from the card as a clinician would.
import type { Frame, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { Hostile } from './fixtures/hostile-forger.ts';
import { flagCount } from './content-helpers.ts';
import { cardLocator, cardText, flagCentre, modelText, openFixture } from './editor-scenario.ts';

export const LETTER = 'She claims her pain is bad.';
export const APPLIED = 'She reports her pain is bad.';

type HostileWindow = Window & {
  hostile: Hostile;
  fixture: { setText(text: string): void };
};

/** Calls one of the page's hostile behaviours (in the page's own world), or reads what it heard. */
export function hostile<K extends keyof Hostile>(
  page: Page,
  name: K,
  ...args: Hostile[K] extends (...a: infer A) => unknown ? A : []
): Promise<Hostile[K] extends (...a: never[]) => infer R ? Awaited<R> : Hostile[K]> {
  return page.evaluate(
    ([name, args]) => {
      const value = (window as unknown as HostileWindow).hostile[name as keyof Hostile];
      return typeof value === 'function'
        ? (value as (...a: unknown[]) => unknown)(...(args as unknown[]))
        : value;
    },
    [name, args] as const,
  ) as never;
}

/** Opens a hostile page with `text` in its field, once its flag for "claims" is drawn. */
export async function openWithLetter(page: Page, url: string, text = LETTER): Promise<Frame> {
  const frame = await openFixture(page, url);
  await page.evaluate((t) => (window as unknown as HostileWindow).fixture.setText(t), text);
  await expect.poll(() => modelText(page)).toBe(text);
  await expect.poll(() => flagCount(frame)).toBeGreaterThan(0);
  return frame;
}

/** Clicks the flag on "claims", then the card's first choice ("reports"). */
export async function applyClaimsByMouse(page: Page, frame: Frame): Promise<void> {
  const at = await flagCentre(page, frame, 'claims');
  await page.mouse.click(at.x, at.y);
  await expect.poll(() => cardText(frame)).toContain('“claims”');
  await (await cardLocator(frame, '[role="option"]')).first().click();
}

/** Whether focus is in the field (an editor's editable, or inside it). */
export const focusInField = (frame: Frame) =>
  frame.evaluate(() => {
    const field = document.querySelector('[data-testid="field"]');
    return !!field && (field === document.activeElement || field.contains(document.activeElement));
  });

/** The text before the caret in the field, and whether the selection is collapsed. */
export const caretIn = (frame: Frame) =>
  frame.evaluate(() => {
    const field = document.querySelector('[data-testid="field"]')!;
    const selection = getSelection()!;
    const range = document.createRange();
    range.setStart(field, 0);
    range.setEnd(selection.focusNode!, selection.focusOffset);
    return { before: range.toString(), collapsed: selection.isCollapsed };
  });
