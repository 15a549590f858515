import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import {
  defaultLexicon,
  parseLexicon,
  validateLexicon,
  type Lexicon,
  type Validation,
} from '@/core/index';
import { MAX_LEXICON_CHARS } from '@/core/lexicon/constants';
import { readPolicy } from '@/core/settings/policy';
import { layersInForce, settlePersonalLayer, type LayerSet, type PersonalCheck } from './layers.ts';
import { storageProblemsItem } from './settings.ts';
import { policyItem, type StoredPolicy } from './settings.ts';

/**
 * The service lexicon fetched from the policy's `serviceLexiconUrl`: the last good copy (its
 * text, validated when fetched and again when used) and how the latest attempt went, which the
 * options page shows. Kept in `local`: it outlives the worker and the browser.
 */
export interface FetchedLexicon {
  url: string;
  /** The last good copy; undefined until one fetch has worked. */
  text?: string;
  fetchedAt?: number;
  triedAt: number;
  /** Why the latest attempt failed; undefined when it worked. */
  problem?: string;
}
export const fetchedLexiconItem = storage.defineItem<FetchedLexicon | null>(
  'local:serviceLexiconFetched',
  // Versioned as every stored item is; a later shape comes with a migration.
  { fallback: null, version: 1 },
);

/** The alarm that fetches the service lexicon again each day. */
export const REFRESH_ALARM = 'service-lexicon';

/**
 * Fetches the service lexicon from `url`: the only request Alongside ever makes, sent only when
 * the policy sets the address, with no cookies and no text of any kind. A failed fetch or an
 * invalid file keeps the last good copy and records why.
 */
export async function fetchServiceLexicon(url: string): Promise<void> {
  const triedAt = Date.now();
  const previous = await fetchedLexiconItem.getValue();
  const kept = previous?.url === url ? previous : undefined;
  try {
    const response = await fetch(url, {
      credentials: 'omit',
      cache: 'no-cache',
      redirect: 'error',
    });
    if (!response.ok)
      throw new Error(`the server answered ${response.status} ${response.statusText}`.trim());
    const text = await response.text();
    if (text.length > MAX_LEXICON_CHARS)
      throw new Error('the file is larger than a lexicon may be (about 2 MB)');
    const validated = parseLexicon(text, { below: [defaultLexicon()] });
    if (!validated.ok) throw new Error(`the file is not a valid lexicon: ${validated.errors[0]}`);
    await fetchedLexiconItem.setValue({ url, text, fetchedAt: triedAt, triedAt });
  } catch (error) {
    const problem = error instanceof Error ? error.message : String(error);
    await fetchedLexiconItem.setValue({
      url,
      ...(kept?.text !== undefined ? { text: kept.text, fetchedAt: kept.fetchedAt } : {}),
      triedAt,
      problem,
    });
  }
}

/** The service lexicon in force, validated as a layer over the built-in one. */
export interface ServiceLayer {
  lexicon: Lexicon;
  /** "name version" and a digest of its content: changes whenever the lexicon does. */
  id: string;
}

/** What the policy puts in force for checking. */
export interface PolicyInForce {
  service: ServiceLayer | undefined;
  /** false: no personal layer, and the personal allow-list cannot silence service entries. */
  personalChanges: boolean;
  /** Every layer over the built-in lexicon, the clinician's own included. */
  layers: LayerSet;
  /** How the clinician's own layer fared. */
  personal: PersonalCheck;
}

export async function digest(value: unknown): Promise<string> {
  const bytes = new TextEncoder().encode(JSON.stringify(value));
  const hash = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return Array.from(hash.slice(0, 8), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Firefox without a policy, or a browser without managed storage: no policy at all. */
async function managedValues(): Promise<unknown> {
  try {
    return (await browser.storage.managed.get()) ?? {};
  } catch {
    return {};
  }
}

/**
 * Reads the trust's policy (run by the background at each wake, and when the policy changes):
 * validates it with zod, keeps the settings it sets in `storage.local` for the frames, popup and
 * options page, and returns the service lexicon. A key that cannot be used is named in the stored
 * `problems` and left out; the rest applies.
 */
export async function loadPolicy(): Promise<PolicyInForce> {
  try {
    const { stored, inForce } = await computePolicy();
    await policyItem.setValue(stored);
    const putRight = await settlePersonalLayer(inForce.personal);
    if (putRight) await noteStorageProblem(putRight);
    return inForce;
  } catch (error) {
    // Never silent: the options page shows why the policy is not in force.
    const why = error instanceof Error ? error.message : String(error);
    await policyItem.setValue({ policy: {}, problems: [`the policy could not be read: ${why}`] });
    return {
      service: undefined,
      personalChanges: true,
      layers: { layers: [], id: '' },
      personal: { state: 'none', raw: null },
    };
  }
}

/**
 * The policy and the layers it puts in force, read and checked, without storing anything: the
 * background stores it (`loadPolicy`); the options page shows it.
 */
export async function computePolicy(): Promise<{ stored: StoredPolicy; inForce: PolicyInForce }> {
  const { policy, problems } = readPolicy(await managedValues());
  const { serviceLexicon, ...settings } = policy;
  let layer: ServiceLayer | undefined;
  const use = async (validated: Validation, key: string, raw: unknown) => {
    if (!validated.ok) {
      problems.push(...validated.errors.map((error) => `${key}: ${error}`));
      return;
    }
    const { name, version } = validated.lexicon;
    layer = { lexicon: validated.lexicon, id: `${name} ${version} ${await digest(raw)}` };
  };
  const below = [defaultLexicon()];
  // The lexicon written in the policy wins over one fetched from an address.
  if (serviceLexicon) {
    await use(validateLexicon(serviceLexicon, { below }), 'serviceLexicon', serviceLexicon);
  } else if (policy.serviceLexiconUrl) {
    const fetched = await fetchedLexiconItem.getValue();
    if (fetched?.url !== policy.serviceLexiconUrl) {
      problems.push('serviceLexiconUrl: not fetched yet');
    } else {
      if (fetched.problem) {
        const copy = fetched.fetchedAt
          ? `using the copy fetched ${new Date(fetched.fetchedAt).toISOString()}`
          : 'no copy has been fetched yet';
        problems.push(`serviceLexiconUrl: the latest fetch failed (${fetched.problem}); ${copy}`);
      }
      // A stored copy that is not text (corrupted) is not used: the next fetch replaces it.
      if (typeof fetched.text === 'string') {
        await use(parseLexicon(fetched.text, { below }), 'serviceLexiconUrl', fetched.text);
      }
    }
  }
  const personalChanges = policy.allowPersonalChanges !== false;
  const layers = await layersInForce(layer, personalChanges);
  const stored: StoredPolicy = { policy: settings, problems };
  if (layers.problems.length) stored.personalProblems = layers.problems;
  if (layer) stored.serviceLexicon = layer.id;
  if (layers.set.id) stored.lexicon = layers.set.id;
  return {
    stored,
    inForce: { service: layer, personalChanges, layers: layers.set, personal: layers.personal },
  };
}

/** Adds a line to what the options page lists as put right (the latest five, none twice running). */
export async function noteStorageProblem(problem: string): Promise<void> {
  const seen = await storageProblemsItem.getValue();
  if (seen.at(-1) !== problem) await storageProblemsItem.setValue([...seen.slice(-4), problem]);
}
