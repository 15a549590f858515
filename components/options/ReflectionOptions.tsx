import { useState } from 'preact/hooks';
import type { Lexicon, Reflection, ReflectionId } from '@/core/index';
import {
  withKitItemSwitched,
  withReflectionPatched,
  withReflectionRestored,
  type ReflectionRow,
} from '@/core/kit/kit-view';
import { areaLabel } from '@/core/kit/reflect';
import type { Locale } from '@/core/lexicon/schema';
import { optionsMessages } from '@/locales/index';
import { documentLabels } from '../kit/kit-view';
import { SaveOrCancel } from './EntryEditor';
import { KitRowActions } from './KitRowActions';
import { changedByLine, layerLabels, type OptionsWords } from './layer-label';

type Save = (change: (personal: Lexicon) => Lexicon, said: string) => Promise<boolean>;

/** Each reflection by what it looks at, as the list names it. */
const titles = (m: OptionsWords): Record<ReflectionId, string> => ({
  'way-back-in': m.reflectionWayBackIn,
  'social-context': m.reflectionSocialContext,
  'written-to-person': m.reflectionWrittenToPerson,
  'flag-summary': m.reflectionFlagSummary,
});

/** What each cue list is for, where its name alone does not say. */
const listLabels = (m: OptionsWords): Record<string, string> => ({
  contact: m.cueContact,
  're-referral': m.cueReReferral,
  'self-referral': m.cueSelfReferral,
  'patient-initiated': m.cuePatientInitiated,
  'follow-up': m.cueFollowUp,
  welcome: m.cueWelcome,
  negations: m.cueNegations,
  ignore: m.cueIgnore,
  salutation: m.cueSalutation,
  'not-to-person': m.cueNotToPerson,
  'third-person': m.cueThirdPerson,
  'second-person': m.cueSecondPerson,
  'about-someone-else': m.cueAboutSomeoneElse,
});

// The social-context areas are named by the kit itself, in the lexicon's words.
const listLabel = (id: ReflectionId, name: string, m: OptionsWords) =>
  id === 'social-context' && name !== 'ignore'
    ? areaLabel(name)
    : (listLabels(m)[name] ?? name.replace(/-/g, ' '));

/** Its words and cue lists, each list a textarea of one phrase per line. */
function ReflectionForm({
  reflection,
  onSave,
  onCancel,
  locale,
}: {
  reflection: Reflection;
  onSave: (change: { message: string; why: string; cues: Record<string, string[]> }) => void;
  onCancel: () => void;
  locale: Locale;
}) {
  const m = optionsMessages(locale);
  const title = titles(m)[reflection.id];
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
      aria-label={m.reflectionWordingOf({ title })}
      onSubmit={(e) => {
        e.preventDefault();
        onSave({
          message,
          why,
          cues: Object.fromEntries(Object.entries(cues).map(([n, t]) => [n, t.split('\n')])),
        });
      }}
    >
      <h4>{m.reflectionWordingOf({ title })}</h4>
      <label for={`reflection-message-${id}`}>
        {m.reflectionMessageLabel({
          count: '{count}',
          areas: '{areas}',
          categories: '{categories}',
        })}
      </label>
      <textarea
        id={`reflection-message-${id}`}
        rows={2}
        value={message}
        onInput={(e) => setMessage((e.currentTarget as HTMLTextAreaElement).value)}
      />
      <label for={`reflection-why-${id}`}>{m.reflectionWhyLabel}</label>
      <textarea
        id={`reflection-why-${id}`}
        rows={3}
        value={why}
        onInput={(e) => setWhy((e.currentTarget as HTMLTextAreaElement).value)}
      />
      {Object.keys(cues).length > 0 && (
        <fieldset class="cue-lists">
          <legend>{m.cueWords}</legend>
          {Object.entries(cues).map(([name, text]) => (
            <p key={name}>
              <label for={`reflection-cues-${id}-${name}`}>{listLabel(id, name, m)}</label>
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
      <SaveOrCancel onCancel={onCancel} locale={locale} />
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
  locale,
}: {
  rows: readonly ReflectionRow[];
  locked: boolean;
  save: Save;
  locale: Locale;
}) {
  const m = optionsMessages(locale);
  const layerName = layerLabels(m);
  const documents = documentLabels(locale);
  const [editing, setEditing] = useState<ReflectionId>();
  return (
    <section aria-labelledby="reflections-heading">
      <h3 id="reflections-heading">{m.reflectionsHeading}</h3>
      <p class="muted">
        {m.reflectionsIntro}
        {locked && ` ${m.managedThem}`}
      </p>
      <ul class="kit-items">
        {rows.map((row) => {
          const { reflection } = row;
          const id = reflection.id;
          const title = titles(m)[id];
          return (
            <li key={id} data-reflection={id} class={row.enabled ? '' : 'off'}>
              <div>
                <strong>{title}</strong>{' '}
                <span class="muted">
                  {m.forKinds({ kinds: reflection.kinds.map((k) => documents[k]).join(', ') })} ·{' '}
                  {layerName[row.from]}
                  {row.changedBy.length > 0 && `, ${changedByLine(row.changedBy, m)}`}
                  {!row.enabled && ` · ${m.switchedOff}`}
                </span>
              </div>
              <p class="kit-text">{reflection.message}</p>
              {editing === id && (
                <ReflectionForm
                  reflection={reflection}
                  locale={locale}
                  onCancel={() => setEditing(undefined)}
                  onSave={(change) =>
                    void save(
                      (p) => withReflectionPatched(p, row.below ?? reflection, change),
                      m.reflectionHasWording({ title }),
                    ).then((saved) => saved && setEditing(undefined))
                  }
                />
              )}
              {!locked && (
                <KitRowActions
                  name={m.theReflection({ title })}
                  row={row}
                  locale={locale}
                  editing={editing === id}
                  onEdit={() => setEditing(id)}
                  change={(edit, said) => void save(edit, said)}
                  switched={(on) => (p) => withKitItemSwitched(p, id, on)}
                  restored={(p) => withReflectionRestored(p, id)}
                  words={{
                    on: m.reflectionShown({ title }),
                    off: m.reflectionSwitchedOff({ title }),
                    restored: (row.changedBy.includes('service')
                      ? m.reflectionAsService
                      : m.reflectionAsBuiltIn)({ title }),
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
