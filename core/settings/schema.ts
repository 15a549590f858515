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
