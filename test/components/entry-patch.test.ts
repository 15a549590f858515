// @vitest-environment happy-dom
// The options page's "Change wording" form on a built-in entry, in the real Options component
// over WXT's in-memory browser: what is stored, merged with a level already changed, refused
// when invalid, and taken away whole by "Restore".
import { h, render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { defaultLexicon } from '../../core/index.ts';

// WXT's storage reaches for the browser when first imported: give it the in-memory fake first.
vi.stubGlobal('chrome', fakeBrowser);
const { Options } = await import('../../components/options/Options.tsx');
const { personalLexiconItem } = await import('../../extension/layers.ts');

const claims = defaultLexicon().entries.find((e) => e.id === 'claims')!;
const NEW_WHY =
  'It can make the person’s own account sound like an assertion to be tested, whatever you meant.';

const $ = <T extends Element = HTMLElement>(selector: string, root: ParentNode = document) =>
  root.querySelector<T>(selector);
const status = () => $('.status')?.textContent ?? '';
const row = (id: string) => $(`tr[data-entry="${id}"]`);

/** The button whose text (its hidden words included) is `name`, as a screen reader names it. */
function button(name: string, root: ParentNode = document): HTMLButtonElement {
  const found = [...root.querySelectorAll('button')].find((b) => b.textContent === name);
  if (!found) throw new Error(`no button “${name}”`);
  return found;
}

/**
 * Types into a field as Preact hears it: the value, then an input event, then a task for the
 * render (as between a keystroke and a click in a browser).
 */
async function type(field: HTMLInputElement | HTMLTextAreaElement, value: string) {
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true }));
  await new Promise((done) => setTimeout(done));
}

async function openPage() {
  document.body.innerHTML = '<div id="app"></div>';
  render(h(Options, {}), $('#app')!);
  await vi.waitFor(() => expect(row('claims')).not.toBeNull(), { timeout: 15_000 });
}

async function openWording(id: string) {
  button(`Change wording of ${id}`, row(id)!).click();
  await vi.waitFor(() => expect($('#wording-heading')?.textContent).toBe(`Wording of “${id}”`));
  return $<HTMLFormElement>('form[aria-labelledby="wording-heading"]')!;
}

beforeEach(() => fakeBrowser.reset());
afterEach(() => render(null, $('#app')!));

describe(
  'changing the wording of a built-in entry on the options page',
  { timeout: 60_000 },
  () => {
    it('stores only the changed why, merged with a changed level, and Restore takes it all away', async () => {
      await openPage();
      const level = $<HTMLSelectElement>('select[aria-label="Level of claims"]', row('claims')!)!;
      level.value = 'info';
      level.dispatchEvent(new Event('change', { bubbles: true }));
      await vi.waitFor(() => expect(status()).toBe('“claims” is now “Worth a thought”.'));

      const form = await openWording('claims');
      // The form shows the entry as it is, and says its tables of cases are kept.
      expect($<HTMLInputElement>('#wording-message', form)!.value).toBe(claims.message);
      expect($<HTMLTextAreaElement>('#wording-why', form)!.value).toBe(claims.why);
      expect($<HTMLTextAreaElement>('#wording-alternatives', form)!.value).toBe('');
      expect($('#wording-tables', form)!.textContent).toMatch(
        /^3 alternatives of this entry change with the words they replace \(“reports”, “tells us”, “says”\)/,
      );
      // The live test runs the entry's own examples.
      expect($('.trials', form)!.textContent).toContain(
        'Flag example 1: flags “claims” (as it should)',
      );
      expect($('.trials .corrected', form)!.textContent).toBe(
        'She reports that the pain has not changed since the injury.',
      );

      await type($<HTMLTextAreaElement>('#wording-why', form)!, NEW_WHY);
      button('Save', form).click();
      await vi.waitFor(() => expect(status()).toBe('“claims” has your wording now.'));
      // Only the why (and its en-US twin, which would otherwise hide it there) joins the level.
      expect(await personalLexiconItem.getValue()).toEqual({
        name: 'My changes',
        version: '1',
        entries: [
          {
            id: 'claims',
            severity: 'info',
            why: NEW_WHY,
            locales: { 'en-US': { why: NEW_WHY } },
          },
        ],
        disable: [],
      });
      expect($('#wording-heading')).toBeNull();
      await vi.waitFor(() => expect(row('claims')!.textContent).toContain('changed by yours'));

      button('Restore claims', row('claims')!).click();
      await vi.waitFor(() =>
        expect(status()).toBe('“claims” is as the built-in lexicon has it again.'),
      );
      expect(await personalLexiconItem.getValue()).toEqual({
        name: 'My changes',
        version: '1',
        entries: [],
        disable: [],
      });
      await vi.waitFor(() => expect(row('claims')!.textContent).not.toContain('changed by yours'));
    });

    it('replaces the alternatives with their corrections, refuses an empty message, and saves nothing unchanged', async () => {
      await openPage();
      let form = await openWording('claims');
      button('Save', form).click();
      await vi.waitFor(() =>
        expect(status()).toBe('Nothing to save: the wording of “claims” is as it was.'),
      );
      expect(await personalLexiconItem.getValue()).toBeNull();

      form = await openWording('claims');
      await type($<HTMLInputElement>('#wording-message', form)!, '  ');
      button('Save', form).click();
      await vi.waitFor(() =>
        expect(status()).toBe('Not saved: “claims”: message must not be empty'),
      );
      expect(await personalLexiconItem.getValue()).toBeNull();

      await type($<HTMLInputElement>('#wording-message', form)!, claims.message);
      await type($<HTMLTextAreaElement>('#wording-alternatives', form)!, 'describes\n');
      // The live test follows the new alternative at once.
      await vi.waitFor(() =>
        expect($('.trials .corrected', form)!.textContent).toBe(
          'She describes that the pain has not changed since the injury.',
        ),
      );
      button('Save', form).click();
      await vi.waitFor(() => expect(status()).toBe('“claims” has your wording now.'));
      expect(await personalLexiconItem.getValue()).toEqual({
        name: 'My changes',
        version: '1',
        entries: [
          {
            id: 'claims',
            alternatives: ['describes'],
            examples: {
              flag: [
                {
                  text: 'She claims that the pain has not changed since the injury.',
                  corrections: ['She describes that the pain has not changed since the injury.'],
                },
                {
                  text: 'He claimed he could not stand.',
                  corrections: ['He describes he could not stand.'],
                },
                {
                  text: 'The patient is claiming that the tablets make her dizzy.',
                  corrections: ['The patient is describes that the tablets make her dizzy.'],
                },
              ],
            },
          },
        ],
        disable: [],
      });
    });
  },
);
