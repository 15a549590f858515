import type { DocumentKind, DocumentKindGuess, Finding } from '@/core/engine';
import { KindLine } from './KindLine';
import { previewOf } from './preview';
import { ReplacementPreview } from './ReplacementPreview';
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
  onApply(index: number): void;
  onHighlight(index: number): void;
  onCopyExample(): void;
  onToggleKinds(): void;
  onChooseKind(kind: DocumentKind | undefined, byKeyboard: boolean): void;
  onIgnoreHere(): void;
  onIgnoreEverywhere(): void;
  onTurnOffSite(): void;
  onClose(): void;
}

/**
 * The card beside a flag: the phrase, why it may land badly, what to write instead (and the
 * sentence as it will read), and where the evidence comes from. Buttons never take focus from
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
          {close}
        </header>
        {kindLine}
        <p class="hint" key="hint">
          Tab reaches Change · Esc closes
        </p>
      </div>
    );
  }
  const source = finding.sources[0];
  const preview =
    props.text === undefined ? undefined : previewOf(props.text, finding.replacements[active]);
  const hover = (k: number) => (e: MouseEvent) => {
    // Only a real move: Chromium also sends mousemove when the card appears under a still pointer.
    if ((e.movementX || e.movementY) && k !== active) props.onHighlight(k);
  };
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
        {close}
      </header>
      <p class="message">{finding.message}</p>
      {finding.suggestions.length > 0 && (
        <ul class="alternatives" role="listbox" aria-label="Alternatives">
          {finding.suggestions.map((text, k) => (
            <li
              key={text}
              role="option"
              id={`alongside-option-${k}`}
              aria-selected={k === active}
              class={k === active ? 'active' : undefined}
              onMouseMove={hover(k)}
              onClick={() => props.onApply(k)}
            >
              {text}
            </li>
          ))}
        </ul>
      )}
      {preview && <ReplacementPreview preview={preview} />}
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
      <details class="why">
        <summary>Why this matters</summary>
        <p>{finding.why}</p>
        {source && (
          <p class="source">
            {source.url ? (
              <a href={source.url} target="_blank" rel="noreferrer noopener">
                {source.citation}
              </a>
            ) : (
              source.citation
            )}
          </p>
        )}
      </details>
      <footer>
        <button type="button" onClick={props.onIgnoreHere}>
          Ignore here
        </button>
        <button type="button" onClick={props.onIgnoreEverywhere}>
          Ignore this phrase everywhere
        </button>
        <button type="button" onClick={props.onTurnOffSite}>
          Turn off for this site
        </button>
      </footer>
      {kindLine}
      <p class="hint" key="hint">
        {finding.suggestions.length > 0
          ? 'Alt+Enter opens · ↑↓ choose · Enter applies · Esc closes'
          : 'Alt+Enter opens · Tab reaches the buttons · Esc closes'}
      </p>
    </div>
  );
}
