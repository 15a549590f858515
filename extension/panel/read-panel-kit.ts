import { defaultLexicon } from '@/core/index';
import { panelKitFrom, type PanelKit } from '@/components/panel/panel-kit';
import { personalLexiconItem } from '../layers.ts';
import { computePolicy } from '../policy.ts';
import { policyItem, readSettings, settingsItem } from '../settings.ts';
import { effectiveSettings } from '@/core/settings/effective';

/**
 * The prompt kit in force, as the options page reads it: the built-in kit, the service layer's and
 * the clinician's own (each checked over those below), in the locale the settings put in force.
 */
export async function readPanelKit(): Promise<PanelKit> {
  const [user, { stored, inForce }] = await Promise.all([readSettings(), computePolicy()]);
  const { locale } = effectiveSettings(user, stored.policy, stored.lexicon);
  return panelKitFrom([defaultLexicon(), ...inForce.layers.layers.map((l) => l.lexicon)], locale);
}

/** Calls `onChange` when anything the kit in force depends on changes. */
export function watchPanelKit(onChange: () => void): () => void {
  const stops = [settingsItem, policyItem, personalLexiconItem].map((item) =>
    item.watch(() => onChange()),
  );
  return () => stops.forEach((stop) => stop());
}
