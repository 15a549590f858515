import { storage } from 'wxt/utils/storage';
import { effectiveSettings, isOnForSite, type EffectiveSettings } from '@/core/settings/effective';
import type { ManagedPolicy } from '@/core/settings/policy';
import { DOCUMENT_KINDS, LOCALES, SEVERITIES } from '@/core/lexicon/constants';
import { DEFAULT_SETTINGS } from '@/core/settings/defaults';
import { normaliseAllowList } from '@/core/settings/allow-phrase';
import type { Settings } from '@/core/settings/schema';

export type { Settings };

export { DEFAULT_SETTINGS };

/**
 * Stored settings as the content script may use them: each field of the right type, else its
 * default, so a corrupted or foreign value never breaks a page (the options page and the
 * background validate it in full with the zod schema). No zod here: the content script stays small.
 */
export function sanitiseSettings(stored: unknown): Settings {
  const s = (typeof stored === 'object' && stored !== null ? stored : {}) as Record<
    string,
    unknown
  >;
  const strings = (value: unknown, fallback: string[]) =>
    Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : fallback;
  return {
    enabled: typeof s.enabled === 'boolean' ? s.enabled : DEFAULT_SETTINGS.enabled,
    disabledSites: strings(s.disabledSites, DEFAULT_SETTINGS.disabledSites),
    personalAllow: strings(s.personalAllow, DEFAULT_SETTINGS.personalAllow),
    locale: (LOCALES as readonly unknown[]).includes(s.locale)
      ? (s.locale as Settings['locale'])
      : DEFAULT_SETTINGS.locale,
    minSeverity: (SEVERITIES as readonly unknown[]).includes(s.minSeverity)
      ? (s.minSeverity as Settings['minSeverity'])
      : DEFAULT_SETTINGS.minSeverity,
    whenUnsure: (['unsure', ...DOCUMENT_KINDS] as readonly unknown[]).includes(s.whenUnsure)
      ? (s.whenUnsure as Settings['whenUnsure'])
      : DEFAULT_SETTINGS.whenUnsure,
  };
}

/**
 * The stored shape's version, and how each version is reached from the one before.
 * 2: allow phrases are stored as the engine reads them, each once (`allowPhraseFor`). Version 1
 * kept curly apostrophes, so “isn’t coping” and “isn't coping” were listed twice; it also dropped
 * a lone "&" ("wear tear"), which no migration can put back: such a phrase is listed as it is.
 */
export const SETTINGS_VERSION = 2;
export const SETTINGS_MIGRATIONS: Record<number, (previous: unknown) => unknown> = {
  2(v1) {
    const s = v1 as { personalAllow?: unknown } | null;
    const list = typeof s === 'object' && s !== null ? s.personalAllow : undefined;
    // Anything else wrong is for the full check that follows to put right.
    if (!Array.isArray(list) || !list.every((p) => typeof p === 'string')) return v1;
    return { ...s, personalAllow: normaliseAllowList(list) };
  },
};

/**
 * The settings item as the background defines it, with its migrations, which run as it is
 * defined (once a wake) and before anything reads it; `null` when nothing is stored.
 */
export function migratingSettingsItem() {
  return storage.defineItem<unknown>('local:settings', {
    version: SETTINGS_VERSION,
    migrations: SETTINGS_MIGRATIONS,
  });
}

/**
 * Settings in extension storage. Read with defaults filled in, so an older stored shape never
 * breaks a newer extension. No zod here: the content script stays small.
 */
export const settingsItem = storage.defineItem<Settings>('local:settings', {
  fallback: DEFAULT_SETTINGS,
  // Migrations run in the background alone (`migrateSettings`), not in every frame; until they
  // have, `sanitiseSettings` reads an older shape well enough.
  version: SETTINGS_VERSION,
});

export async function readSettings(): Promise<Settings> {
  return sanitiseSettings(await settingsItem.getValue());
}

export async function updateSettings(change: (current: Settings) => Settings): Promise<Settings> {
  const next = change(await readSettings());
  await settingsItem.setValue(next);
  return next;
}

export function watchSettings(onChange: (settings: Settings) => void): () => void {
  return settingsItem.watch((value) => onChange(sanitiseSettings(value)));
}

/** Whether Alongside runs on a site (the clinician's switches, and any policy's site lists). */
export { isOnForSite };

/**
 * The trust's policy as the background read it from `storage.managed` and checked (zod runs
 * there, not in every frame): the settings it sets, without the service lexicon (which the
 * background keeps for itself), and what it could not use.
 */
export interface StoredPolicy {
  policy: Omit<ManagedPolicy, 'serviceLexicon'>;
  /** What the policy could not be used for. */
  problems: string[];
  /** Why the clinician's own layer (or part of it) is not in force; none: undefined. */
  personalProblems?: string[];
  /** The service lexicon in force, as "name version" and a digest; none: undefined. */
  serviceLexicon?: string;
  /** Names every layer in force over the built-in one (service, personal): frames restart on a change. */
  lexicon?: string;
}
/** The last settings that were valid: what a corrupted value is replaced by. */
export const lastGoodSettingsItem = storage.defineItem<Settings | null>('local:settingsLastGood', {
  fallback: null,
});

/** Problems the background found in stored data (not the policy's), for the options page. */
export const storageProblemsItem = storage.defineItem<string[]>('local:storageProblems', {
  fallback: [],
});

export const policyItem = storage.defineItem<StoredPolicy>('local:policy', {
  fallback: { policy: {}, problems: [] },
});

/** The clinician's settings with the trust's policy laid over them. */
export async function readEffectiveSettings(): Promise<EffectiveSettings> {
  const [user, stored] = await Promise.all([readSettings(), policyItem.getValue()]);
  return effectiveSettings(user, stored.policy, stored.lexicon);
}

/** Calls `onChange` with the settings in force whenever the clinician's or the policy's change. */
export function watchEffectiveSettings(
  onChange: (settings: EffectiveSettings) => void,
): () => void {
  const changed = () => void readEffectiveSettings().then(onChange, () => {});
  const a = settingsItem.watch(changed);
  const b = policyItem.watch(changed);
  return () => {
    a();
    b();
  };
}

/**
 * The settings with one site switched on or off: the host leaves or joins `disabledSites` (once),
 * everything else as it was. The master switch is not touched.
 */
export function withSiteEnabled(settings: Settings, site: string, on: boolean): Settings {
  const others = settings.disabledSites.filter((s) => s !== site);
  return { ...settings, disabledSites: on ? others : [...others, site] };
}

/** Switches Alongside on or off for one site in storage; every frame on that site follows. */
export function setSiteEnabled(site: string, on: boolean): Promise<Settings> {
  return updateSettings((current) => withSiteEnabled(current, site, on));
}
