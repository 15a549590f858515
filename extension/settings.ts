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
