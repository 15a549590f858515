import type { DocumentKind, DocumentKindGuess, Finding } from '@/core/engine';
import type { Locale } from '@/core/lexicon/schema';
import { cardMessages } from '@/locales/card';
import { KindLine } from './KindLine';
import { previewOf } from './preview';
import { ReplacementPreview } from './ReplacementPreview';
import { siteLabel } from '../site-label';
import { severityLabels } from './severity-label';

/** Shown (and announced) when the editor did not take a suggestion: nothing was changed. */

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
  /** The card is shown again because the editor did not take the chosen change. */
  notTaken?: boolean;
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
  /** The locale in force, for the card's own words (en-GB when not given). */
  locale?: Locale;
}

/**
 * The card beside a flag: the phrase, what to write instead and the sentence as it will read
 * first, then why in one sentence, with the full reasoning and every source one step away.
 * The close button comes last in the Tab order (it is drawn in the corner). Buttons never take focus from
 * the clinician's field (mousedown is cancelled), so the caret stays where it was.
 */
export function SuggestionCard(props: SuggestionCardProps) {
  const { finding, active, locale = 'en-GB' } = props;
  const m = cardMessages(locale);
  const keep = (e: MouseEvent) => e.preventDefault();
  const kindLine = (
    <KindLine
      key="kind"
      kind={props.kind.kind}
      chosen={props.kind.chosen}
      open={props.kindOpen}
      onToggle={props.onToggleKinds}
      onChoose={props.onChooseKind}
      locale={locale}
    />
  );
  const close = (
    <button type="button" class="close" aria-label={m.closeCard} onClick={props.onClose}>
      ×
    </button>
  );
  if (!finding) {
    return (
      <div class="card empty" role="dialog" aria-label={m.noSuggestionsDialog} onMouseDown={keep}>
        <header key="header">
          <span class="phrase">{m.noSuggestionsHeader}</span>
        </header>
        {kindLine}
        <p class="hint" key="hint">
          {m.hintEmpty}
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
  const hint = !choices ? m.hintNoChoices : props.via === 'keyboard' ? m.hintKeyboard : m.hintMouse;
  return (
    <div
      class={`card ${finding.severity}`}
      role="dialog"
      aria-label={m.suggestionFor({ match: finding.match })}
      onMouseDown={keep}
    >
      <header key="header">
        <span class="phrase">“{finding.match}”</span>
        <span class="severity">{severityLabels(locale)[finding.severity]}</span>
      </header>
      {props.notTaken && <p class="not-taken">{m.notTaken}</p>}
      {choices && (
        <ul class="alternatives" role="listbox" aria-label={m.alternativesList}>
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
      {preview && <ReplacementPreview preview={preview} label={m.afterApplying} />}
      {/* What can wait (advice, the reason, the sources) shrinks and scrolls first when the card
          is short of room, so the choices, the preview and the buttons stay in view. */}
      <div class="details">
        {finding.advice && <p class="advice">{finding.advice}</p>}
        {finding.rewrite && (
          <div class="rewrite">
            <p>
              <span class="rewrite-label">{m.forExample}</span> {finding.rewrite.before} →{' '}
              {finding.rewrite.after}
            </p>
            <button type="button" onClick={props.onCopyExample}>
              {m.copyExample}
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
            {m.whyThisMatters}
          </button>
          {props.whyOpen && (
            <div id="alongside-why" class="why-body">
              <p>{finding.why}</p>
              {finding.sources.length > 0 && (
                <ul class="sources" aria-label={m.sourcesList}>
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
          <p id="alongside-confirm-off">{m.confirmOff({ site: siteLabel(props.site, locale) })}</p>
          <button type="button" class="confirm" onClick={props.onConfirmOff}>
            {m.turnOffOn({ site: siteLabel(props.site, locale) })}
          </button>
          <button type="button" onClick={props.onCancelOff}>
            {m.keepChecking}
          </button>
        </div>
      ) : (
        <footer>
          <button type="button" onClick={props.onIgnoreHere}>
            {m.ignoreHere}
          </button>
          <button type="button" onClick={props.onIgnoreEverywhere}>
            {m.ignoreEverywhere}
          </button>
          {props.onTurnOffSite && (
            <button type="button" onClick={props.onTurnOffSite}>
              {m.turnOffSite}
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
