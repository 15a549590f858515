import { useMemo } from 'preact/hooks';
import { documentKindLabels } from '@/components/card/document-kind-label';
import { compileReflections, reflect, type ReflectionResult } from '@/core/kit/reflect';
import type { ReflectionId, Source } from '@/core/lexicon/schema';
import type { LetterFlag, LetterSnapshot } from '@/extension/messages';
import { panelMessages, type Messages } from '@/locales/index';
import type * as GB from '@/locales/en-GB';
import type { PanelKit } from './panel-kit';

type PanelWords = Messages<typeof GB.panel>;

/** What the panel knows of the letter beside it. */
export type LetterState =
  /** Not read yet (the panel has just opened). */
  | { state: 'reading' }
  /** No field focused in the tab beside the panel yet. */
  | { state: 'no-field' }
  /** The field last written in is no longer on the page. */
  | { state: 'gone' }
  /** The page beside the panel has no Alongside (a browser page, or Alongside is off there). */
  | { state: 'none' }
  | { state: 'read'; letter: LetterSnapshot; page?: string };

export interface LetterReflectionsProps {
  kit: PanelKit;
  letter: LetterState;
  hidden: readonly ReflectionId[];
  onHide(id: ReflectionId): void;
  onShowHidden(): void;
  onShowFlag(flag: LetterFlag): void;
}

/** A flag category in words: "door-closing" → "Door closing". */
const categoryLabel = (category: string) => {
  const words = category.replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
};

/** What each reflection is about, for its Hide button's name. */
const topicOf = (m: PanelWords): Record<ReflectionId, string> => ({
  'way-back-in': m.topicWayBackIn,
  'social-context': m.topicSocialContext,
  'written-to-person': m.topicWrittenToPerson,
  'flag-summary': m.topicFlagSummary,
});

/**
 * The whole-letter reflections on the field last written in beside the panel, worked out here
 * from the letter's text, kind and flags with the kit in force: each says why, can be hidden,
 * and the flag summary lists every flag by category, each a button that shows it in the letter.
 * They change as the letter does, and never block anything.
 */
export function LetterReflections(props: LetterReflectionsProps) {
  const { kit, letter, hidden } = props;
  const m = panelMessages(kit.locale);
  const kind = documentKindLabels(kit.locale);
  const results = useMemo(
    () =>
      letter.state === 'read'
        ? reflect(letter.letter.text, {
            kind: letter.letter.kind,
            kit: compileReflections(kit.merged),
            findings: letter.letter.flags,
            locale: kit.locale,
            bibliography: kit.bibliography,
          })
        : [],
    [letter, kit],
  );
  const shown = results.filter((r) => !hidden.includes(r.id));
  const hiddenHere = results.length - shown.length;

  return (
    <section class="reflections" aria-labelledby="reflections-title">
      <h2 id="reflections-title">{m.yourLetter}</h2>
      {letter.state === 'read' ? (
        <>
          <p class="letter-where">
            {letter.page
              ? (letter.letter.chosen ? m.readAsInChosen : m.readAsIn)({
                  page: letter.page,
                  kind: kind[letter.letter.kind],
                })
              : (letter.letter.chosen ? m.readAsHereChosen : m.readAsHere)({
                  kind: kind[letter.letter.kind],
                })}
          </p>
          {shown.length > 0 && (
            <ul class="reflection-list">
              {shown.map((r) => (
                <ReflectionItem
                  key={r.id}
                  result={r}
                  flags={letter.letter.flags}
                  waiting={letter.letter.waiting}
                  onHide={() => props.onHide(r.id)}
                  onShowFlag={props.onShowFlag}
                  m={m}
                />
              ))}
            </ul>
          )}
          {results.length === 0 && (
            <p class="empty">
              {letter.letter.text.trim() ? m.nothingToReflect : m.reflectionsAppear}
            </p>
          )}
        </>
      ) : (
        <p class="empty">{notRead(m)[letter.state]}</p>
      )}
      {hidden.length > 0 && (
        <p class="hidden-note">
          {hiddenHere > 0 ? `${m.hiddenHere({ count: hiddenHere })} ` : ''}
          <button type="button" class="link" onClick={props.onShowHidden}>
            {m.showHidden({ count: hidden.length })}
          </button>
        </p>
      )}
    </section>
  );
}

const notRead = (m: PanelWords): Record<Exclude<LetterState['state'], 'read'>, string> => ({
  reading: m.readingLetter,
  'no-field': m.clickInLetter,
  gone: m.letterGone,
  none: m.notChecking,
});

function ReflectionItem(props: {
  result: ReflectionResult;
  flags: readonly LetterFlag[];
  waiting: boolean;
  onHide(): void;
  onShowFlag(flag: LetterFlag): void;
  m: PanelWords;
}) {
  const { result, m } = props;
  const byPlace = new Map(props.flags.map((f) => [`${f.start}:${f.end}`, f]));
  return (
    <li class="reflection" data-reflection={result.id}>
      <p class="reflection-message">{result.message}</p>
      {result.categories && (
        <ul class="flag-categories">
          {result.categories.map((c) => (
            <li key={c.category}>
              <span class="flag-category">
                {categoryLabel(c.category)} ({c.count})
              </span>{' '}
              {c.findings.map((at, k) => {
                const flag = byPlace.get(`${at.start}:${at.end}`);
                if (!flag) return null;
                return (
                  <button
                    type="button"
                    key={`${at.start}:${at.end}`}
                    class="flag-link"
                    data-action="show-flag"
                    aria-label={m.showFlagIn({
                      match: flag.match,
                      category: categoryLabel(c.category).toLowerCase(),
                      position: k + 1,
                      count: c.count,
                    })}
                    onClick={() => props.onShowFlag(flag)}
                  >
                    “{flag.match}”
                  </button>
                );
              })}
            </li>
          ))}
        </ul>
      )}
      {result.id === 'flag-summary' && props.waiting && (
        <p class="reflection-note">{m.stillChecking}</p>
      )}
      <div class="reflection-actions">
        <details class="reflection-why">
          <summary>{m.reflectionWhy}</summary>
          <p>{result.why}</p>
          {result.sources.length > 0 && <SourceList sources={result.sources} />}
        </details>
        <button
          type="button"
          class="link"
          data-action="hide-reflection"
          aria-label={m.hideReflectionOn({ topic: topicOf(m)[result.id] })}
          onClick={props.onHide}
        >
          {m.hideReflection}
        </button>
      </div>
    </li>
  );
}

/** A prompt's or a reflection's sources, each linked where it has an address. */
export function SourceList({ sources }: { sources: readonly Source[] }) {
  return (
    <ul class="source-list">
      {sources.map((s, k) => (
        <li key={k}>
          {s.url ? (
            <a href={s.url} target="_blank" rel="noreferrer noopener">
              {s.citation}
            </a>
          ) : (
            s.citation
          )}{' '}
          ({s.year})
        </li>
      ))}
    </ul>
  );
}
