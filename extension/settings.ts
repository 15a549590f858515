import { storage } from 'wxt/utils/storage';
import type { Settings } from '@/core/settings/schema';

export type { Settings };

/** Kept in step with `SettingsSchema`'s defaults by test/extension/settings.test.ts. */
export const DEFAULT_SETTINGS: Settings = {
  enabled: true,
  disabledSites: [],
  personalAllow: [],
  locale: 'en-GB',
  minSeverity: 'info',
};

/**
 * Settings in extension storage. Read with defaults filled in, so an older stored shape never
 * breaks a newer extension. No zod here: the content script stays small.
 */
export const settingsItem = storage.defineItem<Settings>('local:settings', {
  fallback: DEFAULT_SETTINGS,
});

export async function readSettings(): Promise<Settings> {
  return { ...DEFAULT_SETTINGS, ...(await settingsItem.getValue()) };
}

export async function updateSettings(change: (current: Settings) => Settings): Promise<Settings> {
  const next = change(await readSettings());
  await settingsItem.setValue(next);
  return next;
}

export function watchSettings(onChange: (settings: Settings) => void): () => void {
  return settingsItem.watch((value) => onChange({ ...DEFAULT_SETTINGS, ...value }));
}

/** Alongside is on for a site unless switched off globally or for that site. */
export function isOnForSite(settings: Settings, site: string): boolean {
  return settings.enabled && !settings.disabledSites.includes(site);
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
