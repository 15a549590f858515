import { z } from 'zod';
import { LocaleSchema, SeveritySchema } from '../lexicon/schema.ts';

/** The extension's settings, as stored in `storage.local` under "settings". */
export const SettingsSchema = z.strictObject({
  /** Master switch. */
  enabled: z.boolean().default(true),
  /** Sites (host names) where the clinician turned Alongside off. */
  disabledSites: z.array(z.string()).default([]),
  /** Phrases the clinician chose to ignore everywhere ("ignore this phrase everywhere"). */
  personalAllow: z.array(z.string()).default([]),
  locale: LocaleSchema.default('en-GB'),
  minSeverity: SeveritySchema.default('info'),
});
export type Settings = z.infer<typeof SettingsSchema>;
