// A page cannot drive the extension. It shares the main world with our page-world bridge, so its
// own script (fixtures/hostile-forger.ts) hears, forges and races every event between the bridge
// and the content script: the bridge makes only an edit whose expected text is at the selection,
// the content script believes no answer without reading the field back, nothing else the page
// sends makes it act, and a bridge of another protocol version never answers it.
import { describe, expect, it } from 'vitest';
import { BRIDGE_VERSION, readRequest } from '../../extension/bridge/protocol.ts';
import { useBrowserSession } from './browser-session.ts';
import { flagCount, liveText, resetSettings } from './content-helpers.ts';
import { cardText, modelText } from './editor-scenario.ts';
import { APPLIED, LETTER, applyClaimsByMouse, hostile, openWithLetter } from './hostile-pages.ts';

const env = useBrowserSession(resetSettings);
const ckeditor = () => `${env.server.url}/hostile-ckeditor.html`;
const editable = () => `${env.server.url}/hostile-editable.html`;

describe('the page-world bridge on a page that sends it requests of its own', () => {
  it('CKEditor 5: a request at a place whose text is not the expected text changes nothing', async () => {
    await env.withPage(async (page) => {
      await openWithLetter(page, ckeditor());
      // "pain" selected, "claims" expected: refused, and the model is exactly as it was.
      expect(await hostile(page, 'forgeRequest', 'pain', 'claims', 'Hacked')).toEqual(['refused']);
      expect(await modelText(page)).toBe(LETTER);
      // An older content script's request (no version) is not this bridge's to answer.
      expect(await hostile(page, 'forgeOldRequest', 'claims', 'Hacked')).toEqual([]);
      expect(await modelText(page)).toBe(LETTER);
      // The same request with the words that are there is made: so it was the check that refused
      // (the page could make that edit through its own editor anyway).
      expect(await hostile(page, 'forgeRequest', 'pain', 'pain', 'back pain')).toEqual([
        'replaced',
      ]);
      expect(await modelText(page)).toBe('She claims her back pain is bad.');
    });
  });
});

describe('the content script on a page that forges its events', () => {
  for (const [name, url] of [
    ['CKEditor 5', ckeditor],
    ['a contenteditable', editable],
  ] as const) {
    it(`${name}: forged events and look-alike messages make it do nothing`, async () => {
      await env.withPage(async (page) => {
        const frame = await openWithLetter(page, url());
        await expect.poll(() => flagCount(frame)).toBe(1);
        await frame.locator('[data-testid="field"]').click();
        await page.keyboard.press('Control+End');
        // What focusing the field announced ("1 suggestion in this field"), and nothing after.
        await expect.poll(() => liveText(frame)).not.toBe('');
        const live = await liveText(frame);
        expect(await hostile(page, 'sendOddEvents')).toBeGreaterThan(400);
        // Resolves once the page's own listener heard every message, in the tasks that gave
        // any listener of the content script the same messages.
        expect(await hostile(page, 'postLookalikes')).toBe(8);
        // Typing the content script checks: once its flags are drawn for it, everything sent
        // before has long been heard.
        await page.keyboard.type(' He refused the injection.');
        await expect.poll(() => flagCount(frame)).toBe(2);
        expect(await modelText(page)).toBe(`${LETTER} He refused the injection.`);
        expect(await cardText(frame)).toBeNull();
        expect(await liveText(frame)).toBe(live);
        // It asked the bridge for nothing.
        expect(await hostile(page, 'requests')).toEqual([]);
      });
    });
  }

  it('CKEditor 5: a forged "replaced" racing ours does not make a failed apply look done', async () => {
    await env.withPage(async (page) => {
      const frame = await openWithLetter(page, ckeditor());
      await hostile(page, 'raceReplies');
      await hostile(page, 'breakInsertContent');
      await applyClaimsByMouse(page, frame);
      await expect.poll(() => cardText(frame)).toContain('did not take the change');
      expect(await modelText(page)).toBe(LETTER);
      // One request, in this version, expecting the flagged words: no second route tried.
      const requests = (await hostile(page, 'requests')).map(readRequest);
      expect(requests).toEqual([
        { v: BRIDGE_VERSION, id: expect.any(String), expected: 'claims', text: 'reports' },
      ]);
    });
  });

  it('CKEditor 5: with a forged "replaced" racing it, the real apply is made once and is one undo step', async () => {
    await env.withPage(async (page) => {
      const frame = await openWithLetter(page, ckeditor());
      await hostile(page, 'raceReplies');
      await applyClaimsByMouse(page, frame);
      await expect.poll(() => modelText(page)).toBe(APPLIED);
      expect(await cardText(frame)).toBeNull();
      await page.keyboard.press('Control+z');
      await expect.poll(() => modelText(page)).toBe(LETTER);
    });
  });

  it('a contenteditable: a forged "replaced" with no bridge there does not make it skip its own route', async () => {
    await env.withPage(async (page) => {
      const frame = await openWithLetter(page, editable());
      await hostile(page, 'raceReplies');
      await applyClaimsByMouse(page, frame);
      await expect.poll(() => modelText(page)).toBe(APPLIED);
      expect(await cardText(frame)).toBeNull();
      await page.keyboard.press('Control+z');
      await expect.poll(() => modelText(page)).toBe(LETTER);
    });
  });

  for (const [name, url] of [
    ['CKEditor 5', ckeditor],
    ['a contenteditable', editable],
  ] as const) {
    it(`${name}: an older build's bridge in the page never hears it, and the edit is made once`, async () => {
      await env.withPage(async (page) => {
        const frame = await openWithLetter(page, url());
        await hostile(page, 'installOldBridge');
        await applyClaimsByMouse(page, frame);
        await expect.poll(() => modelText(page)).toBe(APPLIED);
        expect(await hostile(page, 'oldBridge')).toEqual({ requests: 0 });
        await page.keyboard.press('Control+z');
        await expect.poll(() => modelText(page)).toBe(LETTER);
      });
    });
  }
});
