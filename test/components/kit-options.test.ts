// @vitest-environment happy-dom
import { h, render } from 'preact';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { defaultLexicon } from '../../core/index.ts';

// WXT's storage reaches for the browser when first imported: give it the in-memory fake first.
vi.stubGlobal('chrome', fakeBrowser);
const { Options } = await import('../../components/options/Options.tsx');

const WAIT = { timeout: 5_000 };
const KIT = defaultLexicon().prompts!;
const first = KIT.items![0]! as { id: string; title: string; text: string };

const text = (el: Element | null | undefined) =>
  (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
const kitSection = () => document.querySelector('section[aria-labelledby="kit-heading"]')!;
const status = () => text(document.querySelector('[role="status"]'));
const button = (name: string, root: ParentNode = kitSection()) => {
  const found = [...root.querySelectorAll('button')].find((b) => text(b) === name);
  if (!found) throw new Error(`no button “${name}”`);
  return found;
};
/** The element `selector` finds in the kit's section, once it is drawn. */
function present(selector: string): Element {
  const found = kitSection().querySelector(selector);
  if (!found) throw new Error(`nothing matches ${selector}`);
  return found;
}
const promptRow = (id: string) => kitSection().querySelector(`li[data-prompt="${id}"]`)!;
const stored = async () =>
  ((await fakeBrowser.storage.local.get('personalLexicon')).personalLexicon ?? null) as {
    prompts?: unknown;
  } | null;
async function type(field: HTMLInputElement | HTMLTextAreaElement, value: string) {
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true }));
  await new Promise((resolve) => setTimeout(resolve, 0));
}

async function mount() {
  document.body.innerHTML = '<div id="app"></div>';
  render(h(Options, {}), document.getElementById('app')!);
  await vi.waitFor(() => expect(kitSection()).not.toBeNull(), WAIT);
}

beforeEach(() => {
  fakeBrowser.reset();
});

describe('the prompt kit on the options page', () => {
  it('lists every prompt of the kit in force, section by section', async () => {
    await mount();
    const headings = [...kitSection().querySelectorAll('.kit-section h3')].map(text);
    expect(headings).toEqual(KIT.sections!.map((s) => (s as { title: string }).title));
    expect(kitSection().querySelectorAll('li[data-prompt]')).toHaveLength(KIT.items!.length);
    expect(text(promptRow(first.id).querySelector('.kit-text'))).toBe(
      first.text.replace(/\s+/g, ' '),
    );
  });

  it('switches a built-in prompt off and on again, in the personal layer', async () => {
    await mount();
    button(`Switch off “${first.title}”`).click();
    await vi.waitFor(() => expect(status()).toBe(`“${first.title}” is switched off.`), WAIT);
    expect((await stored())?.prompts).toEqual({ disable: [first.id] });
    await vi.waitFor(() => expect(text(promptRow(first.id))).toContain('switched off'), WAIT);
    button(`Switch on “${first.title}”`).click();
    await vi.waitFor(() => expect(status()).toBe(`“${first.title}” is back in the kit.`), WAIT);
    expect((await stored())?.prompts).toBeUndefined();
  });

  it('words a built-in prompt anew, keeping only the text that changed, and restores it', async () => {
    await mount();
    button(`Change wording of “${first.title}”`).click();
    const form = await vi.waitFor(
      () => present(`form[aria-label="Wording of “${first.title}”"]`),
      WAIT,
    );
    await type(form.querySelector<HTMLTextAreaElement>('#kit-text')!, 'Ask how safe today feels.');
    button('Save', form).click();
    await vi.waitFor(() => expect(status()).toBe(`“${first.title}” has your wording now.`), WAIT);
    expect((await stored())?.prompts).toEqual({
      items: [{ id: first.id, text: 'Ask how safe today feels.' }],
    });
    await vi.waitFor(
      () =>
        expect(text(promptRow(first.id).querySelector('.kit-text'))).toBe(
          'Ask how safe today feels.',
        ),
      WAIT,
    );
    button(`Restore “${first.title}”`).click();
    await vi.waitFor(async () => expect((await stored())?.prompts).toBeUndefined(), WAIT);
  });

  it('adds a prompt of the clinician’s own to a section, and refuses one with no text', async () => {
    await mount();
    button('Add a prompt of your own').click();
    const form = await vi.waitFor(() => present('form[aria-label="A new prompt"]'), WAIT);
    const section = form.querySelector<HTMLSelectElement>('#kit-section')!;
    section.value = 'community-routes';
    section.dispatchEvent(new Event('change', { bubbles: true }));
    await type(form.querySelector<HTMLInputElement>('#kit-title')!, 'Tuesday peer group');
    button('Save', form).click();
    await vi.waitFor(() => expect(status()).toMatch(/^Not saved: /), WAIT);
    expect(status()).toBe('Not saved: “Tuesday peer group”: text must not be empty');
    expect(await stored()).toBeNull();

    await type(
      form.querySelector<HTMLTextAreaElement>('#kit-text')!,
      'The pain peer group meets on Tuesdays at {the library}.',
    );
    button('Save', form).click();
    await vi.waitFor(
      () => expect(status()).toBe('“Tuesday peer group” is added to the kit.'),
      WAIT,
    );
    expect((await stored())?.prompts).toEqual({
      items: [
        {
          id: 'mine-tuesday-peer-group',
          section: 'community-routes',
          kind: 'reminder',
          title: 'Tuesday peer group',
          text: 'The pain peer group meets on Tuesdays at {the library}.',
        },
      ],
    });
    await vi.waitFor(
      () => expect(text(promptRow('mine-tuesday-peer-group'))).toContain('Reminder · Yours'),
      WAIT,
    );
  });

  const reflectionRow = (id: string) => kitSection().querySelector(`li[data-reflection="${id}"]`)!;

  it('lists the reflections with what each says and the documents it is for', async () => {
    await mount();
    const ids = [...kitSection().querySelectorAll<HTMLElement>('li[data-reflection]')].map(
      (li) => li.dataset.reflection,
    );
    expect(ids).toEqual(['way-back-in', 'social-context', 'written-to-person', 'flag-summary']);
    expect(text(reflectionRow('way-back-in').querySelector('.muted'))).toBe(
      'For letters to the person, letters to the GP or a colleague · Built-in',
    );
  });

  it('switches a reflection off and on again', async () => {
    await mount();
    button('Switch off the reflection “A way back in”').click();
    await vi.waitFor(
      () => expect(status()).toBe('The reflection “A way back in” is switched off.'),
      WAIT,
    );
    expect((await stored())?.prompts).toEqual({ disable: ['way-back-in'] });
    await vi.waitFor(
      () => expect(text(reflectionRow('way-back-in'))).toContain('switched off'),
      WAIT,
    );
    button('Switch on the reflection “A way back in”').click();
    await vi.waitFor(
      () => expect(status()).toBe('The reflection “A way back in” is shown again.'),
      WAIT,
    );
    expect((await stored())?.prompts).toBeUndefined();
  });

  it('words a reflection anew and adds a cue phrase, keeping only what changed, then restores it', async () => {
    await mount();
    const contactCues = (KIT.reflections!.find((r) => r.id === 'way-back-in')!.cues ?? {}).contact!;
    button('Change wording of the reflection “A way back in”').click();
    const form = await vi.waitFor(
      () => present('form[aria-label="Wording of the reflection “A way back in”"]'),
      WAIT,
    );
    await type(
      form.querySelector<HTMLTextAreaElement>('#reflection-message-way-back-in')!,
      'No way back in is written here yet.',
    );
    const contact = form.querySelector<HTMLTextAreaElement>(
      '#reflection-cues-way-back-in-contact',
    )!;
    expect(contact.value.split('\n')).toEqual(contactCues);
    // A phrase that could never be found is refused, and nothing is stored.
    await type(contact, `${contact.value}\nring the Riverside desk!`);
    button('Save', form).click();
    await vi.waitFor(() => expect(status()).toMatch(/^Not saved: /), WAIT);
    expect(status()).toContain('"ring the Riverside desk!" contains "!"');
    expect(await stored()).toBeNull();

    await type(contact, `${contactCues.join('\n')}\nring the Riverside desk\n`);
    button('Save', form).click();
    await vi.waitFor(
      () => expect(status()).toBe('The reflection “A way back in” has your wording now.'),
      WAIT,
    );
    expect((await stored())?.prompts).toEqual({
      reflections: [
        {
          id: 'way-back-in',
          message: 'No way back in is written here yet.',
          cues: { contact: [...contactCues, 'ring the Riverside desk'] },
        },
      ],
    });
    await vi.waitFor(
      () =>
        expect(text(reflectionRow('way-back-in').querySelector('.kit-text'))).toBe(
          'No way back in is written here yet.',
        ),
      WAIT,
    );
    button('Restore the reflection “A way back in”').click();
    await vi.waitFor(async () => expect((await stored())?.prompts).toBeUndefined(), WAIT);
  });
});
