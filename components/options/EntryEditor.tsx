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
import { SEVERITY_LABEL } from '@/components/card/severity-label';

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
function TryIt({ entry, trials }: { entry: Entry; trials: readonly Trial[] }) {
  return (
    <ul class="trials" aria-live="polite">
      {trials
        .filter((t) => t.text.trim())
        .map((t) => {
          const found = tryEntry(entry, t.text);
          const verdict =
            t.expectFlag === undefined
              ? ''
              : t.expectFlag === found.length > 0
                ? ' (as it should)'
                : ' (it should not be!)';
          return (
            <li key={t.label}>
              <strong>{t.label}:</strong>{' '}
              {found.length === 0
                ? `nothing flagged${t.expectFlag ? ' (it should be flagged!)' : verdict}`
                : `flags “${found.map((f) => f.match).join('”, “')}”${verdict}`}
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
}: {
  initial: EntryDraft;
  categories: readonly string[];
  onSave: (entry: Entry) => void;
  onCancel: () => void;
}) {
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
    { label: 'Flag example', text: draft.flag, expectFlag: true },
    { label: 'Pass example', text: draft.pass, expectFlag: false },
    { label: 'Your sentence', text: trial, expectFlag: undefined },
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
      <h3 id="editor-heading">{initial.id ? `Entry “${initial.id}”` : 'A new entry'}</h3>
      <label for="entry-id">Id (lower case and hyphens)</label>
      <input {...field('id')} required />
      <label for="entry-category">Category</label>
      <select {...field('category')} onChange={field('category').onInput}>
        {categories.map((c) => (
          <option key={c} value={c}>
            {c}
          </option>
        ))}
      </select>
      <label for="entry-severity">Level</label>
      <select {...field('severity')} onChange={field('severity').onInput}>
        {SEVERITIES.map((s) => (
          <option key={s} value={s}>
            {SEVERITY_LABEL[s]}
          </option>
        ))}
      </select>
      <label for="entry-phrases">Phrases to flag (one a line)</label>
      <textarea {...field('phrases')} rows={3} />
      <label for="entry-message">Message (one short, calm line)</label>
      <input {...field('message')} />
      <label for="entry-why">Why it may land badly</label>
      <textarea {...field('why')} rows={3} />
      <label for="entry-alternatives">Alternatives (one a line)</label>
      <textarea {...field('alternatives')} rows={3} />
      <label for="entry-source">Source</label>
      <select {...field('source')} onChange={field('source').onInput}>
        <option value="">Choose a source…</option>
        {sources.map(([key, source]) => (
          <option key={key} value={key}>
            {source.citation.slice(0, 90)} ({source.year})
          </option>
        ))}
      </select>
      <label for="entry-flag">A sentence it should flag</label>
      <input {...field('flag')} />
      <label for="entry-pass">A sentence it should leave alone</label>
      <input {...field('pass')} />

      <h4>Try it</h4>
      <label for="entry-trial">Any sentence</label>
      <input id="entry-trial" value={trial} onInput={(e) => setTrial(e.currentTarget.value)} />
      <TryIt entry={entry} trials={trials} />
      <SaveOrCancel onCancel={onCancel} />
    </form>
  );
}

const textOf = (example: Entry['examples']['flag'][number]) =>
  typeof example === 'string' ? example : example.text;

/** A table of cases is shown by its first wording, as in the lexicon table. */
const firstWording = (alt: Entry['alternatives'][number]) =>
  typeof alt === 'string' ? alt : (Object.values(alt.cases)[0] ?? alt.otherwise ?? '');

/** What the form says of alternatives that are tables of cases, shown by their first wording. */
function tablesNote(wordings: string[]): string {
  const many = wordings.length > 1;
  const listed = `“${wordings.join('”, “')}”`;
  return many
    ? `${wordings.length} alternatives of this entry change with the words they replace (${listed}), so they are not listed below. They stay as they are unless you write alternatives here: what you write then replaces all of them, and is written as it stands, whatever the tense.`
    : `One alternative of this entry changes with the words it replaces (${listed}), so it is not listed below. It stays as it is unless you write alternatives here: what you write then replaces it, and is written as it stands, whatever the tense.`;
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
}: {
  /** The entry as the layers below the personal one have it. */
  base: Entry;
  personal: Lexicon;
  onSave: (change: (personal: Lexicon) => Lexicon, changed: boolean) => void;
  onCancel: () => void;
}) {
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
      label: flags.length > 1 ? `Flag example ${k + 1}` : 'Flag example',
      text: textOf(f),
      expectFlag: true,
    })),
    ...entry.examples.pass.map((text, k, all) => ({
      label: all.length > 1 ? `Pass example ${k + 1}` : 'Pass example',
      text,
      expectFlag: false,
    })),
    { label: 'Your sentence', text: trial, expectFlag: undefined },
  ];
  const phrases = base.phrases ?? [];

  return (
    <form
      class="editor"
      aria-labelledby="wording-heading"
      onSubmit={(e) => {
        e.preventDefault();
        onSave((latest) => withEntryPatched(latest, base, fields), next !== personal);
      }}
    >
      <h3 id="wording-heading">Wording of “{base.id}”</h3>
      <p class="hint">
        Only what you change is kept, in your own layer; the rest of the entry stays as it is.
        “Restore” in its row takes your change back.
        {phrases.length > 0 &&
          ` It flags “${phrases.slice(0, 5).join('”, “')}”${phrases.length > 5 ? ` and ${phrases.length - 5} more` : ''}.`}
      </p>
      <label for="wording-message">Message (one short, calm line)</label>
      <input
        id="wording-message"
        ref={first}
        value={message}
        onInput={(e) => setMessage(e.currentTarget.value)}
      />
      <label for="wording-why">Why it may land badly</label>
      <textarea
        id="wording-why"
        rows={4}
        value={why}
        onInput={(e) => setWhy(e.currentTarget.value)}
      />
      {tables.length > 0 && (
        <p class="hint" id="wording-tables">
          {tablesNote(tables.map(firstWording))}
        </p>
      )}
      <label for="wording-alternatives">Alternatives (one a line)</label>
      <textarea
        id="wording-alternatives"
        rows={3}
        value={alternatives}
        aria-describedby={tables.length > 0 ? 'wording-tables' : undefined}
        onInput={(e) => setAlternatives(e.currentTarget.value)}
      />

      <h4>Try it</h4>
      <label for="wording-trial">Any sentence</label>
      <input id="wording-trial" value={trial} onInput={(e) => setTrial(e.currentTarget.value)} />
      <TryIt entry={entry} trials={trials} />
      <SaveOrCancel onCancel={onCancel} />
    </form>
  );
}

/** The buttons that end every form on the options page: Save submits, Cancel closes it unsaved. */
export function SaveOrCancel({ onCancel }: { onCancel: () => void }) {
  return (
    <div class="buttons">
      <button type="submit">Save</button>
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}
