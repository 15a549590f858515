import { z } from 'zod';
import { LexiconFileSchema, LocaleSchema, SeveritySchema } from '../lexicon/schema.ts';
import { fromPolicyForm, toChromiumSchema, type JsonSchema } from './chromium-schema.ts';

/**
 * What a trust's administrators may set through enterprise policy (Chrome/Edge `3rdparty`
 * extension policy, Firefox `policies.json`): read from `storage.managed`. The key names are the
 * contract IT documentation quotes; they are declared here once, and the manifest's
 * `storage.managed_schema` is generated from this schema (`chromiumManagedSchema`).
 */
export const HostPatternSchema = z
  .string({ error: 'expected a host name such as "ehr.example.nhs.uk" or "*.example.nhs.uk"' })
  .regex(/^(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)*$/i, {
    error: 'expected a host name such as "ehr.example.nhs.uk", or "*." and a domain',
  });

/** https, or plain http only for localhost (tests and local demos). */
const LOCAL_HTTP = /^http:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?(\/|$)/i;
const LexiconUrlSchema = z
  .string({ error: 'expected a web address' })
  .refine((value) => /^https:\/\/[^/\s]+/i.test(value) || LOCAL_HTTP.test(value), {
    error: 'expected an https:// address (plain http only for localhost)',
  });

export const ManagedPolicySchema = z.strictObject({
  serviceLexicon: LexiconFileSchema.optional().describe(
    'The service lexicon itself, in the lexicon file format (see the README for how a policy writes a plain alternative or source key).',
  ),
  serviceLexiconUrl: LexiconUrlSchema.optional().describe(
    'Where to fetch the service lexicon: fetched at start and daily; the only request Alongside makes.',
  ),
  sitesEnabled: z
    .array(HostPatternSchema)
    .optional()
    .describe('Alongside runs only on these sites.'),
  sitesDisabled: z
    .array(HostPatternSchema)
    .optional()
    .describe('Alongside never runs on these sites.'),
  allowPersonalChanges: z
    .boolean({ error: 'expected true or false' })
    .optional()
    .describe(
      'false: users cannot add, override or switch off entries, and their allow-list cannot silence service entries.',
    ),
  minimumSeverity: SeveritySchema.optional().describe(
    'The least severe flag shown; users may raise it, not lower it.',
  ),
  locale: LocaleSchema.optional().describe('The spelling used: en-GB or en-US.'),
});
export type ManagedPolicy = z.infer<typeof ManagedPolicySchema>;

const policyJsonSchema = (): JsonSchema =>
  z.toJSONSchema(ManagedPolicySchema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;

/** The manifest's `storage.managed_schema`, in Chromium's dialect. */
export function chromiumManagedSchema(): ReturnType<typeof toChromiumSchema> {
  return toChromiumSchema(policyJsonSchema());
}

export interface PolicyReading {
  policy: ManagedPolicy;
  /** One line per key that was set but could not be used, naming the key and why. */
  problems: string[];
}

/**
 * The policy as `storage.managed` gives it. Each key is judged on its own: a bad key is left out
 * and named in `problems`, the others still apply. The service lexicon here is only checked for
 * its shape; it is validated as a layer (examples, ids) where it is used.
 */
export function readPolicy(raw: unknown): PolicyReading {
  const policy: Record<string, unknown> = {};
  const problems: string[] = [];
  if (typeof raw !== 'object' || raw === null) return { policy: {}, problems };
  const schema = policyJsonSchema();
  const shape = ManagedPolicySchema.shape;
  for (const [key, value] of Object.entries(raw)) {
    if (!(key in shape)) {
      problems.push(`${key}: not a setting Alongside knows; it is ignored`);
      continue;
    }
    const field = shape[key as keyof typeof shape];
    const given = fromPolicyForm(value, schema.properties![key]!);
    const parsed = field.safeParse(given);
    if (parsed.success) policy[key] = parsed.data;
    else problems.push(`${key}: ${parsed.error.issues[0]?.message ?? 'not valid'}; it is ignored`);
  }
  return { policy: policy as ManagedPolicy, problems };
}
