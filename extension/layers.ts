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
});

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
): Promise<{ set: LayerSet; problems: string[] }> {
  const problems: string[] = [];
  const layers: LayerSet['layers'] = service
    ? [{ lexicon: service.lexicon, id: service.id, name: 'service' }]
    : [];
  const raw = await personalLexiconItem.getValue().catch(() => null);
  if (raw !== null && personalChanges) {
    const below = [defaultLexicon(), ...layers.map((l) => l.lexicon)];
    const validated = validateLexicon(raw, { below });
    if (validated.ok) {
      layers.push({ lexicon: validated.lexicon, id: await digest(raw), name: 'personal' });
    } else {
      problems.push(
        ...validated.errors.map((error) => `your own changes are not in force: ${error}`),
      );
    }
  }
  const set: LayerSet = { layers, id: layers.map((l) => l.id).join(' + ') };
  if (!personalChanges && service) set.allowBelowLayer = 1;
  if (set.allowBelowLayer !== undefined) set.id += ` (allow below ${set.allowBelowLayer})`;
  return { set, problems };
}
