import { SEVERITIES } from '../lexicon/constants.ts';
import type { DocumentKindGuess } from '../document-kind/detect-document-kind.ts';
import type { Locale, Severity } from '../lexicon/schema.ts';
import type { ManagedPolicy } from './policy.ts';

/**
 * What is in force once a trust's policy is laid over the clinician's own settings: managed
 * values win. No zod here: the content script uses it on every page.
 */
export interface UserSettings {
  enabled: boolean;
  disabledSites: string[];
  personalAllow: string[];
  locale: Locale;
  minSeverity: Severity;
  /** What a field is read as when its text does not say ("unsure": as a clinical note). */
  whenUnsure: DocumentKindGuess;
}

export interface EffectiveSettings extends UserSettings {
  /** Whether the policy lets the clinician change entries (and silence service entries). */
  personalChanges: boolean;
  /** The policy's site lists, kept so `isOnForSite` can apply them. */
  sitesEnabled: string[] | undefined;
  sitesDisabled: string[];
  /** Which settings the policy sets, for the options page to show as managed. */
  managed: (keyof ManagedPolicy)[];
  /** Names the layers in force over the built-in lexicon, so checks restart when they change. */
  lexicon: string | undefined;
}

/**
 * Whether `host` is what `pattern` names: the host itself ("ehr.example.nhs.uk"), or with
 * "*." a domain and every subdomain of it ("*.example.nhs.uk" is example.nhs.uk and below).
 */
export function hostMatches(pattern: string, host: string): boolean {
  const p = pattern.toLowerCase();
  const h = host.toLowerCase().replace(/\.$/, '');
  if (!p.startsWith('*.')) return p === h;
  const domain = p.slice(2);
  return h === domain || h.endsWith(`.${domain}`);
}

const rank = (s: Severity) => SEVERITIES.indexOf(s);

export function effectiveSettings(
  user: UserSettings,
  policy: ManagedPolicy,
  lexicon?: string,
): EffectiveSettings {
  const floor = policy.minimumSeverity;
  return {
    ...user,
    locale: policy.locale ?? user.locale,
    // A floor: the clinician may raise it, not lower it.
    minSeverity: floor && rank(floor) > rank(user.minSeverity) ? floor : user.minSeverity,
    personalChanges: policy.allowPersonalChanges !== false,
    sitesEnabled: policy.sitesEnabled,
    sitesDisabled: policy.sitesDisabled ?? [],
    managed: (Object.keys(policy) as (keyof ManagedPolicy)[]).filter(
      (key) => policy[key] !== undefined,
    ),
    lexicon,
  };
}

/**
 * Whether Alongside runs on a site: never on the policy's disabled sites, only on its enabled
 * ones where it lists any, and, within those, unless the clinician switched it off (everywhere
 * or for that site). A clinician can switch a site off, never on outside `sitesEnabled`.
 */
export function isOnForSite(settings: EffectiveSettings | UserSettings, site: string): boolean {
  if (!settings.enabled || settings.disabledSites.includes(site)) return false;
  if (!('sitesDisabled' in settings)) return true;
  if (settings.sitesDisabled.some((p) => hostMatches(p, site))) return false;
  return !settings.sitesEnabled || settings.sitesEnabled.some((p) => hostMatches(p, site));
}
