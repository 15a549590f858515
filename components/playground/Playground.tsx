import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { defaultLexicon, type Finding, type Lexicon, type Locale } from '@/core/index';
import type { ReflectionId } from '@/core/lexicon/schema';
import { readLayerFile } from '@/core/lexicon/read-layer-file';
import { LetterReflections, type LetterState } from '@/components/panel/LetterReflections';
import { panelKitFrom } from '@/components/panel/panel-kit';
import { useDocumentLocale } from '@/components/document-locale';
import { playgroundMessages } from '@/locales/index';
import type { FieldSession } from '@/extension/content/field-session';
import { letterOf } from '@/extension/content/letter-of';
import { selectOffsets } from '@/extension/content/text/field-selection';
import { forget, keep, readKept } from './keep-text';
import { localEngine } from './local-checker';
import { SAMPLE_LETTERS, type SampleLetter } from './sample-letters';
import { useEditing } from './use-editing';
import { compareMarks, markOf, withMark, type Mark } from './workshop';
import { WorkshopResults } from './WorkshopResults';

export interface PlaygroundProps {
  /** Where the letter is kept when the educator asks (tests give their own). */
  store?: Storage | undefined;
}

const browserStore = (): Storage | undefined => {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
};

/**
 * The educators' playground: a letter in a text box with Alongside's own flags and card (the
 * extension's checking code, run over the engine in this page: nothing is installed and nothing
 * leaves the page), the whole-letter reflections beside it, sample letters with their rewritten
 * versions, a service lexicon file to try, and workshop mode, where trainees mark what they
 * would change before Alongside's flags are revealed beside theirs.
 */
export function Playground({ store = browserStore() }: PlaygroundProps) {
  const kept = useMemo(() => readKept(store), [store]);
  const [keeping, setKeeping] = useState(kept !== undefined);
  const [locale, setLocale] = useState<Locale>('en-GB');
  const [service, setService] = useState<{ name: string; layer: Lexicon }>();
  const [fileProblems, setFileProblems] = useState<{ name: string; errors: string[] }>();
  const [allow, setAllow] = useState<readonly string[]>([]);
  const [workshop, setWorkshop] = useState(false);
  const [revealed, setRevealed] = useState(false);
  const [marks, setMarks] = useState<Mark[]>([]);
  const [large, setLarge] = useState(false);
  const [sample, setSample] = useState<SampleLetter | undefined>(
    kept ? undefined : SAMPLE_LETTERS[0],
  );
  const [showAfter, setShowAfter] = useState(false);
  const [letter, setLetter] = useState<LetterState>({ state: 'reading' });
  const [findings, setFindings] = useState<readonly Finding[]>([]);
  const [hidden, setHidden] = useState<ReflectionId[]>([]);
  // The playground's spelling is its own choice (it runs without the extension's settings).
  const m = playgroundMessages(locale);
  useDocumentLocale(locale);
  const [status, setStatus] = useState<string>(m.preparing);
  const field = useRef<HTMLTextAreaElement>(null);
  const session = useRef<FieldSession>();
  const sampleRef = useRef(sample);
  sampleRef.current = sample;
  /** The sample whose kind the field was last told ('': the educator's own letter). */
  const kindSetFor = useRef<string>();

  const layers = useMemo(() => [defaultLexicon(), ...(service ? [service.layer] : [])], [service]);
  const kit = useMemo(() => panelKitFrom(layers, locale), [layers, locale]);
  const flagsShown = !workshop || revealed;
  // Compiled in the page once per lexicon, spelling and allow-list (most of a second).
  const engine = useMemo(
    () => (flagsShown ? localEngine(layers, locale, allow) : undefined),
    [flagsShown, layers, locale, allow],
  );
  const editing = useEditing({
    engine,
    locale,
    allow,
    onIgnore: (phrase) => setAllow((now) => (now.includes(phrase) ? now : [...now, phrase])),
    onFindings: (s) => {
      session.current = s;
      // A sample letter is read as what it is (the letter to the person opens like a note); the
      // educator's own is guessed again, as in a record.
      const want = sampleRef.current;
      if (kindSetFor.current !== (want?.id ?? '')) {
        kindSetFor.current = want?.id ?? '';
        // Checked again as that kind: its findings come back through here too.
        if (want || s.documentKind().chosen) s.chooseDocumentKind(want?.kind);
      }
      setLetter({ state: 'read', letter: letterOf(s) });
      setFindings(s.findings());
      const n = s.findings().length;
      setStatus(n === 0 ? m.noSuggestions : m.suggestionsCount({ count: n }));
    },
  });
  useEffect(() => {
    if (!flagsShown) setStatus(m.flagsHidden);
  }, [flagsShown, m]);

  // The large-text style for a projector is the whole page's.
  useEffect(() => {
    document.documentElement.classList.toggle('presenting', large);
  }, [large]);

  /** Puts a letter in the field as typing would, so it is checked and the undo history holds it. */
  const write = (text: string) => {
    const box = field.current;
    if (!box) return;
    box.value = text;
    box.dispatchEvent(new Event('input', { bubbles: true }));
    if (keeping) keep(store, text);
  };

  const onSample = (id: string) => {
    const next = SAMPLE_LETTERS.find((l) => l.id === id);
    setSample(next);
    sampleRef.current = next;
    setShowAfter(false);
    setMarks([]);
    setRevealed(false);
    if (next) write(next.before);
  };

  const onKeep = (on: boolean) => {
    setKeeping(on);
    if (on) keep(store, field.current?.value ?? '');
    else forget(store);
  };

  const onFile = async (file: File) => {
    const read = readLayerFile(file.name, await file.text(), [defaultLexicon()]);
    if (read.errors) {
      // The lexicon in use stays as it was.
      setFileProblems({ name: file.name, errors: read.errors });
      return;
    }
    setFileProblems(undefined);
    setService({ name: read.layer.name, layer: read.layer });
  };

  const onMark = () => {
    const box = field.current;
    if (!box) return;
    const mark = markOf(box.value, box.selectionStart, box.selectionEnd);
    if (!mark) {
      setStatus(m.selectToMark);
      return;
    }
    setMarks((now) => withMark(now, mark));
    setStatus(m.marked({ words: mark.text }));
  };

  const onWorkshop = (on: boolean) => {
    setWorkshop(on);
    setRevealed(false);
    setMarks([]);
  };

  const comparison = workshop && revealed ? compareMarks(marks, findings) : undefined;

  return (
    <main class="playground">
      <header>
        <h1>{m.playgroundTitle}</h1>
        <p>{m.playgroundIntro}</p>
      </header>

      <div class="controls">
        <label>
          {m.sampleLetter}{' '}
          <select value={sample?.id ?? ''} onChange={(e) => onSample(e.currentTarget.value)}>
            <option value="">{m.ownLetter}</option>
            {SAMPLE_LETTERS.map((l) => (
              <option key={l.id} value={l.id}>
                {l.title}
              </option>
            ))}
          </select>
        </label>
        <label>
          {m.spellingChoice}{' '}
          <select value={locale} onChange={(e) => setLocale(e.currentTarget.value as Locale)}>
            <option value="en-GB">{m.britishEnglish}</option>
            <option value="en-US">{m.americanEnglish}</option>
          </select>
        </label>
        <label>
          <input
            type="checkbox"
            checked={workshop}
            onChange={(e) => onWorkshop(e.currentTarget.checked)}
          />{' '}
          {m.workshopMode}
        </label>
        <label>
          <input
            type="checkbox"
            checked={large}
            onChange={(e) => setLarge(e.currentTarget.checked)}
          />{' '}
          {m.largeText}
        </label>
      </div>

      <section class="lexicon" aria-labelledby="lexicon-heading">
        <h2 id="lexicon-heading">{m.lexiconInUse}</h2>
        <p>
          {service ? m.builtInWith({ name: service.name }) : m.builtInOnly}{' '}
          {service && (
            <button type="button" onClick={() => setService(undefined)}>
              {m.useBuiltInOnly}
            </button>
          )}
        </p>
        <label>
          {m.tryServiceFile}{' '}
          <input
            type="file"
            accept=".json,.jsonc,.csv,application/json,text/csv"
            onChange={(e) => {
              const input = e.currentTarget;
              const file = input.files?.[0];
              input.value = '';
              if (file) void onFile(file);
            }}
          />
        </label>
        {fileProblems && (
          <div class="problems" role="alert">
            <p>{m.fileNotUsed({ file: fileProblems.name })}</p>
            <ul>
              {fileProblems.errors.map((error) => (
                <li key={error}>{error}</li>
              ))}
            </ul>
          </div>
        )}
      </section>

      {sample && <p class="sample-summary">{sample.summary}</p>}
      {workshop && (
        <div class="workshop-bar">
          <p>{revealed ? m.flagsBesideMarks : m.markThenReveal}</p>
          {!revealed && (
            <>
              <button type="button" onClick={onMark}>
                {m.markSelected}
              </button>
              <button type="button" class="primary" onClick={() => setRevealed(true)}>
                {m.revealFlags}
              </button>
            </>
          )}
          {revealed && (
            <button type="button" onClick={() => onWorkshop(true)}>
              {m.startAgain}
            </button>
          )}
          {marks.length > 0 && (
            <ul class="marks" aria-label={m.yourMarks}>
              {marks.map((mark) => (
                <li key={`${mark.start}:${mark.end}`}>
                  “{mark.text}”
                  {!revealed && (
                    <button
                      type="button"
                      class="link"
                      aria-label={m.removeMarkOn({ words: mark.text })}
                      onClick={() => setMarks((now) => now.filter((x) => x !== mark))}
                    >
                      {m.removeMark}
                    </button>
                  )}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}

      <div class={showAfter && sample ? 'letters side-by-side' : 'letters'}>
        <div class="letter">
          {showAfter && sample && <h2>{m.beforeHeading}</h2>}
          <label for="letter" class="visually-hidden">
            {m.letterText}
          </label>
          <textarea
            id="letter"
            ref={field}
            rows={16}
            spellcheck
            // Marking selects words: the letter holds still until the flags are revealed.
            readOnly={!flagsShown}
            defaultValue={kept?.text ?? sample?.before ?? ''}
            onInput={(e) => keeping && keep(store, e.currentTarget.value)}
          />
        </div>
        {showAfter && sample && (
          <div class="letter after">
            <h2>{m.rewrittenHeading}</h2>
            <div class="after-text" tabIndex={0} aria-label={m.letterRewritten}>
              {sample.after.split(/\n{2,}/).map((p, k) => (
                <p key={k}>{p}</p>
              ))}
            </div>
          </div>
        )}
      </div>
      <p role="status" aria-live="polite" class="count">
        {status}
      </p>
      <div class="below-letter">
        {sample && (
          <button type="button" onClick={() => setShowAfter((on) => !on)}>
            {showAfter ? m.hideRewritten : m.showRewritten}
          </button>
        )}
        <label class="keep">
          <input
            type="checkbox"
            checked={keeping}
            onChange={(e) => onKeep(e.currentTarget.checked)}
          />{' '}
          {m.keepLetter}
        </label>
      </div>

      {comparison && <WorkshopResults comparison={comparison} locale={locale} />}

      {flagsShown && (
        <LetterReflections
          kit={kit}
          letter={letter}
          hidden={hidden}
          onHide={(id) => setHidden((now) => [...now, id])}
          onShowHidden={() => setHidden([])}
          onShowFlag={(flag) => {
            const s = session.current;
            const finding = s?.findings().find((f) => f.start === flag.start && f.end === flag.end);
            if (!s || !finding) return;
            selectOffsets(s.adapter, finding.start, finding.start);
            editing.showFlag(s, finding);
          }}
        />
      )}
    </main>
  );
}
