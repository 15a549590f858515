import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defaultLexicon, lexiconJsonSchema } from '../../core/index.ts';
import {
  fromPolicyForm,
  toChromiumSchema,
  type ChromiumSchema,
  type JsonSchema,
} from '../../core/settings/chromium-schema.ts';
import {
  effectiveSettings,
  hostMatches,
  isOnForSite,
  type UserSettings,
} from '../../core/settings/effective.ts';
import { DEFAULT_SETTINGS } from '../../core/settings/defaults.ts';
import { chromiumManagedSchema, readPolicy } from '../../core/settings/policy.ts';

const USER: UserSettings = DEFAULT_SETTINGS;

/** Every node of a Chromium schema: exactly one type, and only the keywords it knows. */
function dialectProblems(schema: ChromiumSchema, path = '$'): string[] {
  const known = new Set(['type', 'properties', 'additionalProperties', 'items']);
  const problems = Object.keys(schema)
    .filter((k) => !known.has(k))
    .map((k) => `${path}: ${k}`);
  if (typeof schema.type !== 'string') problems.push(`${path}: type`);
  for (const [name, p] of Object.entries(schema.properties ?? {}))
    problems.push(...dialectProblems(p, `${path}.${name}`));
  if (schema.items) problems.push(...dialectProblems(schema.items, `${path}[]`));
  if (schema.additionalProperties)
    problems.push(...dialectProblems(schema.additionalProperties, `${path}.*`));
  return problems;
}

/** The default lexicon as a policy must write it: each plain value in its object form. */
function toPolicyForm(value: unknown, schema: JsonSchema): unknown {
  const choices = schema.anyOf;
  if (choices) {
    if (typeof value === 'string' && schema.policyObject) return { [schema.policyObject]: value };
    const properties = Object.assign(
      {},
      ...choices.filter((c) => c.type === 'object').map((c) => c.properties ?? {}),
    ) as Record<string, JsonSchema>;
    return typeof value === 'object' && value !== null
      ? toPolicyForm(value, { type: 'object', properties })
      : value;
  }
  if (Array.isArray(value)) return value.map((v) => toPolicyForm(v, schema.items ?? {}));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => {
        const p =
          schema.properties?.[k] ??
          (typeof schema.additionalProperties === 'object' ? schema.additionalProperties : {});
        return [k, toPolicyForm(v, p)];
      }),
    );
  }
  return value;
}

describe('the managed schema in Chromium’s dialect', () => {
  it('declares each policy key, with one type per node and every nested property', () => {
    const schema = chromiumManagedSchema();
    expect(Object.keys(schema.properties!)).toEqual([
      'serviceLexicon',
      'serviceLexiconUrl',
      'sitesEnabled',
      'sitesDisabled',
      'allowPersonalChanges',
      'minimumSeverity',
      'locale',
    ]);
    expect(dialectProblems(schema)).toEqual([]);
    const entry = schema.properties!.serviceLexicon!.properties!.entries!.items!;
    expect(Object.keys(entry.properties!)).toContain('context');
    expect(entry.properties!.alternatives!.items!.properties!.text).toEqual({ type: 'string' });
    expect(entry.properties!.sources!.items!.properties!.key).toEqual({ type: 'string' });
  });

  it('refuses a choice it cannot express rather than guess', () => {
    expect(() =>
      toChromiumSchema(z.toJSONSchema(z.union([z.string(), z.number()])) as JsonSchema),
    ).toThrow('type ["string","number"] has no Chromium form');
    expect(() =>
      toChromiumSchema(
        z.toJSONSchema(z.union([z.string(), z.object({ a: z.string() })])) as JsonSchema,
      ),
    ).toThrow('no policyObject key');
  });

  it('brings the whole default lexicon back from its policy form', () => {
    const schema = lexiconJsonSchema() as JsonSchema;
    const lexicon = JSON.parse(JSON.stringify(defaultLexicon())) as unknown;
    const policyForm = toPolicyForm(lexicon, schema);
    expect(JSON.stringify(policyForm)).not.toEqual(JSON.stringify(lexicon));
    expect(fromPolicyForm(policyForm, schema)).toEqual(lexicon);
  });
});

describe('reading a policy', () => {
  it('keeps each good key and names each bad one', () => {
    const { policy, problems } = readPolicy({
      sitesDisabled: ['*.example.nhs.uk'],
      minimumSeverity: 'high',
      serviceLexiconUrl: 'http://intranet.example.nhs.uk/lexicon.json',
      locale: 'en-US',
      colour: 'blue',
    });
    expect(policy).toEqual({ sitesDisabled: ['*.example.nhs.uk'], locale: 'en-US' });
    expect(problems).toEqual([
      'minimumSeverity: expected one of "info", "suggest" or "warn"; it is ignored',
      'serviceLexiconUrl: expected an https:// address (plain http only for localhost); it is ignored',
      'colour: not a setting Alongside knows; it is ignored',
    ]);
    expect(readPolicy({ serviceLexiconUrl: 'http://localhost:8080/l.json' }).problems).toEqual([]);
  });

  it('reads a service lexicon written in policy form', () => {
    const { policy, problems } = readPolicy({
      serviceLexicon: {
        name: 'S',
        version: '1',
        entries: [{ id: 'claims', alternatives: [{ text: 'says' }], sources: [{ key: 'k-1' }] }],
      },
    });
    expect(problems).toEqual([]);
    expect(policy.serviceLexicon?.entries).toEqual([
      { id: 'claims', alternatives: ['says'], sources: ['k-1'] },
    ]);
  });
});

describe('settings in force under a policy', () => {
  it('matches a host, or a domain and its subdomains with "*."', () => {
    expect(hostMatches('ehr.example.nhs.uk', 'EHR.example.nhs.uk')).toBe(true);
    expect(hostMatches('ehr.example.nhs.uk', 'x.ehr.example.nhs.uk')).toBe(false);
    expect(hostMatches('*.example.nhs.uk', 'example.nhs.uk')).toBe(true);
    expect(hostMatches('*.example.nhs.uk', 'a.b.example.nhs.uk')).toBe(true);
    expect(hostMatches('*.example.nhs.uk', 'badexample.nhs.uk')).toBe(false);
  });

  it('lets the policy win, the floor only raise the threshold, and the user switch sites off only', () => {
    const s = effectiveSettings(
      { ...USER, minSeverity: 'warn', disabledSites: ['b.example.nhs.uk'] },
      { minimumSeverity: 'suggest', locale: 'en-US', sitesEnabled: ['*.example.nhs.uk'] },
    );
    expect([s.minSeverity, s.locale]).toEqual(['warn', 'en-US']);
    expect(effectiveSettings(USER, { minimumSeverity: 'suggest' }).minSeverity).toBe('suggest');
    expect(s.managed).toEqual(['minimumSeverity', 'locale', 'sitesEnabled']);
    expect(isOnForSite(s, 'a.example.nhs.uk')).toBe(true);
    expect(isOnForSite(s, 'b.example.nhs.uk')).toBe(false);
    expect(isOnForSite(s, 'elsewhere.org')).toBe(false);
    const off = effectiveSettings(USER, { sitesDisabled: ['*.example.nhs.uk'] });
    expect(isOnForSite(off, 'a.example.nhs.uk')).toBe(false);
    expect(isOnForSite(off, 'elsewhere.org')).toBe(true);
    expect(effectiveSettings(USER, { allowPersonalChanges: false }).personalChanges).toBe(false);
    expect(effectiveSettings(USER, {}).personalChanges).toBe(true);
  });
});
