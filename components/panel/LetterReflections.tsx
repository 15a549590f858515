import { useMemo } from 'preact/hooks';
import { DOCUMENT_KIND_LABEL } from '@/components/card/document-kind-label';
import { compileReflections, reflect, type ReflectionResult } from '@/core/kit/reflect';
import type { ReflectionId, Source } from '@/core/lexicon/schema';
import type { LetterFlag, LetterSnapshot } from '@/extension/messages';
import { panelWords, type PanelKit } from './panel-kit';

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
const TOPIC: Record<ReflectionId, string> = {
  'way-back-in': 'a way back in',
  'social-context': 'social context',
  'written-to-person': 'writing to the person',
  'flag-summary': 'the flags',
};

/**
 * The whole-letter reflections on the field last written in beside the panel, worked out here
 * from the letter's text, kind and flags with the kit in force: each says why, can be hidden,
 * and the flag summary lists every flag by category, each a button that shows it in the letter.
 * They change as the letter does, and never block anything.
 */
export function LetterReflections(props: LetterReflectionsProps) {
  const { kit, letter, hidden } = props;
  const say = panelWords(kit.locale);
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
      <h2 id="reflections-title">{say('Your letter')}</h2>
      {letter.state === 'read' ? (
        <>
          <p class="letter-where">
            {letter.page ? `In “${letter.page}”, read as ` : 'Read as '}
            {say(DOCUMENT_KIND_LABEL[letter.letter.kind])}
            {letter.letter.chosen ? ' (your choice)' : ''}.
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
                />
              ))}
            </ul>
          )}
          {results.length === 0 && (
            <p class="empty">
              {letter.letter.text.trim()
                ? say('Nothing to reflect on in this letter.')
                : say('Reflections appear here as you write.')}
            </p>
          )}
        </>
      ) : (
        <p class="empty">{say(NOT_READ[letter.state])}</p>
      )}
      {hidden.length > 0 && (
        <p class="hidden-note">
          {hiddenHere > 0 ? `${hiddenHere} hidden here. ` : ''}
          <button type="button" class="link" onClick={props.onShowHidden}>
            {hidden.length === 1
              ? say('Show the hidden reflection again')
              : say(`Show the ${hidden.length} hidden reflections again`)}
          </button>
        </p>
      )}
    </section>
  );
}

const NOT_READ: Record<Exclude<LetterState['state'], 'read'>, string> = {
  reading: 'Reading your letter…',
  'no-field': 'Click in the letter you are writing, and reflections on it appear here.',
  gone: 'The field you were writing in is no longer there: click in the letter you are writing.',
  none: 'Alongside is not checking the page beside the panel, so there is nothing to reflect on.',
};

function ReflectionItem(props: {
  result: ReflectionResult;
  flags: readonly LetterFlag[];
  waiting: boolean;
  onHide(): void;
  onShowFlag(flag: LetterFlag): void;
}) {
  const { result } = props;
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
                    aria-label={`Show “${flag.match}” in the letter (${categoryLabel(c.category).toLowerCase()}, ${k + 1} of ${c.count})`}
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
        <p class="reflection-note">Still checking part of the letter; more flags may follow.</p>
      )}
      <div class="reflection-actions">
        <details class="reflection-why">
          <summary>Why?</summary>
          <p>{result.why}</p>
          {result.sources.length > 0 && <SourceList sources={result.sources} />}
        </details>
        <button
          type="button"
          class="link"
          data-action="hide-reflection"
          aria-label={`Hide the reflection on ${TOPIC[result.id]}`}
          onClick={props.onHide}
        >
          Hide
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
