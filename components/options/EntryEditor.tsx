import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import {
  defaultBibliography,
  SEVERITIES,
  type Entry,
  type Lexicon,
  type Severity,
} from '@/core/index';
import {
  personalEntry,
  tryEntry,
  withCorrections,
  withEntryPatched,
  type EntryWording,
} from '@/core/lexicon/layer-view';
import { severityLabels } from '@/components/card/severity-label';
import type { Locale } from '@/core/lexicon/schema';
import { optionsMessages } from '@/locales/index';
import type { OptionsWords } from './layer-label';

/** The form's fields, as text the clinician edits (lists one item a line). */
export interface EntryDraft {
  id: string;
  category: string;
  severity: Severity;
  phrases: string;
  message: string;
  why: string;
  alternatives: string;
  source: string;
  flag: string;
  pass: string;
}

const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

/** A draft from an entry in force (to copy or edit): its first examples, its first source key. */
export function draftOf(entry: Entry, id = entry.id): EntryDraft {
  const flag = entry.examples.flag[0];
  const firstSource = entry.sources[0];
  const bibliography = defaultBibliography();
  const key =
    typeof firstSource === 'string'
      ? firstSource
      : (Object.keys(bibliography).find(
          (k) => bibliography[k]!.citation === firstSource?.citation,
        ) ?? '');
  return {
    id,
    category: entry.category,
    severity: entry.severity,
    phrases: (entry.phrases ?? []).join('\n'),
    message: entry.message,
    why: entry.why,
    alternatives: entry.alternatives.filter((a) => typeof a === 'string').join('\n'),
    source: key,
    flag: typeof flag === 'string' ? flag : (flag?.text ?? ''),
    pass: entry.examples.pass[0] ?? '',
  };
}

export const EMPTY_DRAFT: EntryDraft = {
  id: '',
  category: 'labels',
  severity: 'suggest',
  phrases: '',
  message: '',
  why: '',
  alternatives: '',
  source: '',
  flag: '',
  pass: '',
};

/**
 * The entry the draft describes, its flag example carrying the sentence each alternative leaves
 * as the engine writes it (which the live test shows before saving).
 */
export function entryOf(draft: EntryDraft): Entry {
  const base: Entry = {
    id: draft.id.trim(),
    category: draft.category.trim(),
    severity: draft.severity,
    phrases: lines(draft.phrases),
    message: draft.message.trim(),
    why: draft.why.trim(),
    sources: draft.source ? [draft.source] : [],
    alternatives: lines(draft.alternatives),
    examples: { flag: [draft.flag.trim()], pass: [draft.pass.trim()] },
  };
  return { ...base, examples: { flag: withCorrections(base), pass: [draft.pass.trim()] } };
}

interface Trial {
  label: string;
  text: string;
  /** Whether the entry should flag it; undefined for a sentence of the clinician's own. */
  expectFlag: boolean | undefined;
}

/** The live test: what the entry flags in each sentence, and the sentence each alternative leaves. */
function TryIt({ entry, trials, m }: { entry: Entry; trials: readonly Trial[]; m: OptionsWords }) {
  return (
    <ul class="trials" aria-live="polite">
      {trials
        .filter((t) => t.text.trim())
        .map((t) => {
          const found = tryEntry(entry, t.text);
          const matches = found.map((f) => f.match).join('”, “');
          const verdict =
            found.length === 0
              ? t.expectFlag === undefined
                ? m.nothingFlagged
                : t.expectFlag
                  ? m.nothingFlaggedWrongly
                  : m.nothingFlaggedRightly
              : t.expectFlag === undefined
                ? m.flagsMatches({ matches })
                : t.expectFlag
                  ? m.flagsMatchesRightly({ matches })
                  : m.flagsMatchesWrongly({ matches });
          return (
            <li key={t.label}>
              <strong>{t.label}:</strong> {verdict}
              {found[0] && (
                <ul>
                  {found[0].corrected.map((c, k) => (
                    <li key={k} class="corrected">
                      {c}
                    </li>
                  ))}
                </ul>
              )}
            </li>
          );
        })}
    </ul>
  );
}

/**
 * Adds or edits an entry of the clinician's own: the fields, and a live test that shows what
 * the entry flags in its examples and in any sentence typed, with the sentence each alternative
 * leaves. Saving validates the whole layer first (the caller's `onSave` says why not).
 */
export function EntryEditor({
  initial,
  categories,
  onSave,
  onCancel,
  locale,
}: {
  initial: EntryDraft;
  categories: readonly string[];
  onSave: (entry: Entry) => void;
  onCancel: () => void;
  locale: Locale;
}) {
  const m = optionsMessages(locale);
  const [draft, setDraft] = useState(initial);
  const [trial, setTrial] = useState('');
  const entry = useMemo(() => entryOf(draft), [draft]);
  const sources = Object.entries(defaultBibliography());
  const field = (name: keyof EntryDraft) => ({
    id: `entry-${name}`,
    value: draft[name],
    // From the draft as it is now, not as last drawn: two inputs before a redraw keep both.
    onInput: (e: Event) => {
      const value = (e.currentTarget as HTMLInputElement).value;
      setDraft((d) => ({ ...d, [name]: value }));
    },
  });
  const trials: Trial[] = [
    { label: m.trialFlag, text: draft.flag, expectFlag: true },
    { label: m.trialPass, text: draft.pass, expectFlag: false },
    { label: m.trialOwn, text: trial, expectFlag: undefined },
  ];

  return (
    <form
      class="editor"
      aria-labelledby="editor-heading"
      onSubmit={(e) => {
        e.preventDefault();
        onSave(entry);
      }}
    >
      <h3 id="editor-heading">{initial.id ? m.entryHeading({ name: initial.id }) : m.newEntry}</h3>
      <label for="entry-id">{m.idLabel}</label>
      <input {...field('id')} required />
      <label for="entry-category">{m.categoryLabel}</label>
      <select {...field('category')} onChange={field('category').onInput}>
        {categories.map((c) => (
          <option key={c} value={c}>
            {c}
          </option>
        ))}
      </select>
      <label for="entry-severity">{m.levelLabel}</label>
      <select {...field('severity')} onChange={field('severity').onInput}>
        {SEVERITIES.map((s) => (
          <option key={s} value={s}>
            {severityLabels(locale)[s]}
          </option>
        ))}
      </select>
      <label for="entry-phrases">{m.phrasesLabel}</label>
      <textarea {...field('phrases')} rows={3} />
      <label for="entry-message">{m.messageLabel}</label>
      <input {...field('message')} />
      <label for="entry-why">{m.whyLabel}</label>
      <textarea {...field('why')} rows={3} />
      <label for="entry-alternatives">{m.alternativesLabel}</label>
      <textarea {...field('alternatives')} rows={3} />
      <label for="entry-source">{m.sourceLabel}</label>
      <select {...field('source')} onChange={field('source').onInput}>
        <option value="">{m.chooseSource}</option>
        {sources.map(([key, source]) => (
          <option key={key} value={key}>
            {source.citation.slice(0, 90)} ({source.year})
          </option>
        ))}
      </select>
      <label for="entry-flag">{m.flagSentenceLabel}</label>
      <input {...field('flag')} />
      <label for="entry-pass">{m.passSentenceLabel}</label>
      <input {...field('pass')} />

      <h4>{m.tryIt}</h4>
      <label for="entry-trial">{m.anySentence}</label>
      <input id="entry-trial" value={trial} onInput={(e) => setTrial(e.currentTarget.value)} />
      <TryIt entry={entry} trials={trials} m={m} />
      <SaveOrCancel onCancel={onCancel} locale={locale} />
    </form>
  );
}

const textOf = (example: Entry['examples']['flag'][number]) =>
  typeof example === 'string' ? example : example.text;

/** A table of cases is shown by its first wording, as in the lexicon table. */
const firstWording = (alt: Entry['alternatives'][number]) =>
  typeof alt === 'string' ? alt : (Object.values(alt.cases)[0] ?? alt.otherwise ?? '');

/** What the form says of alternatives that are tables of cases, shown by their first wording. */
function tablesNote(wordings: string[], m: OptionsWords): string {
  return m.tablesNote({ count: wordings.length, listed: `“${wordings.join('”, “')}”` });
}

/**
 * Changes the wording of an entry from a layer below (built-in or the service's): its message,
 * why and plain alternatives, with the same live test on the entry's own examples and any
 * sentence. Only what differs from the entry below is kept, as a patch in the personal layer
 * (`withEntryPatched`); `onSave` gets the change, to lay over the personal layer as it is when
 * stored, and whether anything differs from what the form started from.
 */
export function WordingEditor({
  base,
  personal,
  onSave,
  onCancel,
  locale,
}: {
  /** The entry as the layers below the personal one have it. */
  base: Entry;
  personal: Lexicon;
  onSave: (change: (personal: Lexicon) => Lexicon, changed: boolean) => void;
  onCancel: () => void;
  locale: Locale;
}) {
  const m = optionsMessages(locale);
  // The form starts from the entry in force, an earlier change of one's own included.
  const [initial] = useState(() => personalEntry(personal, base));
  const plain = initial.alternatives.filter((a): a is string => typeof a === 'string');
  const tables = initial.alternatives.filter((a) => typeof a !== 'string');
  const [message, setMessage] = useState(initial.message);
  const [why, setWhy] = useState(initial.why);
  const [alternatives, setAlternatives] = useState(plain.join('\n'));
  const [trial, setTrial] = useState('');
  const first = useRef<HTMLInputElement>(null);
  // The form opens above the table: take the clinician to it.
  useEffect(() => first.current?.focus(), []);

  const fields = useMemo((): EntryWording => {
    // Alternatives left as they were stay as they are (tables of cases too).
    const edited = lines(alternatives).join('\n') !== plain.join('\n');
    return {
      message: message.trim(),
      why: why.trim(),
      ...(edited ? { alternatives: lines(alternatives) } : {}),
    };
    // `plain` follows `initial`, which is fixed for the form's life.
  }, [message, why, alternatives]);
  const next = useMemo(() => withEntryPatched(personal, base, fields), [personal, base, fields]);
  const entry = useMemo(() => personalEntry(next, base), [next, base]);
  const flags = entry.examples.flag;
  const trials: Trial[] = [
    ...flags.map((f, k) => ({
      label: flags.length > 1 ? m.trialFlagNumbered({ number: k + 1 }) : m.trialFlag,
      text: textOf(f),
      expectFlag: true,
    })),
    ...entry.examples.pass.map((text, k, all) => ({
      label: all.length > 1 ? m.trialPassNumbered({ number: k + 1 }) : m.trialPass,
      text,
      expectFlag: false,
    })),
    { label: m.trialOwn, text: trial, expectFlag: undefined },
  ];
  const phrases = base.phrases ?? [];
  const listed = phrases.slice(0, 5).join('”, “');

  return (
    <form
      class="editor"
      aria-labelledby="wording-heading"
      onSubmit={(e) => {
        e.preventDefault();
        onSave((latest) => withEntryPatched(latest, base, fields), next !== personal);
      }}
    >
      <h3 id="wording-heading">{m.wordingOf({ name: base.id })}</h3>
      <p class="hint">
        {m.wordingHint}
        {phrases.length > 0 &&
          ` ${
            phrases.length > 5
              ? m.itFlagsMore({ phrases: listed, count: phrases.length - 5 })
              : m.itFlags({ phrases: listed })
          }`}
      </p>
      <label for="wording-message">{m.messageLabel}</label>
      <input
        id="wording-message"
        ref={first}
        value={message}
        onInput={(e) => setMessage(e.currentTarget.value)}
      />
      <label for="wording-why">{m.whyLabel}</label>
      <textarea
        id="wording-why"
        rows={4}
        value={why}
        onInput={(e) => setWhy(e.currentTarget.value)}
      />
      {tables.length > 0 && (
        <p class="hint" id="wording-tables">
          {tablesNote(tables.map(firstWording), m)}
        </p>
      )}
      <label for="wording-alternatives">{m.alternativesLabel}</label>
      <textarea
        id="wording-alternatives"
        rows={3}
        value={alternatives}
        aria-describedby={tables.length > 0 ? 'wording-tables' : undefined}
        onInput={(e) => setAlternatives(e.currentTarget.value)}
      />

      <h4>{m.tryIt}</h4>
      <label for="wording-trial">{m.anySentence}</label>
      <input id="wording-trial" value={trial} onInput={(e) => setTrial(e.currentTarget.value)} />
      <TryIt entry={entry} trials={trials} m={m} />
      <SaveOrCancel onCancel={onCancel} locale={locale} />
    </form>
  );
}

/** The buttons that end every form on the options page: Save submits, Cancel closes it unsaved. */
export function SaveOrCancel({ onCancel, locale }: { onCancel: () => void; locale: Locale }) {
  const m = optionsMessages(locale);
  return (
    <div class="buttons">
      <button type="submit">{m.save}</button>
      <button type="button" onClick={onCancel}>
        {m.cancel}
      </button>
    </div>
  );
}
