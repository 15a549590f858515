import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

// WXT's storage reaches for the browser when first imported: give it the in-memory fake first.
vi.stubGlobal('chrome', fakeBrowser);
const { migratingSettingsItem, SETTINGS_VERSION } = await import('../../extension/settings.ts');
const {
  layersInForce,
  lastGoodPersonalItem,
  personalLexiconItem,
  setAsidePersonalItem,
  settlePersonalLayer,
} = await import('../../extension/layers.ts');

beforeEach(() => {
  fakeBrowser.reset();
});

const local = () => fakeBrowser.storage.local.get();

describe('settings migrations', () => {
  const v1 = {
    enabled: true,
    disabledSites: ['records.example'],
    personalAllow: ['Isn’t coping', "isn't coping", 'wear & tear', 'claims'],
    locale: 'en-GB',
    minSeverity: 'info',
  };

  it('bring version 1 settings (stored with no version) to version 2, once each phrase, as the engine reads it', async () => {
    await fakeBrowser.storage.local.set({ settings: v1 });
    const item = migratingSettingsItem();
    expect(await item.getValue()).toEqual({
      ...v1,
      personalAllow: ["isn't coping", 'wear and tear', 'claims'],
    });
    expect(await local()).toEqual({
      settings: { ...v1, personalAllow: ["isn't coping", 'wear and tear', 'claims'] },
      settings$: { v: SETTINGS_VERSION },
    });
  });

  it('leave settings already at this version as they are', async () => {
    const v2 = { ...v1, personalAllow: ['Claims'] };
    await fakeBrowser.storage.local.set({ settings: v2, settings$: { v: 2 } });
    expect(await migratingSettingsItem().getValue()).toEqual(v2);
  });

  it('leave a list they cannot read to the full check, which reports it', async () => {
    const broken = { ...v1, personalAllow: ['claims', 7] };
    await fakeBrowser.storage.local.set({ settings: broken });
    expect(await migratingSettingsItem().getValue()).toEqual(broken);
  });

  it('store nothing when nothing was stored', async () => {
    expect(await migratingSettingsItem().getValue()).toBeNull();
    expect(await local()).toEqual({});
  });
});

describe('the personal layer, checked over the layers below', () => {
  const good = {
    name: 'My changes',
    version: '1',
    entries: [{ id: 'claims', severity: 'info' }],
    disable: ['heartsink'],
  };
  const broken = { name: 'My changes', version: '1', entries: 'claims' };

  it('is in force when valid, and becomes the last good copy', async () => {
    await personalLexiconItem.setValue(good);
    const { set, personal, problems } = await layersInForce(undefined, true);
    expect(problems).toEqual([]);
    expect(personal).toEqual({ state: 'valid', raw: good });
    expect(set.layers.map((l) => l.name)).toEqual(['personal']);
    expect(set.layers[0]!.lexicon).toMatchObject({
      patches: [{ id: 'claims', severity: 'info' }],
      disable: ['heartsink'],
    });
    expect(await settlePersonalLayer(personal)).toBeUndefined();
    expect(await lastGoodPersonalItem.getValue()).toEqual(good);
  });

  it('gives way to the last good copy when broken, and is set aside, not deleted', async () => {
    await lastGoodPersonalItem.setValue(good);
    await personalLexiconItem.setValue(broken);
    const { set, personal, problems } = await layersInForce(undefined, true);
    expect(problems).toEqual([]);
    expect(personal.state).toBe('last-good');
    expect(set.layers.map((l) => l.name)).toEqual(['personal']);
    const said = await settlePersonalLayer(personal);
    expect(said).toMatch(
      /^your own lexicon changes could not be used \(entries: .+\); the last good copy of them is back in place, and the other is kept for download on this page$/,
    );
    expect(await personalLexiconItem.getValue()).toEqual(good);
    expect(await setAsidePersonalItem.getValue()).toEqual(broken);
  });

  it('is left where it is, and not in force, when there is no good copy to fall back on', async () => {
    await personalLexiconItem.setValue(broken);
    const { set, personal, problems } = await layersInForce(undefined, true);
    expect(personal).toEqual({ state: 'invalid', raw: broken });
    expect(set.layers).toEqual([]);
    expect(problems[0]).toMatch(/^your own changes are not in force: entries: /);
    expect(await settlePersonalLayer(personal)).toBeUndefined();
    expect(await personalLexiconItem.getValue()).toEqual(broken);
    expect(await setAsidePersonalItem.getValue()).toBeNull();
  });

  it('is not read at all when the policy allows no personal changes', async () => {
    await personalLexiconItem.setValue(good);
    const { set, personal } = await layersInForce(undefined, false);
    expect(personal.state).toBe('none');
    expect(set.layers).toEqual([]);
  });
});
