import type { LayerName } from '@/core/lexicon/layer-view';
import type { Messages } from '@/locales/index';
import type * as GB from '@/locales/en-GB';

export type OptionsWords = Messages<typeof GB.options>;

/** Where an entry or a prompt comes from, as the options page names its layers. */
export const layerLabels = (m: OptionsWords): Record<LayerName, string> => ({
  'built-in': m.layerBuiltIn,
  service: m.layerService,
  personal: m.layerPersonal,
});

/** "changed by your service, yours": the later layers that changed an entry or a prompt. */
export function changedByLine(layers: readonly LayerName[], m: OptionsWords): string {
  const name = layerLabels(m);
  return m.changedBy({ layers: layers.map((l) => name[l].toLowerCase()).join(', ') });
}
