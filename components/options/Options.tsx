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
import { localeLabels, ManagedSummary } from './ManagedSummary';
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
import { severityLabels } from '@/components/card/severity-label';
import { documentKindLabels } from '@/components/card/document-kind-label';
import { useDocumentLocale } from '@/components/document-locale';
import type { Locale } from '@/core/lexicon/schema';
import { optionsMessages } from '@/locales/index';
import { changedByLine, layerLabels, type OptionsWords } from './layer-label';

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

/**
 * What a field may be read as. "unsure" (the default) reads as a clinical note, so letter-only
 * entries stay quiet; "clinical-note" reads the same, and is offered only when it is stored.
 */
const kindLabels = (locale: Locale): Record<EffectiveSettings['whenUnsure'], string> => {
  const kind = documentKindLabels(locale);
  return {
    unsure: optionsMessages(locale).whenUnsureDefault,
    'letter-to-patient': kind['letter-to-patient'],
    'letter-to-gp': kind['letter-to-gp'],
    'clinical-note': kind['clinical-note'],
  };
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

/** "Your organisation runs Alongside only on …", from the sites the policy allows and forbids. */
function sitesLine(settings: EffectiveSettings, m: OptionsWords): string {
  const only = settings.sitesEnabled?.join(', ');
  const never = settings.sitesDisabled.join(', ');
  if (only === undefined) return m.neverRunsOn({ never });
  return never ? m.runsOnlyOnNeverOn({ only, never }) : m.runsOnlyOn({ only });
}

/** What the browser said when it could not store something: most often, its storage is full. */
function storageError(error: unknown, m: OptionsWords): string {
  const text = error instanceof Error ? error.message : String(error);
  return /quota/i.test(text) ? m.storageFull : text;
}

/**
 * Says why a personal layer would not fit, before the browser refuses to store it: what it
 * would take against the room the browser gives Alongside (Chromium says both; where a browser
 * does not, its own refusal is reported instead).
 */
async function noRoomFor(
  file: Record<string, unknown>,
  m: OptionsWords,
): Promise<string | undefined> {
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
  const kb = (bytes: number) => m.kilobytes({ count: Math.ceil(bytes / 1024) });
  return m.noRoom({ size: kb(size), room: kb(Math.max(room, 0)) });
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
  m: OptionsWords,
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
  return typeof id === 'string' ? m.problemOf({ name: id, problem: rest }) : rest;
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

  // The page speaks the locale in force, as it reads the settings (the policy's, if it sets one).
  const locale = state?.settings.locale ?? 'en-GB';
  useDocumentLocale(locale);
  const m = optionsMessages(locale);
  if (!state) return <p>{m.loading}</p>;
  const level = severityLabels(locale);
  const kinds = kindLabels(locale);
  const layerName = layerLabels(m);
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
      const problem = whyNotSaved(file, asLexiconFile(latest), state.below, m);
      if (problem) {
        setStatus(m.notSaved({ problem }));
        return false;
      }
      const full = await noRoomFor(file, m).catch(() => undefined);
      if (full) {
        setStatus(m.notSavedStop({ problem: full }));
        return false;
      }
      try {
        // A stored layer that could not be used is kept for download, not overwritten.
        if (state.inForce.personal.state === 'invalid' && state.setAside === null) {
          await setAsidePersonalItem.setValue(state.inForce.personal.raw);
        }
        await personalLexiconItem.setValue(file);
      } catch (error) {
        setStatus(m.notStoredBecause({ problem: storageError(error, m) }));
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
      (on ? m.entryOnAgain : m.switchedOffName)({ name: row.id }),
    );
  const restore = (row: EntryRow) =>
    savePersonal(
      (p) => withEntryRestored(p, row.id),
      (row.from === 'service' ? m.asServiceHasIt : m.asBuiltInLexiconHasIt)({ name: row.id }),
    );

  return (
    <main class="options">
      <h1>{m.optionsTitle}</h1>
      <p class="status" role="status" aria-live="polite">
        {status}
      </p>

      <StoredProblems
        policy={stored.problems}
        personal={stored.personalProblems ?? []}
        putRight={state.storageProblems}
        setAside={state.setAside}
        onDiscardSetAside={() =>
          void setAsidePersonalItem.removeValue().then(() => setStatus(m.setAsideDiscarded))
        }
        locale={locale}
      />

      <ManagedSummary
        stored={stored}
        service={inForce.service?.lexicon}
        fetched={state.fetched}
        locale={locale}
      />

      <section aria-labelledby="settings-heading">
        <h2 id="settings-heading">{m.settingsHeading}</h2>
        <div class="field">
          <label for="locale">{m.spelling}</label>
          <select
            id="locale"
            value={settings.locale}
            disabled={managed.has('locale')}
            onChange={(e) => {
              const locale = (e.currentTarget as HTMLSelectElement)
                .value as (typeof LOCALES)[number];
              // Said in the words of the locale just chosen, as the whole page then is.
              void updateSettings((s) => ({ ...s, locale })).then(() =>
                setStatus(
                  optionsMessages(locale).spellingSet({ locale: localeLabels(locale)[locale] }),
                ),
              );
            }}
          >
            {LOCALES.map((l) => (
              <option key={l} value={l}>
                {localeLabels(settings.locale)[l]}
              </option>
            ))}
          </select>
          {managed.has('locale') && <span class="managed">{m.setByOrganisation}</span>}
        </div>
        <div class="field">
          <label for="min-severity">{m.showFlagsFrom}</label>
          <select
            id="min-severity"
            value={settings.minSeverity}
            onChange={(e) => {
              const minSeverity = (e.currentTarget as HTMLSelectElement)
                .value as (typeof SEVERITIES)[number];
              void updateSettings((s) => ({ ...s, minSeverity })).then(() =>
                setStatus(m.showingFlagsFrom({ level: level[minSeverity] })),
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
                {level[s]}
              </option>
            ))}
          </select>
          {managed.has('minimumSeverity') && (
            <span class="managed">
              {m.organisationFloor({ level: level[stored.policy.minimumSeverity ?? 'info'] })}
            </span>
          )}
        </div>

        <div class="field">
          <label for="when-unsure">{m.whenUnsure}</label>
          <select
            id="when-unsure"
            value={settings.whenUnsure}
            onChange={(e) => {
              const whenUnsure = (e.currentTarget as HTMLSelectElement)
                .value as EffectiveSettings['whenUnsure'];
              void updateSettings((s) => ({ ...s, whenUnsure })).then(() =>
                setStatus(m.whenUnsureSet({ kind: kinds[whenUnsure] })),
              );
            }}
          >
            {(Object.keys(kinds) as EffectiveSettings['whenUnsure'][])
              .filter((k) => k !== 'clinical-note' || settings.whenUnsure === k)
              .map((k) => (
                <option key={k} value={k}>
                  {kinds[k]}
                </option>
              ))}
          </select>
        </div>

        <h3>{m.sitesOffHeading}</h3>
        {settings.disabledSites.length === 0 ? (
          <p class="muted">{m.noneListed}</p>
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
                    })).then(() => setStatus(m.onAgainFor({ site })))
                  }
                >
                  {m.turnOnAgain}
                  <span class="visually-hidden"> {m.forSite({ site })}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
        {(settings.sitesEnabled || settings.sitesDisabled.length > 0) && (
          <p class="managed">{sitesLine(settings, m)}</p>
        )}

        <h3>{m.ignoredHeading}</h3>
        {settings.personalAllow.length === 0 ? (
          <p class="muted">{m.noneIgnored}</p>
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
                    })).then(() => setStatus(m.flaggedAgain({ phrase })))
                  }
                >
                  {m.stopIgnoring}
                  <span class="visually-hidden"> {m.quoted({ words: phrase })}</span>
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
        onApply={(layer) => savePersonal(() => layer, m.importApplied)}
        locale={locale}
      />

      <section aria-labelledby="lexicon-heading">
        <h2 id="lexicon-heading">{m.lexiconHeading}</h2>
        {locked && <p class="managed">{m.lexiconManaged}</p>}
        <div class="filters">
          <label>
            {m.searchEntries}
            <input
              type="search"
              value={query}
              onInput={(e) => setQuery((e.currentTarget as HTMLInputElement).value)}
            />
          </label>
          <label>
            {m.layerFilter}
            <select
              value={layer}
              onChange={(e) => setLayer((e.currentTarget as HTMLSelectElement).value as LayerName)}
            >
              <option value="">{m.allOfThem}</option>
              <option value="built-in">{layerName['built-in']}</option>
              {inForce.service && <option value="service">{layerName.service}</option>}
              {!locked && <option value="personal">{layerName.personal}</option>}
            </select>
          </label>
          <label>
            {m.categoryLabel}
            <select
              value={category}
              onChange={(e) => setCategory((e.currentTarget as HTMLSelectElement).value)}
            >
              <option value="">{m.allOfThem}</option>
              {categories.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>
          </label>
          <label>
            {m.levelLabel}
            <select
              value={severity}
              onChange={(e) => setSeverity((e.currentTarget as HTMLSelectElement).value)}
            >
              <option value="">{m.allOfThem}</option>
              {SEVERITIES.map((s) => (
                <option key={s} value={s}>
                  {level[s]}
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
            {m.showSwitchedOff}
          </label>
        </div>
        {!locked && !editing && !rewording && (
          <button type="button" onClick={() => edit(EMPTY_DRAFT)}>
            {m.addEntry}
          </button>
        )}
        {editing && (
          <EntryEditor
            initial={editing}
            categories={categories}
            onCancel={() => setEditing(undefined)}
            onSave={(entry) =>
              void savePersonal(
                (p) => withOwnEntry(p, entry),
                m.entrySaved({ name: entry.id }),
              ).then((saved) => saved && setEditing(undefined))
            }
            locale={locale}
          />
        )}
        {rewording && !locked && (
          <WordingEditor
            key={rewording.id}
            base={rewording}
            personal={state.personal}
            locale={locale}
            onCancel={() => setRewording(undefined)}
            onSave={(change, changed) => {
              const id = rewording.id;
              if (!changed) {
                setStatus(m.nothingToSave({ name: id }));
                setRewording(undefined);
                return;
              }
              void savePersonal(change, m.hasYourWording({ name: id })).then(
                (saved) => saved && setRewording(undefined),
              );
            }}
          />
        )}
        <p class="count" aria-live="polite">
          {m.entriesShown({ shown: shown.length, total: rows.length })}
        </p>
        <table>
          <caption class="visually-hidden">{m.entriesCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{m.phrasesColumn}</th>
              <th scope="col">{m.levelLabel}</th>
              <th scope="col">{m.whyColumn}</th>
              <th scope="col">{m.alternativesColumn}</th>
              <th scope="col">{m.fromColumn}</th>
              <th scope="col">
                <span class="visually-hidden">{m.actionsColumn}</span>
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
                    level[row.severity]
                  ) : (
                    <select
                      aria-label={m.levelOf({ name: row.id })}
                      value={row.severity}
                      onChange={(e) => {
                        const chosen = (e.currentTarget as HTMLSelectElement)
                          .value as EntryRow['severity'];
                        void savePersonal(
                          (p) => withEntrySeverity(p, row.id, chosen),
                          m.entryLevelSet({ name: row.id, level: level[chosen] }),
                        );
                      }}
                    >
                      {SEVERITIES.map((s) => (
                        <option key={s} value={s}>
                          {level[s]}
                        </option>
                      ))}
                    </select>
                  )}
                </td>
                <td>{row.message}</td>
                <td>{row.alternatives.slice(0, 2).join(' · ')}</td>
                <td>
                  {layerName[row.from]}
                  {row.changedBy.length > 0 && (
                    <div class="muted">{changedByLine(row.changedBy, m)}</div>
                  )}
                  {!row.enabled && <div class="muted">{m.switchedOff}</div>}
                </td>
                <td class="actions">
                  {!locked &&
                    (row.personal === 'off' ? (
                      <button type="button" onClick={() => void switchEntry(row, true)}>
                        {m.switchOn}
                        <span class="visually-hidden"> {row.id}</span>
                      </button>
                    ) : (
                      row.enabled &&
                      row.personal !== 'own' && (
                        <button type="button" onClick={() => void switchEntry(row, false)}>
                          {m.switchOff}
                          <span class="visually-hidden"> {row.id}</span>
                        </button>
                      )
                    ))}
                  {!locked && row.personal === 'changed' && (
                    <button type="button" onClick={() => void restore(row)}>
                      {m.restore}
                      <span class="visually-hidden"> {row.id}</span>
                    </button>
                  )}
                  {!locked && row.personal === 'own' && (
                    <>
                      <button type="button" onClick={() => edit(draftOf(row.entry))}>
                        {m.editEntry}
                        <span class="visually-hidden"> {row.id}</span>
                      </button>
                      <button
                        type="button"
                        onClick={() =>
                          void savePersonal(
                            (p) => withEntryRestored(p, row.id),
                            m.deleted({ name: row.id }),
                          )
                        }
                      >
                        {m.deleteOwn}
                        <span class="visually-hidden"> {row.id}</span>
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
                      {m.changeWording}
                      <span class="visually-hidden"> {m.ofName({ name: row.id })}</span>
                    </button>
                  )}
                  {!locked && (
                    <button
                      type="button"
                      onClick={() => edit(draftOf(row.entry, `${row.id}-mine`))}
                    >
                      {m.duplicate}
                      <span class="visually-hidden"> {row.id}</span>
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
        locale={locale}
      />
    </main>
  );
}
