// @vitest-environment happy-dom
import { h, render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { compile, defaultLexicon, type Finding } from '../../core/engine.ts';
import { SuggestionCard, type SuggestionCardProps } from '../../components/card/SuggestionCard.tsx';

const matcher = compile([defaultLexicon()]);
const findIn = (text: string, id?: string): Finding =>
  matcher.find(text).find((f) => !id || f.entryId === id)!;

function show(overrides: Partial<SuggestionCardProps> & Pick<SuggestionCardProps, 'finding'>) {
  const props: SuggestionCardProps = {
    text: undefined,
    active: 0,
    kind: { kind: 'unsure', chosen: false },
    kindOpen: false,
    onApply: vi.fn(),
    onHighlight: vi.fn(),
    onCopyExample: vi.fn(),
    onToggleKinds: vi.fn(),
    onChooseKind: vi.fn(),
    onIgnoreHere: vi.fn(),
    onIgnoreEverywhere: vi.fn(),
    onTurnOffSite: vi.fn(),
    onClose: vi.fn(),
    ...overrides,
  };
  document.body.innerHTML = '<div id="host"></div>';
  render(h(SuggestionCard, props), document.querySelector('#host')!);
  return { props, card: document.querySelector('.card')! };
}

afterEach(() => render(null, document.querySelector('#host')!));

describe('SuggestionCard', () => {
  const text = 'Seen today. He refused the injection.';
  const refused = findIn(text);

  it('shows the highlighted choice in its sentence, changed words in <ins>', () => {
    const { card } = show({ finding: refused, text, active: 1 });
    const preview = card.querySelector('.preview')!;
    expect(preview.textContent).toBe(`After applying: He ${refused.suggestions[1]} the injection.`);
    expect([...preview.querySelectorAll('ins')].map((i) => i.textContent)).toEqual([
      refused.suggestions[1],
    ]);
    // The preview sits under the alternatives.
    expect(card.querySelector('.alternatives + .preview')).toBe(preview);
  });

  it('has no preview without the text it was found in', () => {
    const { card } = show({ finding: refused, text: undefined });
    expect(card.querySelector('.preview')).toBeNull();
  });

  it('gives an advice-only flag its advice, its example and a "Copy example" button', () => {
    const gapText = 'He has not been taking his {medication} because it made him dizzy.';
    const gap = findIn(gapText, 'unfilled-placeholder');
    const { card, props } = show({ finding: gap, text: gapText });
    expect(card.querySelector('[role="listbox"]')).toBeNull();
    expect(card.querySelector('.advice')!.textContent).toBe(gap.advice);
    expect(card.querySelector('.rewrite p')!.textContent).toBe(
      `For example: ${gap.rewrite!.before} → ${gap.rewrite!.after}`,
    );
    const copy = card.querySelector<HTMLButtonElement>('.rewrite button')!;
    expect(copy.textContent).toBe('Copy example');
    copy.click();
    expect(props.onCopyExample).toHaveBeenCalledTimes(1);
  });

  it('names the kind in plain words, and offers the others when opened', () => {
    const { card, props } = show({
      finding: refused,
      kind: { kind: 'letter-to-patient', chosen: true },
      kindOpen: true,
    });
    expect(card.querySelector('#alongside-kind')!.textContent).toBe(
      'Read as: a letter to the patient (your choice)',
    );
    expect(card.querySelector('.kind .change')!.getAttribute('aria-expanded')).toBe('true');
    const choices = [...card.querySelectorAll<HTMLButtonElement>('.kinds button')];
    expect(choices.map((b) => [b.textContent, b.getAttribute('aria-pressed')])).toEqual([
      ['a letter to the patient', 'true'],
      ['a letter to a GP or colleague', 'false'],
      ['a clinical note', 'false'],
      ['Guess from the text', null],
    ]);
    choices[2]!.click();
    expect(props.onChooseKind).toHaveBeenCalledWith('clinical-note', false);
    choices[3]!.click();
    expect(props.onChooseKind).toHaveBeenCalledWith(undefined, false);
  });

  it('a field without flags gets a small card that says so and how it reads the field', () => {
    const { card, props } = show({ finding: undefined });
    expect(card.getAttribute('aria-label')).toBe('Alongside: no suggestions in this field');
    expect(card.querySelector('#alongside-kind')!.textContent).toBe(
      'Read as: a clinical note (not sure yet)',
    );
    expect(card.querySelector('footer')).toBeNull();
    card.querySelector<HTMLButtonElement>('.kind .change')!.click();
    expect(props.onToggleKinds).toHaveBeenCalledTimes(1);
  });
});
