import { useMemo, useState } from 'preact/hooks';
import {
  applyReplacement,
  compile,
  defaultBibliography,
  SEVERITIES,
  type Entry,
  type Severity,
} from '@/core/index';
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

/** The sentences each alternative leaves in `text`, where the draft's entry flags it. */
function tryDraft(entry: Entry, text: string): { match: string; corrected: string[] }[] {
  try {
    const m = compile([{ name: 'draft', version: '1', entries: [entry] }]);
    return m
      .find(text)
      .filter((f) => f.entryId === entry.id)
      .map((f) => ({
        match: f.match,
        corrected: f.replacements.map((r) => applyReplacement(text, r)),
      }));
  } catch {
    // A draft whose phrases cannot be compiled yet (half typed): nothing flagged.
    return [];
  }
}

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
  const corrected = tryDraft(base, draft.flag.trim())[0]?.corrected ?? [];
  return {
    ...base,
    examples: {
      flag: [
        corrected.length ? { text: draft.flag.trim(), corrections: corrected } : draft.flag.trim(),
      ],
      pass: [draft.pass.trim()],
    },
  };
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
    onInput: (e: Event) =>
      setDraft({ ...draft, [name]: (e.currentTarget as HTMLInputElement).value }),
  });
  const trials = [
    { label: 'Flag example', text: draft.flag, expectFlag: true },
    { label: 'Pass example', text: draft.pass, expectFlag: false },
    { label: 'Your sentence', text: trial, expectFlag: undefined },
  ].filter((t) => t.text.trim());

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
      <ul class="trials" aria-live="polite">
        {trials.map((t) => {
          const found = tryDraft(entry, t.text);
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
      <div class="buttons">
        <button type="submit">Save</button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
