import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { checkStoredSettings, SettingsSchema } from '../../core/settings/schema.ts';

// WXT's storage reaches for the browser when first imported: give it the in-memory fake first.
vi.stubGlobal('chrome', fakeBrowser);
const {
  DEFAULT_SETTINGS,
  isOnForSite,
  readSettings,
  sanitiseSettings,
  setSiteEnabled,
  updateSettings,
  withSiteEnabled,
} = await import('../../extension/settings.ts');

beforeEach(() => {
  fakeBrowser.reset();
});

describe('DEFAULT_SETTINGS', () => {
  it('are the defaults SettingsSchema fills in', () => {
    expect(SettingsSchema.parse({})).toEqual(DEFAULT_SETTINGS);
  });
});

describe('checkStoredSettings', () => {
  const good = { ...DEFAULT_SETTINGS, minSeverity: 'warn' as const };
  it('keeps valid settings, filling in what an older version did not store', () => {
    expect(checkStoredSettings({ enabled: false }, good)).toEqual({
      settings: { ...DEFAULT_SETTINGS, enabled: false },
    });
  });
  it('puts the last good settings back in place of a corrupted or foreign value, and says why', () => {
    expect(checkStoredSettings({ ...DEFAULT_SETTINGS, minSeverity: 'loud' }, good)).toEqual({
      settings: good,
      problem:
        'the stored settings were not valid (minSeverity: expected one of "info", "suggest" or "warn"); the last good ones are back in place',
    });
    expect(checkStoredSettings('settings', undefined).settings).toEqual(DEFAULT_SETTINGS);
    expect(checkStoredSettings(undefined, good)).toEqual({ settings: good });
  });
});

describe('sanitiseSettings', () => {
  it('keeps each field of the right type and puts the default in place of the rest', () => {
    expect(
      sanitiseSettings({
        enabled: 'yes',
        disabledSites: ['a.example', 3, null],
        personalAllow: 'claims',
        locale: 'fr-FR',
        minSeverity: 'warn',
        whenUnsure: 'email',
        colour: 'blue',
      }),
    ).toEqual({ ...DEFAULT_SETTINGS, disabledSites: ['a.example'], minSeverity: 'warn' });
    expect(sanitiseSettings({ whenUnsure: 'letter-to-patient' }).whenUnsure).toBe(
      'letter-to-patient',
    );
    expect(sanitiseSettings(null)).toEqual(DEFAULT_SETTINGS);
    expect(sanitiseSettings('{"enabled": false}')).toEqual(DEFAULT_SETTINGS);
  });

  it('is how a stored value that is not settings is read, without an error', async () => {
    await fakeBrowser.storage.local.set({ settings: ['not', 'settings'] });
    expect(await readSettings()).toEqual(DEFAULT_SETTINGS);
  });
});

describe('isOnForSite', () => {
  it('is on unless switched off everywhere or for that site', () => {
    expect(isOnForSite(DEFAULT_SETTINGS, 'ehr.example.nhs.uk')).toBe(true);
    const offHere = { ...DEFAULT_SETTINGS, disabledSites: ['ehr.example.nhs.uk'] };
    expect(isOnForSite(offHere, 'ehr.example.nhs.uk')).toBe(false);
    expect(isOnForSite(offHere, 'letters.example.nhs.uk')).toBe(true);
    const offEverywhere = { ...DEFAULT_SETTINGS, enabled: false };
    expect(isOnForSite(offEverywhere, 'letters.example.nhs.uk')).toBe(false);
  });
});

describe('withSiteEnabled', () => {
  const base = { ...DEFAULT_SETTINGS, disabledSites: ['a.example'], personalAllow: ['x'] };

  it('adds the site once when switching it off', () => {
    const off = withSiteEnabled(base, 'b.example', false);
    expect(off.disabledSites).toEqual(['a.example', 'b.example']);
    expect(withSiteEnabled(off, 'b.example', false).disabledSites).toEqual([
      'a.example',
      'b.example',
    ]);
    expect(isOnForSite(off, 'b.example')).toBe(false);
  });

  it('removes the site when switching it on, leaving the rest alone', () => {
    const on = withSiteEnabled(base, 'a.example', true);
    expect(on).toEqual({ ...base, disabledSites: [] });
    expect(withSiteEnabled(on, 'a.example', true)).toEqual(on);
    expect(base.disabledSites).toEqual(['a.example']);
  });

  it('does not touch the master switch', () => {
    const off = { ...DEFAULT_SETTINGS, enabled: false };
    expect(withSiteEnabled(off, 'a.example', true).enabled).toBe(false);
  });
});

describe('settings in storage', () => {
  it('reads the defaults when nothing is stored, and fills gaps in an older shape', async () => {
    expect(await readSettings()).toEqual(DEFAULT_SETTINGS);
    await fakeBrowser.storage.local.set({ settings: { disabledSites: ['a.example'] } });
    expect(await readSettings()).toEqual({ ...DEFAULT_SETTINGS, disabledSites: ['a.example'] });
  });

  it('switches a site off and on again in storage', async () => {
    await updateSettings((s) => ({ ...s, personalAllow: ['non-compliant'] }));
    await setSiteEnabled('ehr.example.nhs.uk', false);
    expect(await fakeBrowser.storage.local.get('settings')).toEqual({
      settings: {
        ...DEFAULT_SETTINGS,
        personalAllow: ['non-compliant'],
        disabledSites: ['ehr.example.nhs.uk'],
      },
    });
    const back = await setSiteEnabled('ehr.example.nhs.uk', true);
    expect(back.disabledSites).toEqual([]);
    expect(back.personalAllow).toEqual(['non-compliant']);
    expect(isOnForSite(await readSettings(), 'ehr.example.nhs.uk')).toBe(true);
  });
});
