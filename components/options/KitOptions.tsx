import { useState } from 'preact/hooks';
import type { KitItem, KitSection, Lexicon } from '@/core/index';
import {
  withKitItemPatched,
  withKitItemRestored,
  withKitItemSwitched,
  withOwnKitItem,
  type KitRow,
  type ReflectionRow,
} from '@/core/kit/kit-view';
import type { Locale } from '@/core/lexicon/schema';
import { kindLabels } from '@/components/panel/PromptPanel';
import { optionsMessages, panelMessages } from '@/locales/index';
import { SaveOrCancel } from './EntryEditor';
import { KitRowActions } from './KitRowActions';
import { changedByLine, layerLabels } from './layer-label';
import { ReflectionOptions } from './ReflectionOptions';

type Save = (change: (personal: Lexicon) => Lexicon, said: string) => Promise<boolean>;

/** An id for a prompt of one's own, from its title: "mine-" and the words, kept unique. */
function ownId(title: string, taken: ReadonlySet<string>): string {
  const words = title
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  const stem = `mine-${words || 'prompt'}`;
  let id = stem;
  for (let n = 2; taken.has(id); n++) id = `${stem}-${n}`;
  return id;
}

/** The wording form for one prompt: title, text (with {gaps}) and note. */
function WordingForm({
  heading,
  initial,
  sections,
  onSave,
  onCancel,
  locale,
}: {
  heading: string;
  initial: Pick<KitItem, 'title' | 'text' | 'note'> & Partial<Pick<KitItem, 'section' | 'kind'>>;
  /** Given for a new prompt: where it goes and what kind it is are chosen too. */
  sections?: readonly KitSection[];
  onSave: (fields: {
    title: string;
    text: string;
    note: string;
    section: string;
    kind: KitItem['kind'];
  }) => void;
  onCancel: () => void;
  locale: Locale;
}) {
  const m = optionsMessages(locale);
  const kinds = kindLabels(panelMessages(locale));
  const [title, setTitle] = useState(initial.title);
  const [text, setText] = useState(initial.text);
  const [note, setNote] = useState(initial.note ?? '');
  const [section, setSection] = useState(initial.section ?? sections?.[0]?.id ?? '');
  const [kind, setKind] = useState<KitItem['kind']>(initial.kind ?? 'reminder');
  const value = (set: (v: string) => void) => (e: Event) =>
    set((e.currentTarget as HTMLInputElement).value);
  return (
    <form
      class="editor"
      aria-label={heading}
      onSubmit={(e) => {
        e.preventDefault();
        onSave({ title, text, note, section, kind });
      }}
    >
      <h4>{heading}</h4>
      {sections && (
        <>
          <label for="kit-section">{m.sectionLabel}</label>
          <select id="kit-section" value={section} onChange={value(setSection)}>
            {sections.map((s) => (
              <option key={s.id} value={s.id}>
                {s.title}
              </option>
            ))}
          </select>
          <label for="kit-kind">{m.kindLabel}</label>
          <select
            id="kit-kind"
            value={kind}
            onChange={(e) =>
              setKind((e.currentTarget as HTMLSelectElement).value as KitItem['kind'])
            }
          >
            {(Object.keys(kinds) as KitItem['kind'][]).map((k) => (
              <option key={k} value={k}>
                {kinds[k]}
              </option>
            ))}
          </select>
        </>
      )}
      <label for="kit-title">{m.titleLabel}</label>
      <input id="kit-title" value={title} onInput={value(setTitle)} />
      <label for="kit-text">{m.textLabel({ gaps: '{gaps}' })}</label>
      <textarea id="kit-text" rows={5} value={text} onInput={value(setText)} />
      <label for="kit-note">{m.noteLabel}</label>
      <input id="kit-note" value={note} onInput={value(setNote)} />
      <SaveOrCancel onCancel={onCancel} locale={locale} />
    </form>
  );
}

/**
 * The prompt kit as the side panel shows it, section by section, with where each prompt comes
 * from; a clinician (or a service, through its own file) switches prompts off, words them anew
 * (only what changes is kept, undone by "Restore") and adds their own, as with entries.
 */
export function KitOptions({
  rows,
  sections,
  reflections,
  locked,
  save,
  locale,
}: {
  rows: readonly KitRow[];
  sections: readonly KitSection[];
  reflections: readonly ReflectionRow[];
  locked: boolean;
  save: Save;
  locale: Locale;
}) {
  const m = optionsMessages(locale);
  const kinds = kindLabels(panelMessages(locale));
  const layerName = layerLabels(m);
  const [query, setQuery] = useState('');
  const [editing, setEditing] = useState<string>();
  const [adding, setAdding] = useState(false);
  const q = query.trim().toLowerCase();
  const shown = rows.filter(
    (r) =>
      !q ||
      [r.item.title, r.item.text, r.item.note ?? '', r.section].some((t) =>
        t.toLowerCase().includes(q),
      ),
  );
  const taken = new Set(rows.map((r) => r.item.id));
  const bySection = sections
    .map((s) => ({ section: s, rows: shown.filter((r) => r.item.section === s.id) }))
    .filter((g) => g.rows.length > 0);

  return (
    <section aria-labelledby="kit-heading">
      <h2 id="kit-heading">{m.kitHeading}</h2>
      <p class="muted">
        {m.kitListIntro}
        {locked && ` ${m.managedThem}`}
      </p>
      <div class="filters">
        <label>
          {m.searchKit}
          <input
            type="search"
            value={query}
            onInput={(e) => setQuery((e.currentTarget as HTMLInputElement).value)}
          />
        </label>
      </div>
      {!locked && !adding && (
        <button type="button" onClick={() => setAdding(true)}>
          {m.addPrompt}
        </button>
      )}
      {adding && (
        <WordingForm
          heading={m.newPrompt}
          initial={{ title: '', text: '' }}
          sections={sections}
          locale={locale}
          onCancel={() => setAdding(false)}
          onSave={({ title, text, note, section, kind }) => {
            const item: KitItem = {
              id: ownId(title, taken),
              section,
              kind,
              title: title.trim(),
              text: text.trim(),
              ...(note.trim() ? { note: note.trim() } : {}),
            };
            void save(
              (p) => withOwnKitItem(p, item),
              m.promptAdded({ name: item.title || item.id }),
            ).then((saved) => saved && setAdding(false));
          }}
        />
      )}
      {bySection.map(({ section, rows: items }) => (
        <div key={section.id} class="kit-section">
          <h3>{section.title}</h3>
          <ul class="kit-items">
            {items.map((row) => {
              const { item } = row;
              const name = item.title;
              return (
                <li key={item.id} data-prompt={item.id} class={row.enabled ? '' : 'off'}>
                  <div>
                    <strong>{item.title}</strong>{' '}
                    <span class="muted">
                      {kinds[item.kind]} · {layerName[row.from]}
                      {row.changedBy.length > 0 && `, ${changedByLine(row.changedBy, m)}`}
                      {!row.enabled && ` · ${m.switchedOff}`}
                    </span>
                  </div>
                  <p class="kit-text">{item.text}</p>
                  {item.note && <p class="muted">{item.note}</p>}
                  {editing === item.id && (
                    <WordingForm
                      heading={m.wordingOf({ name })}
                      initial={item}
                      locale={locale}
                      onCancel={() => setEditing(undefined)}
                      onSave={(fields) =>
                        void save(
                          (p) =>
                            row.personal === 'own'
                              ? withOwnKitItem(p, {
                                  ...item,
                                  title: fields.title.trim(),
                                  text: fields.text.trim(),
                                  ...(fields.note.trim() ? { note: fields.note.trim() } : {}),
                                })
                              : withKitItemPatched(p, row.below ?? item, fields),
                          m.hasYourWording({ name: fields.title.trim() || name }),
                        ).then((saved) => saved && setEditing(undefined))
                      }
                    />
                  )}
                  {!locked && (
                    <KitRowActions
                      name={m.quoted({ words: name })}
                      row={row}
                      locale={locale}
                      editing={editing === item.id}
                      onEdit={() => setEditing(item.id)}
                      change={(edit, said) => void save(edit, said)}
                      switched={(on) => (p) =>
                        row.personal === 'own' && !on
                          ? withKitItemRestored(p, item.id)
                          : withKitItemSwitched(p, item.id, on)
                      }
                      restored={(p) => withKitItemRestored(p, item.id)}
                      words={{
                        on: m.backInKit({ name }),
                        off: (row.personal === 'own' ? m.deleted : m.switchedOffName)({ name }),
                        restored: (row.from === 'service' || row.changedBy.includes('service')
                          ? m.asServiceHasIt
                          : m.asBuiltInKitHasIt)({ name }),
                      }}
                    />
                  )}
                </li>
              );
            })}
          </ul>
        </div>
      ))}
      <ReflectionOptions rows={reflections} locked={locked} save={save} locale={locale} />
    </section>
  );
}
