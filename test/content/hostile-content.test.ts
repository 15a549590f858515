// @vitest-environment happy-dom
// Lexicon text is shown as text, never run as HTML: an entry, its alternatives and sources, a
// prompt and a reflection carrying markup (a service file or an import can hold anything that
// validates) come out literally in the card, the side panel, the reflections and the workshop.
import { h, render, type ComponentChild } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { compile, defaultLexicon, validateLexicon, type Lexicon } from '../../core/index.ts';

vi.stubGlobal('chrome', fakeBrowser);
const { SuggestionCard } = await import('../../components/card/SuggestionCard.tsx');
const { cardProps } = await import('../fixtures/card-props.ts');
const { PromptPanel } = await import('../../components/panel/PromptPanel.tsx');
const { LetterReflections } = await import('../../components/panel/LetterReflections.tsx');
const { panelKitFrom } = await import('../../components/panel/panel-kit.ts');
const { WorkshopResults } = await import('../../components/playground/WorkshopResults.tsx');

const PAYLOAD = '<img src=x onerror="globalThis.pwned=1">';
const SCRIPT = '<script>globalThis.pwned=1</script>';

const layer = validateLexicon(
  {
    name: 'Hostile',
    version: '1',
    entries: [
      {
        id: 'hostile-entry',
        category: 'labels',
        severity: 'warn',
        phrases: ['payload phrase'],
        message: `Message ${PAYLOAD}`,
        why: `Why ${SCRIPT}`,
        sources: [{ citation: `Cite ${PAYLOAD}`, year: 2020, url: 'https://example.org/a' }],
        alternatives: [`alt ${PAYLOAD}`],
        examples: {
          flag: [
            { text: 'The payload phrase is here.', corrections: [`The alt ${PAYLOAD} is here.`] },
          ],
          pass: ['Nothing here.'],
        },
      },
    ],
    prompts: {
      items: [
        {
          id: 'hostile-prompt',
          section: 'closing-well',
          kind: 'reminder',
          title: `Title ${PAYLOAD}`,
          text: `Text ${SCRIPT}`,
        },
      ],
      reflections: [{ id: 'flag-summary', message: `Flags ${PAYLOAD}: {count}` }],
    },
  },
  { below: [defaultLexicon()], examples: true },
);
if (!layer.ok) throw new Error(layer.errors.join('\n'));
const layers: Lexicon[] = [defaultLexicon(), layer.lexicon];
const text = 'The payload phrase is here.';
const finding = compile(layers)
  .find(text)
  .find((f) => f.entryId === 'hostile-entry')!;

/** Renders `node` and returns the host, after checking nothing in it became markup. */
function shown(node: ComponentChild): HTMLElement {
  document.body.innerHTML = '<div id="host"></div>';
  const host = document.querySelector<HTMLElement>('#host')!;
  render(node, host);
  expect(host.querySelectorAll('img, script, iframe, object, embed')).toHaveLength(0);
  expect([...host.querySelectorAll('*')].filter((el) => el.hasAttribute('onerror'))).toEqual([]);
  expect((globalThis as { pwned?: number }).pwned).toBeUndefined();
  return host;
}

afterEach(() => render(null, document.querySelector('#host')!));

describe('lexicon text with markup in it', () => {
  it('is shown as text in the suggestion card: message, why, alternative, source', () => {
    const host = shown(h(SuggestionCard, cardProps({ finding, text, whyOpen: true })));
    const words = host.textContent ?? '';
    for (const part of [
      `Message ${PAYLOAD}`,
      `Why ${SCRIPT}`,
      `alt ${PAYLOAD}`,
      `Cite ${PAYLOAD}`,
    ]) {
      expect(words).toContain(part);
    }
  });

  it('is shown as text in the side panel and its reflections', () => {
    const kit = panelKitFrom(layers, 'en-GB');
    const panel = shown(
      h(PromptPanel, {
        kit,
        favourites: [],
        query: '',
        status: '',
        onQuery: vi.fn(),
        onToggleFavourite: vi.fn(),
        onCopy: vi.fn(),
        onInsert: vi.fn(),
      }),
    );
    const prompt = panel.querySelector('[data-item="hostile-prompt"]')!;
    expect(prompt.querySelector('.prompt-title')!.textContent).toBe(`Title ${PAYLOAD}`);
    expect(prompt.querySelector('.prompt-text')!.textContent).toBe(`Text ${SCRIPT}`);

    const reflections = shown(
      h(LetterReflections, {
        kit,
        letter: {
          state: 'read',
          page: `Page ${PAYLOAD}`,
          letter: {
            text,
            kind: 'clinical-note',
            chosen: false,
            flags: [
              { category: 'labels', start: finding.start, end: finding.end, match: finding.match },
            ],
            waiting: false,
          },
        },
        hidden: [],
        onHide: vi.fn(),
        onShowHidden: vi.fn(),
        onShowFlag: vi.fn(),
      }),
    );
    expect(
      reflections.querySelector('[data-reflection="flag-summary"] .reflection-message')!
        .textContent,
    ).toBe(`Flags ${PAYLOAD}: 1`);
    expect(reflections.querySelector('.letter-where')!.textContent).toContain(`“Page ${PAYLOAD}”`);
  });

  it('is shown as text in the workshop results', () => {
    const host = shown(
      h(WorkshopResults, {
        comparison: {
          both: [],
          onlyAlongside: [finding],
          onlyYou: [{ start: 0, end: 3, text: `${PAYLOAD}` }],
        },
      }),
    );
    expect(host.textContent).toContain(`Message ${PAYLOAD}`);
    expect(host.querySelector('[data-group="you"] li')!.textContent).toBe(`“${PAYLOAD}”`);
  });
});
