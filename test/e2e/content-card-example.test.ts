// Advice-only flags: the card gives the advice and an example rewrite, and "Copy example" puts the
// rewritten sentence on the clipboard, through the Clipboard API on a secure page and through a
// hidden textarea and execCommand('copy') on a plain-http intranet page, where there is no
// navigator.clipboard. Either way the clinician's field keeps its text, its focus and its caret.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { compile, defaultLexicon } from '../../core/index.ts';
import { useBrowserSession, type BrowserSession } from './browser-session.ts';
import { controlState, liveText, resetSettings } from './content-helpers.ts';
import { cardText, openFixture } from './editor-scenario.ts';

const FIELD = '[data-testid="field"]';
/** An unfilled {gap} left by a suggestion: flagged with advice and an example, nothing to apply. */
const TEXT = 'He has not been taking his {medication} because it made him dizzy.';
const finding = compile([defaultLexicon()])
  .find(TEXT)
  .find((f) => f.entryId === 'unfilled-placeholder');
const INTRANET = 'ehr.intranet.test';

async function withPage(env: BrowserSession, run: (page: Page) => Promise<void>): Promise<void> {
  await env.withPage(async (page) => {
    await run(page);
  });
}

/** Type the text into the fixture's textarea, leave the caret after "taking", count its blurs. */
async function start(page: Page, origin: string): Promise<{ start: number; end: number }> {
  await openFixture(page, `${origin}/textarea.html`);
  await page.evaluate(() =>
    (window as unknown as { fixture: { setText(t: string): void } }).fixture.setText(''),
  );
  await page.locator(FIELD).click();
  await page.keyboard.type(TEXT, { delay: 0 });
  await expect.poll(async () => (await controlState(page, FIELD)).value).toBe(TEXT);
  const at = TEXT.indexOf('taking') + 'taking'.length;
  await page.locator(FIELD).evaluate((el, at) => {
    const field = el as HTMLTextAreaElement;
    field.setSelectionRange(at - 3, at);
    (window as unknown as { blurs: number }).blurs = 0;
    field.addEventListener('blur', () => (window as unknown as { blurs: number }).blurs++);
  }, at);
  // A second box on the page to paste into.
  await page.evaluate(() => {
    const paste = document.createElement('textarea');
    paste.id = 'paste';
    document.body.append(paste);
  });
  return { start: at - 3, end: at };
}

const blurs = (page: Page) => page.evaluate(() => (window as unknown as { blurs: number }).blurs);

/** What the clipboard holds, read the way a person would: pasted into another box. */
async function pasted(page: Page): Promise<string> {
  const box = page.locator('#paste');
  await box.fill('');
  await box.focus();
  await page.keyboard.press('Control+V');
  return box.inputValue();
}

async function openExampleCard(page: Page): Promise<void> {
  await page.keyboard.press('Alt+Enter');
  await expect.poll(() => cardText(page.mainFrame())).toContain('“{medication}”');
}

/** After copying: the field as it was, focused, caret unmoved; the card closed and it was said. */
async function expectFieldUntouched(page: Page, caret: { start: number; end: number }) {
  await expect.poll(() => liveText(page)).toBe('Example copied');
  expect(await cardText(page.mainFrame())).toBeNull();
  expect(await controlState(page, FIELD)).toEqual({ value: TEXT, ...caret, focused: true });
}

describe('the example rewrite of an advice-only flag', () => {
  it('is in the default lexicon (the unfilled-gap detector)', () => {
    expect(finding?.suggestions).toEqual([]);
    expect(finding?.advice).toBeTruthy();
    expect(finding?.rewrite?.after).toBeTruthy();
  });
});

describe('copying the example on a secure page (localhost), in Chromium with the extension', () => {
  const env = useBrowserSession(resetSettings);

  it('shows the advice and the example, and copies it with a click', async () => {
    await withPage(env, async (page) => {
      const caret = await start(page, env.server.url);
      expect(await page.evaluate(() => window.isSecureContext)).toBe(true);
      await openExampleCard(page);
      const { advice, rewrite } = finding!;
      const card = (await cardText(page.mainFrame()))!;
      expect(card).toContain(advice!);
      expect(card).toContain(`For example: ${rewrite!.before} → ${rewrite!.after}`);
      // Nothing to apply: no alternatives, so no preview either.
      expect(await page.locator('alongside-layer .card [role="option"]').count()).toBe(0);
      expect(await page.locator('alongside-layer .card .preview').count()).toBe(0);

      await page.locator('alongside-layer .card button', { hasText: 'Copy example' }).click();
      await expectFieldUntouched(page, caret);
      // The Clipboard API: focus never left the field.
      expect(await blurs(page)).toBe(0);
      expect(await pasted(page)).toBe(rewrite!.after);
    });
  });

  it('copies it from the keyboard: Tab reaches "Copy example", Enter copies', async () => {
    await withPage(env, async (page) => {
      const caret = await start(page, env.server.url);
      await openExampleCard(page);
      await page.keyboard.press('Tab');
      await expect
        .poll(() =>
          page.evaluate(
            () => document.querySelector('alongside-layer')?.shadowRoot?.activeElement?.textContent,
          ),
        )
        .toBe('Copy example');
      await page.keyboard.press('Enter');
      await expectFieldUntouched(page, caret);
      expect(await pasted(page)).toBe(finding!.rewrite!.after);
    });
  });
});

describe('copying the example on a plain-http intranet page, in Chromium with the extension', () => {
  const env = useBrowserSession(resetSettings, { localHosts: [INTRANET] });

  it('falls back to a hidden textarea and execCommand, then puts focus and caret back', async () => {
    await withPage(env, async (page) => {
      const origin = env.server.url.replace('127.0.0.1', INTRANET);
      const caret = await start(page, origin);
      expect(page.url().startsWith(`http://${INTRANET}:`)).toBe(true);
      expect(await page.evaluate(() => window.isSecureContext)).toBe(false);
      expect(await page.evaluate(() => 'clipboard' in navigator)).toBe(false);

      await openExampleCard(page);
      await page.locator('alongside-layer .card button', { hasText: 'Copy example' }).click();
      await expectFieldUntouched(page, caret);
      // The fallback took focus for a moment and gave it back.
      expect(await blurs(page)).toBe(1);
      // Our textarea is gone, and nothing was left in the page's DOM.
      expect(
        await page.evaluate(
          () =>
            document.querySelector('alongside-layer')?.shadowRoot?.querySelectorAll('textarea')
              .length,
        ),
      ).toBe(0);
      expect(await pasted(page)).toBe(finding!.rewrite!.after);
    });
  });

  it('copies from the keyboard as well', async () => {
    await withPage(env, async (page) => {
      const caret = await start(page, env.server.url.replace('127.0.0.1', INTRANET));
      await openExampleCard(page);
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      await expectFieldUntouched(page, caret);
      expect(await pasted(page)).toBe(finding!.rewrite!.after);
    });
  });
});
