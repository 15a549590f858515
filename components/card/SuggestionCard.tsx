import type { DocumentKind, DocumentKindGuess, Finding } from '@/core/engine';
import { KindLine } from './KindLine';
import { previewOf } from './preview';
import { ReplacementPreview } from './ReplacementPreview';
import { siteLabel } from '../site-label';
import { SEVERITY_LABEL } from './severity-label';

export interface SuggestionCardProps {
  /** The flag shown; `undefined` for a field with none (the card then says what it reads it as). */
  finding: Finding | undefined;
  /** The text the finding was found in, for the sentence as it will read after applying. */
  text: string | undefined;
  /** Index of the highlighted alternative, moved by ArrowUp/ArrowDown and the mouse. */
  active: number;
  /** What the field is read as, which decides whether letter-only suggestions apply. */
  kind: { kind: DocumentKindGuess; chosen: boolean };
  /** Whether the kind choices are shown. */
  kindOpen: boolean;
  /** How the card was opened, which decides what its hint says the keys do. */
  via: 'keyboard' | 'mouse';
  /** Whether the full reasoning and the sources are shown. */
  whyOpen: boolean;
  onToggleWhy(): void;
  /** The record system the card's field is on, as the per-site switch names it. */
  site: string;
  /** Whether "Turn off for this site" is asking for confirmation. */
  confirmOff: boolean;
  onConfirmOff(): void;
  onCancelOff(): void;
  onApply(index: number): void;
  onHighlight(index: number): void;
  onCopyExample(): void;
  onToggleKinds(): void;
  onChooseKind(kind: DocumentKind | undefined, byKeyboard: boolean): void;
  onIgnoreHere(): void;
  onIgnoreEverywhere(): void;
  /** Left out where there is no site to turn off (the playground): no such button then. */
  onTurnOffSite?: () => void;
  onClose(): void;
}

/**
 * The card beside a flag: the phrase, what to write instead and the sentence as it will read
 * first, then why in one sentence, with the full reasoning and every source one step away.
 * The close button comes last in the Tab order (it is drawn in the corner). Buttons never take focus from
 * the clinician's field (mousedown is cancelled), so the caret stays where it was.
 */
export function SuggestionCard(props: SuggestionCardProps) {
  const { finding, active } = props;
  const keep = (e: MouseEvent) => e.preventDefault();
  const kindLine = (
    <KindLine
      key="kind"
      kind={props.kind.kind}
      chosen={props.kind.chosen}
      open={props.kindOpen}
      onToggle={props.onToggleKinds}
      onChoose={props.onChooseKind}
    />
  );
  const close = (
    <button type="button" class="close" aria-label="Close" onClick={props.onClose}>
      ×
    </button>
  );
  if (!finding) {
    return (
      <div
        class="card empty"
        role="dialog"
        aria-label="Alongside: no suggestions in this field"
        onMouseDown={keep}
      >
        <header key="header">
          <span class="phrase">No suggestions in this field</span>
        </header>
        {kindLine}
        <p class="hint" key="hint">
          Tab reaches Change · Esc closes
        </p>
        {close}
      </div>
    );
  }
  const preview =
    props.text === undefined ? undefined : previewOf(props.text, finding.replacements[active]);
  const hover = (k: number) => (e: MouseEvent) => {
    // Only a real move: Chromium also sends mousemove when the card appears under a still pointer.
    if ((e.movementX || e.movementY) && k !== active) props.onHighlight(k);
  };
  const choices = finding.suggestions.length > 0;
  // What the keys do depends on where focus is: in the field after Alt+Enter, the card's keys
  // are live; after a click, typing goes on and only Tab and Escape are the card's.
  const hint = !choices
    ? 'Tab reaches the buttons · Esc closes'
    : props.via === 'keyboard'
      ? '↑↓ choose · Enter applies · Tab moves into the card · Esc closes'
      : 'Click a choice, or Tab to reach it · Esc closes';
  return (
    <div
      class={`card ${finding.severity}`}
      role="dialog"
      aria-label={`Suggestion for “${finding.match}”`}
      onMouseDown={keep}
    >
      <header key="header">
        <span class="phrase">“{finding.match}”</span>
        <span class="severity">{SEVERITY_LABEL[finding.severity]}</span>
      </header>
      {choices && (
        <ul class="alternatives" role="listbox" aria-label="Alternatives">
          {finding.suggestions.map((text, k) => (
            <li
              key={text}
              role="option"
              tabIndex={0}
              id={`alongside-option-${k}`}
              aria-selected={k === active}
              class={k === active ? 'active' : undefined}
              onMouseMove={hover(k)}
              onFocus={() => k !== active && props.onHighlight(k)}
              onClick={() => props.onApply(k)}
            >
              {text}
            </li>
          ))}
        </ul>
      )}
      {preview && <ReplacementPreview preview={preview} />}
      {/* What can wait (advice, the reason, the sources) shrinks and scrolls first when the card
          is short of room, so the choices, the preview and the buttons stay in view. */}
      <div class="details">
        {finding.advice && <p class="advice">{finding.advice}</p>}
        {finding.rewrite && (
          <div class="rewrite">
            <p>
              <span class="rewrite-label">For example:</span> {finding.rewrite.before} →{' '}
              {finding.rewrite.after}
            </p>
            <button type="button" onClick={props.onCopyExample}>
              Copy example
            </button>
          </div>
        )}
        <p class="message">{finding.message}</p>
        <div class="why">
          {/* A button, not <details>: some editors (TinyMCE) cancel the click and the Enter that
              would open a <details> in their frame; a handler of ours runs either way. */}
          <button
            type="button"
            class="why-toggle"
            aria-expanded={props.whyOpen}
            aria-controls="alongside-why"
            onClick={props.onToggleWhy}
          >
            Why this matters
          </button>
          {props.whyOpen && (
            <div id="alongside-why" class="why-body">
              <p>{finding.why}</p>
              {finding.sources.length > 0 && (
                <ul class="sources" aria-label="Sources">
                  {finding.sources.map((source) => (
                    <li key={source.citation}>
                      {source.url ? (
                        <a href={source.url} target="_blank" rel="noreferrer noopener">
                          {source.citation}
                        </a>
                      ) : (
                        source.citation
                      )}
                    </li>
                  ))}
                </ul>
              )}
            </div>
          )}
        </div>
      </div>
      {props.confirmOff ? (
        <div class="confirm-off" role="group" aria-labelledby="alongside-confirm-off">
          <p id="alongside-confirm-off">
            Stop checking every page on {siteLabel(props.site)}? Turn it back on from the Alongside
            button in the browser's toolbar.
          </p>
          <button type="button" class="confirm" onClick={props.onConfirmOff}>
            Turn off on {siteLabel(props.site)}
          </button>
          <button type="button" onClick={props.onCancelOff}>
            Keep checking
          </button>
        </div>
      ) : (
        <footer>
          <button type="button" onClick={props.onIgnoreHere}>
            Ignore here
          </button>
          <button type="button" onClick={props.onIgnoreEverywhere}>
            Ignore this phrase everywhere
          </button>
          {props.onTurnOffSite && (
            <button type="button" onClick={props.onTurnOffSite}>
              Turn off for this site
            </button>
          )}
        </footer>
      )}
      {kindLine}
      <p class="hint" key="hint">
        {hint}
      </p>
      {close}
    </div>
  );
}
