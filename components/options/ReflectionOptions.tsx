import { useState } from 'preact/hooks';
import type { Lexicon, Reflection, ReflectionId } from '@/core/index';
import {
  withKitItemSwitched,
  withReflectionPatched,
  withReflectionRestored,
  type ReflectionRow,
} from '@/core/kit/kit-view';
import { areaLabel } from '@/core/kit/reflect';
import type { LayerName } from '@/core/lexicon/layer-view';
import { DOCUMENT_LABEL } from '../kit/kit-view';
import { SaveOrCancel } from './EntryEditor';
import { KitRowActions } from './KitRowActions';

type Save = (change: (personal: Lexicon) => Lexicon, said: string) => Promise<boolean>;

/** Each reflection by what it looks at, as the list names it. */
const TITLE: Record<ReflectionId, string> = {
  'way-back-in': 'A way back in',
  'social-context': 'The person’s context',
  'written-to-person': 'Written to the person',
  'flag-summary': 'Flags in the letter',
};

const LAYER_LABEL: Record<LayerName, string> = {
  'built-in': 'Built-in',
  service: 'Your service',
  personal: 'Yours',
};

/** What each cue list is for, where its name alone does not say. */
const LIST_LABEL: Record<string, string> = {
  contact: 'ways to get in touch',
  're-referral': 'referring back',
  'self-referral': 'referring oneself',
  'patient-initiated': 'follow-up the person starts',
  'follow-up': 'follow-up arranged',
  welcome: 'welcome back',
  negations: 'words that negate a way back in',
  ignore: 'look-alikes that do not count',
  salutation: 'openings addressed to the person',
  'not-to-person': 'openings addressed to someone else',
  'third-person': 'words about the person',
  'second-person': 'words to the person',
  'about-someone-else': 'words about someone else the letter is about',
};

const listLabel = (id: ReflectionId, name: string) =>
  id === 'social-context' && name !== 'ignore'
    ? areaLabel(name)
    : (LIST_LABEL[name] ?? name.replace(/-/g, ' '));

/** Its words and cue lists, each list a textarea of one phrase per line. */
function ReflectionForm({
  reflection,
  onSave,
  onCancel,
}: {
  reflection: Reflection;
  onSave: (change: { message: string; why: string; cues: Record<string, string[]> }) => void;
  onCancel: () => void;
}) {
  const [message, setMessage] = useState(reflection.message);
  const [why, setWhy] = useState(reflection.why);
  const [cues, setCues] = useState<Record<string, string>>(
    Object.fromEntries(
      Object.entries(reflection.cues ?? {}).map(([name, list]) => [name, list.join('\n')]),
    ),
  );
  const id = reflection.id;
  return (
    <form
      class="editor"
      aria-label={`Wording of the reflection “${TITLE[id]}”`}
      onSubmit={(e) => {
        e.preventDefault();
        onSave({
          message,
          why,
          cues: Object.fromEntries(Object.entries(cues).map(([n, t]) => [n, t.split('\n')])),
        });
      }}
    >
      <h4>Wording of the reflection “{TITLE[id]}”</h4>
      <label for={`reflection-message-${id}`}>
        What it says ({'{count}'}, {'{areas}'} and {'{categories}'} are filled in)
      </label>
      <textarea
        id={`reflection-message-${id}`}
        rows={2}
        value={message}
        onInput={(e) => setMessage((e.currentTarget as HTMLTextAreaElement).value)}
      />
      <label for={`reflection-why-${id}`}>Why it may matter</label>
      <textarea
        id={`reflection-why-${id}`}
        rows={3}
        value={why}
        onInput={(e) => setWhy((e.currentTarget as HTMLTextAreaElement).value)}
      />
      {Object.keys(cues).length > 0 && (
        <fieldset class="cue-lists">
          <legend>Words it looks for, one phrase per line</legend>
          {Object.entries(cues).map(([name, text]) => (
            <p key={name}>
              <label for={`reflection-cues-${id}-${name}`}>{listLabel(id, name)}</label>
              <textarea
                id={`reflection-cues-${id}-${name}`}
                rows={4}
                value={text}
                onInput={(e) =>
                  setCues((now) => ({
                    ...now,
                    [name]: (e.currentTarget as HTMLTextAreaElement).value,
                  }))
                }
              />
            </p>
          ))}
        </fieldset>
      )}
      <SaveOrCancel onCancel={onCancel} />
    </form>
  );
}

/**
 * The whole-letter reflections the side panel offers: what each says and why, the documents it
 * is shown for and where it comes from. A clinician switches one off, words it anew or changes
 * the words it looks for (a service's own phone line as a way back in, say); only what differs
 * is kept, and Restore takes it back.
 */
export function ReflectionOptions({
  rows,
  locked,
  save,
}: {
  rows: readonly ReflectionRow[];
  locked: boolean;
  save: Save;
}) {
  const [editing, setEditing] = useState<ReflectionId>();
  return (
    <section aria-labelledby="reflections-heading">
      <h3 id="reflections-heading">Reflections on a letter</h3>
      <p class="muted">
        Gentle observations on the letter you are writing, shown at the top of the side panel.
        {locked && ' Your organisation manages them: they cannot be changed here.'}
      </p>
      <ul class="kit-items">
        {rows.map((row) => {
          const { reflection } = row;
          const id = reflection.id;
          const title = TITLE[id];
          return (
            <li key={id} data-reflection={id} class={row.enabled ? '' : 'off'}>
              <div>
                <strong>{title}</strong>{' '}
                <span class="muted">
                  For {reflection.kinds.map((k) => DOCUMENT_LABEL['en-GB'][k]).join(', ')} ·{' '}
                  {LAYER_LABEL[row.from]}
                  {row.changedBy.length > 0 &&
                    `, changed by ${row.changedBy.map((l) => LAYER_LABEL[l].toLowerCase()).join(', ')}`}
                  {!row.enabled && ' · switched off'}
                </span>
              </div>
              <p class="kit-text">{reflection.message}</p>
              {editing === id && (
                <ReflectionForm
                  reflection={reflection}
                  onCancel={() => setEditing(undefined)}
                  onSave={(change) =>
                    void save(
                      (p) => withReflectionPatched(p, row.below ?? reflection, change),
                      `The reflection “${title}” has your wording now.`,
                    ).then((saved) => saved && setEditing(undefined))
                  }
                />
              )}
              {!locked && (
                <KitRowActions
                  name={`the reflection “${title}”`}
                  row={row}
                  editing={editing === id}
                  onEdit={() => setEditing(id)}
                  change={(edit, said) => void save(edit, said)}
                  switched={(on) => (p) => withKitItemSwitched(p, id, on)}
                  restored={(p) => withReflectionRestored(p, id)}
                  words={{
                    on: `The reflection “${title}” is shown again.`,
                    off: `The reflection “${title}” is switched off.`,
                    restored: `The reflection “${title}” is as ${row.changedBy.includes('service') ? 'your service' : 'the built-in kit'} has it again.`,
                  }}
                />
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
