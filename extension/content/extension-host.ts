import { siteOf } from '../messages.ts';
import { updateSettings } from '../settings.ts';
import type { CardHost } from './features/suggestion-card.ts';
import { turnOffSite } from './features/turn-off-site.ts';
import type { RunContext } from './run-context.ts';

/** The card's wider choices in the extension: kept in its settings, for every frame and tab. */
export function extensionHost(ctx: RunContext): CardHost {
  return {
    site: siteOf(ctx.win),
    ignoreEverywhere(phrase) {
      void updateSettings((s) => ({
        ...s,
        personalAllow: s.personalAllow.includes(phrase)
          ? s.personalAllow
          : [...s.personalAllow, phrase],
      }));
    },
    turnOffSite: (options) => void turnOffSite(ctx, options),
  };
}
