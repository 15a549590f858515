import type { Lexicon } from '@/core/index';
import type { FetchedLexicon } from '@/extension/policy';
import type { StoredPolicy } from '@/extension/settings';
import { SEVERITY_LABEL } from '@/components/card/severity-label';

export const LOCALE_LABEL: Record<string, string> = {
  'en-GB': 'British English (en-GB)',
  'en-US': 'American English (en-US)',
};

type Policy = StoredPolicy['policy'];

/** Each key the policy may set, in plain words, and how its value reads. */
const SHOWN: {
  [K in keyof Policy]-?: [label: string, value: (v: NonNullable<Policy[K]>) => string];
} = {
  serviceLexiconUrl: ['Service lexicon fetched from', (url) => url],
  sitesEnabled: ['Alongside runs only on', (sites) => sites.join(', ')],
  sitesDisabled: ['Alongside never runs on', (sites) => sites.join(', ')],
  allowPersonalChanges: [
    'Your own changes to the lexicon',
    (on) => (on ? 'allowed' : 'not allowed: the lexicon is as your organisation sets it'),
  ],
  minimumSeverity: ['Flags shown from at least', (s) => `“${SEVERITY_LABEL[s]}”`],
  locale: ['Spelling', (l) => LOCALE_LABEL[l] ?? l],
};

const when = (ms: number) =>
  new Date(ms).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });

/**
 * What the organisation manages, and through what: the policy's settings in plain words, and
 * the service lexicon by its own name, version and description (the nearest a browser policy
 * comes to saying who set it), inline in the policy or fetched from an address, and when.
 */
export function ManagedSummary({
  stored,
  service,
  fetched,
}: {
  stored: StoredPolicy;
  service: Lexicon | undefined;
  fetched: FetchedLexicon | null;
}) {
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
      <h2 id="managed-heading">Managed by your organisation</h2>
      <p>
        Your organisation’s IT team sets these through the browser’s enterprise policy. They apply
        to everyone on this computer and cannot be changed here.
      </p>
      <dl>
        {service && (
          <div>
            <dt>Service lexicon</dt>
            <dd>
              “{service.name}”, version {service.version}
              {fromAddress && fetched.fetchedAt !== undefined
                ? `, fetched ${when(fetched.fetchedAt)}`
                : ', given in the policy itself'}
              {service.description && <div class="muted">{service.description}</div>}
            </dd>
          </div>
        )}
        {keys.map(row)}
      </dl>
    </section>
  );
}
