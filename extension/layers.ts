import { storage } from 'wxt/utils/storage';
import { defaultLexicon, validateLexicon, type Lexicon } from '@/core/index';
import { digest, type ServiceLayer } from './policy.ts';

/**
 * The clinician's own layer of the lexicon (the options page edits it): entries of their own,
 * patches of entries below, `disable` ids. Stored as written, in the lexicon file format, and
 * validated over the layers below each time it is used, so a change below that breaks it is
 * reported rather than lost.
 */
export const personalLexiconItem = storage.defineItem<unknown>('local:personalLexicon', {
  fallback: null,
  // Versioned, so a later shape comes with a migration (`migrations: { 2: (v1) => … }`).
  version: 1,
});

/** The last personal layer that was valid over the layers below: what a broken one gives way to. */
export const lastGoodPersonalItem = storage.defineItem<unknown>('local:personalLexiconLastGood', {
  fallback: null,
});

/**
 * A personal layer that could not be used, set aside rather than deleted (the options page
 * offers it for download, then to discard): the clinician's work is never lost silently.
 */
export const setAsidePersonalItem = storage.defineItem<unknown>('local:personalLexiconSetAside', {
  fallback: null,
});

/** How the stored personal layer fared when it was last checked over the layers below. */
export type PersonalCheck =
  | { state: 'none' | 'valid' | 'invalid'; raw: unknown }
  /** Not valid, but the last good copy is, and is in force instead. */
  | { state: 'last-good'; raw: unknown; lastGood: unknown; problem: string };

export const EMPTY_PERSONAL_LEXICON = {
  name: 'My changes',
  version: '1',
  entries: [],
  disable: [],
} satisfies Lexicon;

/** The layers over the built-in lexicon, as the background compiles them. */
export interface LayerSet {
  layers: { lexicon: Lexicon; id: string; name: 'service' | 'personal' }[];
  /** The personal allow-list silences only layers below this (no personal changes allowed). */
  allowBelowLayer?: number;
  /** Changes whenever any layer does. */
  id: string;
}

/**
 * What is in force over the built-in lexicon: the trust's service layer, then the clinician's
 * own (unless the policy allows no personal changes), each validated over those below it.
 */
export async function layersInForce(
  service: ServiceLayer | undefined,
  personalChanges: boolean,
): Promise<{ set: LayerSet; problems: string[]; personal: PersonalCheck }> {
  const problems: string[] = [];
  const layers: LayerSet['layers'] = service
    ? [{ lexicon: service.lexicon, id: service.id, name: 'service' }]
    : [];
  const raw = await personalLexiconItem.getValue().catch(() => null);
  let personal: PersonalCheck = { state: 'none', raw };
  if (raw !== null && personalChanges) {
    const below = [defaultLexicon(), ...layers.map((l) => l.lexicon)];
    const validated = validateLexicon(raw, { below });
    if (validated.ok) {
      layers.push({ lexicon: validated.lexicon, id: await digest(raw), name: 'personal' });
      personal = { state: 'valid', raw };
    } else {
      const lastGood = await lastGoodPersonalItem.getValue().catch(() => null);
      const fallback =
        lastGood !== null && JSON.stringify(lastGood) !== JSON.stringify(raw)
          ? validateLexicon(lastGood, { below })
          : undefined;
      if (fallback?.ok) {
        layers.push({ lexicon: fallback.lexicon, id: await digest(lastGood), name: 'personal' });
        const problem = `your own lexicon changes could not be used (${validated.errors[0]}); the last good copy of them is back in place, and the other is kept for download on this page`;
        personal = { state: 'last-good', raw, lastGood, problem };
      } else {
        problems.push(
          ...validated.errors.map((error) => `your own changes are not in force: ${error}`),
        );
        personal = { state: 'invalid', raw };
      }
    }
  }
  const set: LayerSet = { layers, id: layers.map((l) => l.id).join(' + ') };
  if (!personalChanges && service) set.allowBelowLayer = 1;
  if (set.allowBelowLayer !== undefined) set.id += ` (allow below ${set.allowBelowLayer})`;
  return { set, problems, personal };
}

/**
 * The background's part, after each check: a valid personal layer becomes the last good one;
 * one that is not gives way in storage to the last good copy, and is set aside, not deleted.
 * Returns the line the options page shows, if something was put right.
 */
export async function settlePersonalLayer(check: PersonalCheck): Promise<string | undefined> {
  if (check.state === 'valid') {
    await lastGoodPersonalItem.setValue(check.raw);
    return undefined;
  }
  if (check.state !== 'last-good') return undefined;
  await setAsidePersonalItem.setValue(check.raw);
  await personalLexiconItem.setValue(check.lastGood);
  return check.problem;
}
