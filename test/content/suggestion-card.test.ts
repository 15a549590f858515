// @vitest-environment happy-dom
import { h, render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { compile, defaultLexicon, type Finding } from '../../core/engine.ts';
import { SuggestionCard, type SuggestionCardProps } from '../../components/card/SuggestionCard.tsx';
import { cardProps } from '../fixtures/card-props.ts';

const matcher = compile([defaultLexicon()]);
const findIn = (text: string, id?: string): Finding =>
  matcher.find(text).find((f) => !id || f.entryId === id)!;

function show(overrides: Partial<SuggestionCardProps> & Pick<SuggestionCardProps, 'finding'>) {
  const props = cardProps(overrides);
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
  it('puts the choices and the preview first, the one-line why next, the reasoning one step away', () => {
    const { card } = show({ finding: refused, text });
    const order = [...card.querySelectorAll('.card > *, .details > *')].map(
      (el) => el.className || el.tagName.toLowerCase(),
    );
    expect(order.indexOf('alternatives')).toBeLessThan(order.indexOf('preview'));
    expect(order.indexOf('preview')).toBeLessThan(order.indexOf('message'));
    expect(order.indexOf('message')).toBeLessThan(order.indexOf('why'));
    expect(order.indexOf('why')).toBeLessThan(order.indexOf('footer'));
    // Folded: the button says so, and neither the reasoning nor the sources are there yet.
    const toggle = card.querySelector('.why-toggle')!;
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(card.querySelector('.why-body')).toBeNull();
    // The close button comes last, so Tab meets it after everything else.
    expect(card.lastElementChild?.className).toBe('close');
  });

  it('opened, "Why this matters" lists every source, in the order given, linked where public', () => {
    const claims = findIn('She claims the pain is bad.', 'claims');
    expect(claims.sources.length).toBeGreaterThan(1);
    const { card } = show({ finding: claims, whyOpen: true });
    expect(card.querySelector('.why-toggle')!.getAttribute('aria-expanded')).toBe('true');
    expect(card.querySelector('.why-body p')!.textContent).toBe(claims.why);
    const items = [...card.querySelectorAll('.sources li')];
    expect(items.map((li) => li.textContent)).toEqual(claims.sources.map((s) => s.citation));
    const links = claims.sources.filter((s) => s.url).map((s) => s.url);
    expect([...card.querySelectorAll('.sources a')].map((a) => a.getAttribute('href'))).toEqual(
      links,
    );
  });

  it('says what the keys do as the card was opened: by Alt+Enter or by a click', () => {
    expect(
      show({ finding: refused, via: 'keyboard' }).card.querySelector('.hint')!.textContent,
    ).toBe('↑↓ choose · Enter applies · Tab moves into the card · Esc closes');
    expect(show({ finding: refused, via: 'mouse' }).card.querySelector('.hint')!.textContent).toBe(
      'Click a choice, or Tab to reach it · Esc closes',
    );
  });

  it('every alternative is in the Tab order, and focusing one highlights it', () => {
    const { card, props } = show({ finding: refused, text });
    const options = [...card.querySelectorAll<HTMLElement>('[role="option"]')];
    expect(options.length).toBeGreaterThan(1);
    expect(options.every((o) => o.tabIndex === 0)).toBe(true);
    options[1]!.focus();
    expect(props.onHighlight).toHaveBeenCalledWith(1);
  });
  it('"Turn off for this site" asks first, naming the site, in place of the footer buttons', () => {
    const { card, props } = show({ finding: refused, text, confirmOff: true });
    expect(card.querySelector('footer')).toBeNull();
    const group = card.querySelector('.confirm-off')!;
    expect(group.textContent).toContain('Stop checking every page on records.example?');
    const [confirm, keep] = [...group.querySelectorAll('button')];
    expect(confirm!.textContent).toBe('Turn off on records.example');
    expect(keep!.textContent).toBe('Keep checking');
    confirm!.click();
    expect(props.onConfirmOff).toHaveBeenCalledTimes(1);
    keep!.click();
    expect(props.onCancelOff).toHaveBeenCalledTimes(1);
  });
});
