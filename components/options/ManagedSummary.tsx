import type { Lexicon } from '@/core/index';
import type { FetchedLexicon } from '@/extension/policy';
import type { StoredPolicy } from '@/extension/settings';
import { severityLabels } from '@/components/card/severity-label';
import type { Locale } from '@/core/lexicon/schema';
import { optionsMessages } from '@/locales/index';

/** Each locale by name, in the words of `locale`. */
export function localeLabels(locale: Locale): Record<Locale, string> {
  const m = optionsMessages(locale);
  return { 'en-GB': m.localeGb, 'en-US': m.localeUs };
}

type Policy = StoredPolicy['policy'];
type Shown = {
  [K in keyof Policy]-?: [label: string, value: (v: NonNullable<Policy[K]>) => string];
};

/** Each key the policy may set, in plain words, and how its value reads. */
function shown(locale: Locale): Shown {
  const m = optionsMessages(locale);
  const level = severityLabels(locale);
  const locales: Record<string, string> = localeLabels(locale);
  return {
    serviceLexiconUrl: [m.policyLexiconUrl, (url) => url],
    sitesEnabled: [m.policySitesEnabled, (sites) => sites.join(', ')],
    sitesDisabled: [m.policySitesDisabled, (sites) => sites.join(', ')],
    allowPersonalChanges: [
      m.policyPersonalChanges,
      (on) => (on ? m.personalAllowed : m.personalNotAllowed),
    ],
    minimumSeverity: [m.policyMinimumSeverity, (s) => m.quoted({ words: level[s] })],
    locale: [m.spelling, (l) => locales[l] ?? l],
  };
}

/** A date and time as the locale writes them ("12 Mar 2026, 14:05"; "Mar 12, 2026, 2:05 PM"). */
const when = (ms: number, locale: Locale) =>
  new Date(ms).toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' });

/**
 * What the organisation manages, and through what: the policy's settings in plain words, and
 * the service lexicon by its own name, version and description (the nearest a browser policy
 * comes to saying who set it), inline in the policy or fetched from an address, and when.
 */
export function ManagedSummary({
  stored,
  service,
  fetched,
  locale = 'en-GB',
}: {
  stored: StoredPolicy;
  service: Lexicon | undefined;
  fetched: FetchedLexicon | null;
  locale?: Locale;
}) {
  const m = optionsMessages(locale);
  const SHOWN = shown(locale);
  const keys = (Object.keys(SHOWN) as (keyof Policy)[]).filter(
    (k) => stored.policy[k] !== undefined,
  );
  if (keys.length === 0 && !service) return null;
  const row = (key: keyof Policy) => {
    // Each key's value reads with its own function: the pairing is SHOWN's type.
    const [label, value] = SHOWN[key] as [string, (v: unknown) => string];
    return (
      <div key={key}>
        <dt>{label}</dt>
        <dd>{value(stored.policy[key])}</dd>
      </div>
    );
  };
  const fromAddress = stored.policy.serviceLexiconUrl !== undefined && fetched?.text !== undefined;
  return (
    <section class="managed-summary" aria-labelledby="managed-heading">
      <h2 id="managed-heading">{m.managedHeading}</h2>
      <p>{m.managedIntro}</p>
      <dl>
        {service && (
          <div>
            <dt>{m.serviceLexicon}</dt>
            <dd>
              {fromAddress && fetched.fetchedAt !== undefined
                ? m.serviceFetched({
                    name: service.name,
                    version: service.version,
                    when: when(fetched.fetchedAt, locale),
                  })
                : m.serviceInPolicy({ name: service.name, version: service.version })}
              {service.description && <div class="muted">{service.description}</div>}
            </dd>
          </div>
        )}
        {keys.map(row)}
      </dl>
    </section>
  );
}
