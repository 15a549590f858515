import type { Finding } from '@/core/engine';
import { SEVERITY_LABEL } from './severity-label';

export interface SuggestionCardProps {
  finding: Finding;
  /** Index of the highlighted alternative, moved by ArrowUp/ArrowDown. */
  active: number;
  onApply(index: number): void;
  onIgnoreHere(): void;
  onIgnoreEverywhere(): void;
  onTurnOffSite(): void;
  onClose(): void;
}

/**
 * The card beside a flag: the phrase, why it may land badly, what to write instead and where
 * the evidence comes from. Buttons never take focus from the clinician's field (mousedown is
 * cancelled), so the caret stays where it was.
 */
export function SuggestionCard(props: SuggestionCardProps) {
  const { finding, active } = props;
  const keep = (e: MouseEvent) => e.preventDefault();
  const source = finding.sources[0];
  return (
    <div
      class={`card ${finding.severity}`}
      role="dialog"
      aria-label={`Suggestion for “${finding.match}”`}
      onMouseDown={keep}
    >
      <header>
        <span class="phrase">“{finding.match}”</span>
        <span class="severity">{SEVERITY_LABEL[finding.severity]}</span>
        <button type="button" class="close" aria-label="Close" onClick={props.onClose}>
          ×
        </button>
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
              onClick={() => props.onApply(k)}
            >
              {text}
            </li>
          ))}
        </ul>
      )}
      {finding.advice && <p class="advice">{finding.advice}</p>}
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
      <p class="hint">Alt+Enter opens · ↑↓ choose · Enter applies · Esc closes</p>
    </div>
  );
}
