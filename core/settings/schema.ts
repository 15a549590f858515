import { z } from 'zod';
import { DOCUMENT_KINDS, LocaleSchema, SeveritySchema } from '../lexicon/schema.ts';
import { DEFAULT_SETTINGS as D } from './defaults.ts';

/** The extension's settings, as stored in `storage.local` under "settings". */
export const SettingsSchema = z.strictObject({
  /** Master switch. */
  enabled: z.boolean().default(D.enabled),
  /** Sites (host names) where the clinician turned Alongside off. */
  disabledSites: z.array(z.string()).default(() => [...D.disabledSites]),
  /** Phrases the clinician chose to ignore everywhere ("ignore this phrase everywhere"). */
  personalAllow: z.array(z.string()).default(() => [...D.personalAllow]),
  locale: LocaleSchema.default(D.locale),
  minSeverity: SeveritySchema.default(D.minSeverity),
  /** The document kind assumed when a field's text does not say which it is. */
  whenUnsure: z.enum(['unsure', ...DOCUMENT_KINDS]).default(D.whenUnsure),
});
export type Settings = z.infer<typeof SettingsSchema>;

/**
 * Stored settings checked in full: the value when it is valid, else the last good one (or the
 * defaults), with one line saying what was wrong, for the options page.
 */
export function checkStoredSettings(
  stored: unknown,
  lastGood: Settings | undefined,
): { settings: Settings; problem?: string } {
  if (stored === undefined || stored === null)
    return { settings: lastGood ?? SettingsSchema.parse({}) };
  const parsed = SettingsSchema.safeParse(stored);
  if (parsed.success) return { settings: parsed.data };
  const issue = parsed.error.issues[0];
  const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
  return {
    settings: lastGood ?? SettingsSchema.parse({}),
    problem: `the stored settings were not valid (${where}${issue?.message ?? 'unreadable'}); the last good ones are back in place`,
  };
}
