import type { UserSettings } from './effective.ts';

/**
 * The clinician's settings as a fresh install has them: the one declaration of each default.
 * The zod schema (schema.ts) takes its defaults from here, and the content script, which carries
 * no zod, reads stored settings against it (`sanitiseSettings`).
 */
export const DEFAULT_SETTINGS: UserSettings = {
  enabled: true,
  disabledSites: [],
  personalAllow: [],
  locale: 'en-GB',
  minSeverity: 'info',
  whenUnsure: 'unsure',
};
