import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import {
  defaultLexicon,
  LOCALES,
  SEVERITIES,
  validateLexicon,
  type Entry,
  type Lexicon,
} from '@/core/index';
import {
  asLexiconFile,
  entryBelow,
  layerView,
  searchRows,
  withEntryRestored,
  withEntrySeverity,
  withEntrySwitched,
  withOwnEntry,
  type EntryRow,
  type LayerName,
} from '@/core/lexicon/layer-view';
import { draftOf, EMPTY_DRAFT, EntryEditor, WordingEditor, type EntryDraft } from './EntryEditor';
import { ImportExport } from './ImportExport';
import { KitOptions } from './KitOptions';
import { kitView, reflectionRows } from '@/core/kit/kit-view';
import { mergeKits } from '@/core/kit/merge-kit';
import { LOCALE_LABEL, ManagedSummary } from './ManagedSummary';
import { StoredProblems } from './StoredProblems';
import { effectiveSettings, type EffectiveSettings } from '@/core/settings/effective';
import {
  EMPTY_PERSONAL_LEXICON,
  personalLexiconItem,
  setAsidePersonalItem,
} from '@/extension/layers';
import {
  computePolicy,
  fetchedLexiconItem,
  type FetchedLexicon,
  type PolicyInForce,
} from '@/extension/policy';
import {
  policyItem,
  readSettings,
  settingsItem,
  storageProblemsItem,
  updateSettings,
  type StoredPolicy,
} from '@/extension/settings';
import { SEVERITY_LABEL } from '@/components/card/severity-label';

interface Loaded {
  settings: EffectiveSettings;
  stored: StoredPolicy;
  /** What the background found wrong in stored data and put right. */
  storageProblems: string[];
  inForce: PolicyInForce;
  /** The layers the personal one is laid over: built-in, then the service's if any. */
  below: Lexicon[];
  /** The personal layer validated over those below (empty when it could not be). */
  personal: Lexicon;
  /** A personal layer the background could not use and set aside, kept for download. */
  setAside: unknown;
  fetched: FetchedLexicon | null;
}

const LAYER_LABEL: Record<LayerName, string> = {
  'built-in': 'Built-in',
  service: 'Your service',
  personal: 'Yours',
};

/**
 * What a field may be read as. "unsure" (the default) reads as a clinical note, so letter-only
 * entries stay quiet; "clinical-note" reads the same, and is offered only when it is stored.
 */
const KIND_LABEL: Record<EffectiveSettings['whenUnsure'], string> = {
  unsure: 'a clinical note or report (the default)',
  'letter-to-patient': 'a letter to the patient',
  'letter-to-gp': 'a letter to a GP or colleague',
  'clinical-note': 'a clinical note',
};

async function load(): Promise<Loaded> {
  const [user, { stored, inForce }, storageProblems, setAside, fetched] = await Promise.all([
    readSettings(),
    computePolicy(),
    storageProblemsItem.getValue(),
    setAsidePersonalItem.getValue(),
    fetchedLexiconItem.getValue(),
  ]);
  // One reading of the policy for the whole page (the one just made from managed storage), not
  // the background's stored copy beside it: the two may differ for a moment after a change.
  const settings = effectiveSettings(user, stored.policy, stored.lexicon);
  // The policy's reading already validated the personal layer over those below (a broken one
  // is among its problems, and left out).
  const personal = inForce.layers.layers.find((l) => l.name === 'personal')?.lexicon;
  return {
    settings,
    stored,
    storageProblems,
    inForce,
    below: [defaultLexicon(), ...(inForce.service ? [inForce.service.lexicon] : [])],
    personal: personal ?? EMPTY_PERSONAL_LEXICON,
    setAside,
    fetched,
  };
}

/** What the browser said when it could not store something: most often, its storage is full. */
function storageError(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return /quota/i.test(text)
    ? 'the storage the browser gives Alongside is full; export your changes, then remove some'
    : text;
}

/**
 * Says why a personal layer would not fit, before the browser refuses to store it: what it
 * would take against the room the browser gives Alongside (Chromium says both; where a browser
 * does not, its own refusal is reported instead).
 */
async function noRoomFor(file: Record<string, unknown>): Promise<string | undefined> {
  const local = browser.storage.local as typeof browser.storage.local & {
    getBytesInUse?: (keys: string | null) => Promise<number>;
    QUOTA_BYTES?: number;
  };
  if (typeof local.getBytesInUse !== 'function' || !local.QUOTA_BYTES) return undefined;
  const [all, now] = await Promise.all([
    local.getBytesInUse(null),
    local.getBytesInUse(personalLexiconItem.key.replace(/^local:/, '')),
  ]);
  const size = new TextEncoder().encode(JSON.stringify(file)).length;
  const room = local.QUOTA_BYTES - (all - now);
  if (size <= room) return undefined;
  const kb = (bytes: number) => `${Math.ceil(bytes / 1024)} KB`;
  return `your changes would take ${kb(size)}, and the browser's storage for Alongside has room for ${kb(Math.max(room, 0))}; export them, then remove some`;
}

/** The layer as stored: its entries and patches, each as JSON, by id. */
const entriesById = (file: Record<string, unknown>) =>
  new Map(
    ((file.entries ?? []) as { id: string }[]).map((e) => [e.id, JSON.stringify(e)] as const),
  );

/**
 * Why a layer cannot be saved, in one line naming the entry at fault. The whole layer is checked
 * over the layers below; the examples of the entries this change adds or alters are run too,
 * as `lexicon validate` runs them. Entries it leaves as they were are not run again: an update
 * of the built-in lexicon that makes an old example read differently must not stop every
 * other change.
 */
function whyNotSaved(
  file: Record<string, unknown>,
  before: Record<string, unknown>,
  below: readonly Lexicon[],
): string | undefined {
  const whole = validateLexicon(file, { below });
  const old = entriesById(before);
  const changed = ((file.entries ?? []) as { id: string }[]).filter(
    (e) => old.get(e.id) !== JSON.stringify(e),
  );
  const checked =
    whole.ok && changed.length > 0
      ? validateLexicon({ ...file, entries: changed }, { below, examples: true })
      : whole;
  if (checked.ok) return undefined;
  const error = checked.errors[0]!;
  const at = /^(?:entries|prompts\.(sections|items|reflections))\[(\d+)\]\.?/.exec(error);
  const kit = file.prompts as Record<string, { id?: unknown; title?: unknown }[]> | undefined;
  const list = at?.[1]
    ? kit?.[at[1]]
    : ((checked === whole ? file.entries : changed) as { id?: unknown }[] | undefined);
  const item = at ? list?.[Number(at[2])] : undefined;
  // A prompt by its title, which is what the page shows; an entry by its id.
  const title = item && 'title' in item && typeof item.title === 'string' && item.title.trim();
  const id = title || item?.id;
  // "message: message must not be empty" says its field once.
  const rest = (at ? error.slice(at[0].length) : error).replace(/^([\w.]+): (?=\1 )/, '');
  return typeof id === 'string' ? `“${id}”: ${rest}` : rest;
}

/**
 * The options page: the settings in force (and which the organisation manages), and the
 * effective lexicon as a searchable table, where the clinician can switch entries off and
 * restore them. Every change is validated before it is stored, and reaches open tabs at once.
 */
export function Options() {
  const [state, setState] = useState<Loaded>();
  /** Saves run one after another, each over the layer the one before stored. */
  const saving = useRef<Promise<unknown>>(Promise.resolve());
  const personalNow = useRef<Lexicon>();
  const [status, setStatus] = useState('');
  const [query, setQuery] = useState('');
  const [layer, setLayer] = useState<'' | LayerName>('');
  const [severity, setSeverity] = useState('');
  const [category, setCategory] = useState('');
  const [showOff, setShowOff] = useState(true);
  const [editing, setEditing] = useState<EntryDraft>();
  /** The entry below whose wording is being changed (one form open at a time). */
  const [rewording, setRewording] = useState<Entry>();
  const edit = (draft: EntryDraft) => {
    setRewording(undefined);
    setEditing(draft);
  };

  useEffect(() => {
    let live = true;
    const reload = () =>
      void load().then((next) => {
        if (!live) return;
        personalNow.current = next.personal;
        setState(next);
      });
    reload();
    const unwatch = [
      settingsItem,
      personalLexiconItem,
      policyItem,
      storageProblemsItem,
      setAsidePersonalItem,
      fetchedLexiconItem,
    ].map((item) => item.watch(reload));
    // An administrator's change is read here at once, as the background reads it.
    const managedChanged = (_: unknown, area: string) => area === 'managed' && reload();
    browser.storage.onChanged.addListener(managedChanged);
    return () => {
      live = false;
      unwatch.forEach((stop) => stop());
      browser.storage.onChanged.removeListener(managedChanged);
    };
  }, []);

  const layers = useMemo(() => {
    if (!state) return [];
    const [builtIn, service] = state.below;
    const named: { name: LayerName; lexicon: Lexicon }[] = [
      { name: 'built-in', lexicon: builtIn! },
    ];
    if (service) named.push({ name: 'service', lexicon: service });
    if (state.inForce.personalChanges) named.push({ name: 'personal', lexicon: state.personal });
    return named;
  }, [state]);
  const rows = useMemo(() => layerView(layers), [layers]);
  const kit = useMemo(
    () => ({
      rows: kitView(layers),
      reflections: reflectionRows(layers),
      sections: mergeKits(layers.map((l) => l.lexicon.prompts)).kit.sections,
    }),
    [layers],
  );

  if (!state) return <p>Loading…</p>;
  const { settings, stored, inForce } = state;
  const managed = new Set(settings.managed);
  const locked = !inForce.personalChanges;

  const shown = searchRows(rows, query).filter(
    (r) =>
      (!layer || r.from === layer || r.changedBy.includes(layer)) &&
      (!severity || r.severity === severity) &&
      (!category || r.category === category) &&
      (showOff || r.enabled),
  );

  /**
   * Lays a change over the personal layer as it is now (an earlier change not yet drawn
   * included: changes are made one after another) and stores it only if it validates over the
   * layers below (`whyNotSaved`); otherwise says which entry, which field and why.
   */
  const savePersonal = (change: (personal: Lexicon) => Lexicon, said: string): Promise<boolean> => {
    const run = saving.current.then(async () => {
      const latest = personalNow.current ?? state.personal;
      const file = asLexiconFile(change(latest));
      const problem = whyNotSaved(file, asLexiconFile(latest), state.below);
      if (problem) {
        setStatus(`Not saved: ${problem}`);
        return false;
      }
      const full = await noRoomFor(file).catch(() => undefined);
      if (full) {
        setStatus(`Not saved: ${full}.`);
        return false;
      }
      try {
        // A stored layer that could not be used is kept for download, not overwritten.
        if (state.inForce.personal.state === 'invalid' && state.setAside === null) {
          await setAsidePersonalItem.setValue(state.inForce.personal.raw);
        }
        await personalLexiconItem.setValue(file);
      } catch (error) {
        setStatus(`Not saved: the browser could not store it (${storageError(error)}).`);
        return false;
      }
      const validated = validateLexicon(file, { below: state.below });
      if (validated.ok) personalNow.current = validated.lexicon;
      setStatus(said);
      return true;
    });
    saving.current = run.catch(() => false);
    return run;
  };
  const categories = [...new Set(rows.map((r) => r.category))].sort();

  const switchEntry = (row: EntryRow, on: boolean) =>
    savePersonal(
      (p) => withEntrySwitched(p, row.id, on),
      on ? `“${row.id}” is on again.` : `“${row.id}” is switched off.`,
    );
  const restore = (row: EntryRow) =>
    savePersonal(
      (p) => withEntryRestored(p, row.id),
      `“${row.id}” is as ${row.from === 'service' ? 'your service' : 'the built-in lexicon'} has it again.`,
    );

  return (
    <main class="options">
      <h1>Alongside options</h1>
      <p class="status" role="status" aria-live="polite">
        {status}
      </p>

      <StoredProblems
        policy={stored.problems}
        personal={stored.personalProblems ?? []}
        putRight={state.storageProblems}
        setAside={state.setAside}
        onDiscardSetAside={() =>
          void setAsidePersonalItem
            .removeValue()
            .then(() => setStatus('The changes that could not be used are discarded.'))
        }
      />

      <ManagedSummary stored={stored} service={inForce.service?.lexicon} fetched={state.fetched} />

      <section aria-labelledby="settings-heading">
        <h2 id="settings-heading">Settings</h2>
        <div class="field">
          <label for="locale">Spelling</label>
          <select
            id="locale"
            value={settings.locale}
            disabled={managed.has('locale')}
            onChange={(e) => {
              const locale = (e.currentTarget as HTMLSelectElement)
                .value as (typeof LOCALES)[number];
              void updateSettings((s) => ({ ...s, locale })).then(() =>
                setStatus(`Spelling: ${LOCALE_LABEL[locale]}.`),
              );
            }}
          >
            {LOCALES.map((l) => (
              <option key={l} value={l}>
                {LOCALE_LABEL[l]}
              </option>
            ))}
          </select>
          {managed.has('locale') && <span class="managed">Set by your organisation</span>}
        </div>
        <div class="field">
          <label for="min-severity">Show flags from</label>
          <select
            id="min-severity"
            value={settings.minSeverity}
            onChange={(e) => {
              const minSeverity = (e.currentTarget as HTMLSelectElement)
                .value as (typeof SEVERITIES)[number];
              void updateSettings((s) => ({ ...s, minSeverity })).then(() =>
                setStatus(`Showing flags from “${SEVERITY_LABEL[minSeverity]}” up.`),
              );
            }}
          >
            {SEVERITIES.map((s) => (
              <option
                key={s}
                value={s}
                disabled={
                  managed.has('minimumSeverity') &&
                  SEVERITIES.indexOf(s) <
                    SEVERITIES.indexOf(stored.policy.minimumSeverity ?? 'info')
                }
              >
                {SEVERITY_LABEL[s]}
              </option>
            ))}
          </select>
          {managed.has('minimumSeverity') && (
            <span class="managed">
              Your organisation shows nothing below “
              {SEVERITY_LABEL[stored.policy.minimumSeverity ?? 'info']}”
            </span>
          )}
        </div>

        <div class="field">
          <label for="when-unsure">When a field does not say what it is, read it as</label>
          <select
            id="when-unsure"
            value={settings.whenUnsure}
            onChange={(e) => {
              const whenUnsure = (e.currentTarget as HTMLSelectElement)
                .value as EffectiveSettings['whenUnsure'];
              void updateSettings((s) => ({ ...s, whenUnsure })).then(() =>
                setStatus(`Fields that do not say are read as ${KIND_LABEL[whenUnsure]}.`),
              );
            }}
          >
            {(Object.keys(KIND_LABEL) as EffectiveSettings['whenUnsure'][])
              .filter((k) => k !== 'clinical-note' || settings.whenUnsure === k)
              .map((k) => (
                <option key={k} value={k}>
                  {KIND_LABEL[k]}
                </option>
              ))}
          </select>
        </div>

        <h3>Sites where you switched Alongside off</h3>
        {settings.disabledSites.length === 0 ? (
          <p class="muted">None.</p>
        ) : (
          <ul class="list">
            {settings.disabledSites.map((site) => (
              <li key={site}>
                <span>{site}</span>
                <button
                  type="button"
                  onClick={() =>
                    void updateSettings((s) => ({
                      ...s,
                      disabledSites: s.disabledSites.filter((d) => d !== site),
                    })).then(() => setStatus(`Alongside is on again for ${site}.`))
                  }
                >
                  Turn on again<span class="visually-hidden"> for {site}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
        {(settings.sitesEnabled || settings.sitesDisabled.length > 0) && (
          <p class="managed">
            Your organisation runs Alongside
            {settings.sitesEnabled ? ` only on ${settings.sitesEnabled.join(', ')}` : ''}
            {settings.sitesDisabled.length > 0
              ? ` and never on ${settings.sitesDisabled.join(', ')}`
              : ''}
            .
          </p>
        )}

        <h3>Phrases you ignore everywhere</h3>
        {settings.personalAllow.length === 0 ? (
          <p class="muted">None. “Ignore this phrase everywhere” in a card adds one here.</p>
        ) : (
          <ul class="list">
            {settings.personalAllow.map((phrase) => (
              <li key={phrase}>
                <span>{phrase}</span>
                <button
                  type="button"
                  onClick={() =>
                    void updateSettings((s) => ({
                      ...s,
                      personalAllow: s.personalAllow.filter((p) => p !== phrase),
                    })).then(() => setStatus(`“${phrase}” is flagged again.`))
                  }
                >
                  Stop ignoring<span class="visually-hidden"> “{phrase}”</span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>

      <ImportExport
        below={state.below}
        personal={state.personal}
        service={inForce.service?.lexicon}
        locked={locked}
        onApply={(layer) => savePersonal(() => layer, 'The import is applied.')}
      />

      <section aria-labelledby="lexicon-heading">
        <h2 id="lexicon-heading">The lexicon in force</h2>
        {locked && (
          <p class="managed">
            Your organisation manages the lexicon: entries cannot be changed here.
          </p>
        )}
        <div class="filters">
          <label>
            Search
            <input
              type="search"
              value={query}
              onInput={(e) => setQuery((e.currentTarget as HTMLInputElement).value)}
            />
          </label>
          <label>
            Layer
            <select
              value={layer}
              onChange={(e) => setLayer((e.currentTarget as HTMLSelectElement).value as LayerName)}
            >
              <option value="">All</option>
              <option value="built-in">Built-in</option>
              {inForce.service && <option value="service">Your service</option>}
              {!locked && <option value="personal">Yours</option>}
            </select>
          </label>
          <label>
            Category
            <select
              value={category}
              onChange={(e) => setCategory((e.currentTarget as HTMLSelectElement).value)}
            >
              <option value="">All</option>
              {categories.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>
          </label>
          <label>
            Level
            <select
              value={severity}
              onChange={(e) => setSeverity((e.currentTarget as HTMLSelectElement).value)}
            >
              <option value="">All</option>
              {SEVERITIES.map((s) => (
                <option key={s} value={s}>
                  {SEVERITY_LABEL[s]}
                </option>
              ))}
            </select>
          </label>
          <label class="check">
            <input
              type="checkbox"
              checked={showOff}
              onChange={(e) => setShowOff((e.currentTarget as HTMLInputElement).checked)}
            />
            Show entries switched off
          </label>
        </div>
        {!locked && !editing && !rewording && (
          <button type="button" onClick={() => edit(EMPTY_DRAFT)}>
            Add an entry of your own
          </button>
        )}
        {editing && (
          <EntryEditor
            initial={editing}
            categories={categories}
            onCancel={() => setEditing(undefined)}
            onSave={(entry) =>
              void savePersonal((p) => withOwnEntry(p, entry), `“${entry.id}” is saved.`).then(
                (saved) => saved && setEditing(undefined),
              )
            }
          />
        )}
        {rewording && !locked && (
          <WordingEditor
            key={rewording.id}
            base={rewording}
            personal={state.personal}
            onCancel={() => setRewording(undefined)}
            onSave={(change, changed) => {
              const id = rewording.id;
              if (!changed) {
                setStatus(`Nothing to save: the wording of “${id}” is as it was.`);
                setRewording(undefined);
                return;
              }
              void savePersonal(change, `“${id}” has your wording now.`).then(
                (saved) => saved && setRewording(undefined),
              );
            }}
          />
        )}
        <p class="count" aria-live="polite">
          {shown.length} of {rows.length} entries
        </p>
        <table>
          <caption class="visually-hidden">Entries of the lexicon in force</caption>
          <thead>
            <tr>
              <th scope="col">Phrases</th>
              <th scope="col">Level</th>
              <th scope="col">Why</th>
              <th scope="col">Alternatives</th>
              <th scope="col">From</th>
              <th scope="col">
                <span class="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.map((row) => (
              <tr key={row.id} data-entry={row.id} class={row.enabled ? '' : 'off'}>
                <th scope="row">
                  {row.phrases.slice(0, 3).join(', ') || row.id}
                  {row.phrases.length > 3 && ` (+${row.phrases.length - 3})`}
                  <div class="id">{row.id}</div>
                </th>
                <td>
                  {locked ? (
                    SEVERITY_LABEL[row.severity]
                  ) : (
                    <select
                      aria-label={`Level of ${row.id}`}
                      value={row.severity}
                      onChange={(e) => {
                        const level = (e.currentTarget as HTMLSelectElement)
                          .value as EntryRow['severity'];
                        void savePersonal(
                          (p) => withEntrySeverity(p, row.id, level),
                          `“${row.id}” is now “${SEVERITY_LABEL[level]}”.`,
                        );
                      }}
                    >
                      {SEVERITIES.map((s) => (
                        <option key={s} value={s}>
                          {SEVERITY_LABEL[s]}
                        </option>
                      ))}
                    </select>
                  )}
                </td>
                <td>{row.message}</td>
                <td>{row.alternatives.slice(0, 2).join(' · ')}</td>
                <td>
                  {LAYER_LABEL[row.from]}
                  {row.changedBy.length > 0 && (
                    <div class="muted">
                      changed by {row.changedBy.map((l) => LAYER_LABEL[l].toLowerCase()).join(', ')}
                    </div>
                  )}
                  {!row.enabled && <div class="muted">switched off</div>}
                </td>
                <td class="actions">
                  {!locked &&
                    (row.personal === 'off' ? (
                      <button type="button" onClick={() => void switchEntry(row, true)}>
                        Switch on<span class="visually-hidden"> {row.id}</span>
                      </button>
                    ) : (
                      row.enabled &&
                      row.personal !== 'own' && (
                        <button type="button" onClick={() => void switchEntry(row, false)}>
                          Switch off<span class="visually-hidden"> {row.id}</span>
                        </button>
                      )
                    ))}
                  {!locked && row.personal === 'changed' && (
                    <button type="button" onClick={() => void restore(row)}>
                      Restore<span class="visually-hidden"> {row.id}</span>
                    </button>
                  )}
                  {!locked && row.personal === 'own' && (
                    <>
                      <button type="button" onClick={() => edit(draftOf(row.entry))}>
                        Edit<span class="visually-hidden"> {row.id}</span>
                      </button>
                      <button
                        type="button"
                        onClick={() =>
                          void savePersonal(
                            (p) => withEntryRestored(p, row.id),
                            `“${row.id}” is deleted.`,
                          )
                        }
                      >
                        Delete<span class="visually-hidden"> {row.id}</span>
                      </button>
                    </>
                  )}
                  {!locked && row.from !== 'personal' && (
                    <button
                      type="button"
                      onClick={() => {
                        setEditing(undefined);
                        setRewording(entryBelow(state.below, row.id));
                      }}
                    >
                      Change wording<span class="visually-hidden"> of {row.id}</span>
                    </button>
                  )}
                  {!locked && (
                    <button
                      type="button"
                      onClick={() => edit(draftOf(row.entry, `${row.id}-mine`))}
                    >
                      Duplicate<span class="visually-hidden"> {row.id}</span>
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <KitOptions
        rows={kit.rows}
        sections={kit.sections}
        reflections={kit.reflections}
        locked={locked}
        save={savePersonal}
      />
    </main>
  );
}
