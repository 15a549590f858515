import type { DocumentKind, DocumentKindGuess } from '@/core/engine';
import type { Locale } from '@/core/lexicon/schema';
import { cardMessages } from '@/locales/card';
import { CHOOSABLE_KINDS, documentKindLabels } from './document-kind-label';

export interface KindLineProps {
  kind: DocumentKindGuess;
  /** Whether the clinician chose the kind (rather than it being guessed from the text). */
  chosen: boolean;
  /** Whether the choices are shown. */
  open: boolean;
  onToggle(): void;
  /** `undefined`: guess from the text again. `hadFocus`: the choice was made by keyboard. */
  onChoose(kind: DocumentKind | undefined, hadFocus: boolean): void;
  locale: Locale;
}

/**
 * "Read as: a letter to the patient · Change": which kind of document the field is taken to be
 * (letter-only suggestions depend on it), and a small set of buttons to say otherwise. Buttons,
 * not a <select>, because the card never takes a mouse press (the caret stays in the field).
 * No hooks: the card's owner keeps the state, so the content script needs no preact/hooks.
 */
export function KindLine({ kind, chosen, open, onToggle, onChoose, locale }: KindLineProps) {
  const m = cardMessages(locale);
  const label = documentKindLabels(locale);
  const choose = (event: MouseEvent, next: DocumentKind | undefined) => {
    const button = event.currentTarget as HTMLElement;
    const root = button.getRootNode() as Document | ShadowRoot;
    onChoose(next, root.activeElement === button);
  };
  return (
    <div class="kind">
      <p>
        <span id="alongside-kind">
          {(chosen ? m.readAsChosen : m.readAs)({ kind: label[kind] })}
        </span>{' '}
        <button
          type="button"
          class="change"
          aria-expanded={open}
          aria-describedby="alongside-kind"
          onClick={onToggle}
        >
          {m.changeKind}
        </button>
      </p>
      {open && (
        <div role="group" aria-label={m.readFieldAs} class="kinds">
          {CHOOSABLE_KINDS.map((k) => (
            <button
              key={k}
              type="button"
              aria-pressed={chosen && k === kind}
              onClick={(e) => choose(e, k)}
            >
              {label[k]}
            </button>
          ))}
          {chosen && (
            <button type="button" onClick={(e) => choose(e, undefined)}>
              {m.guessFromText}
            </button>
          )}
        </div>
      )}
    </div>
  );
}
