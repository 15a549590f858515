import type { Severity } from '../../core/engine.ts';
import type { Locale } from '../../core/lexicon/schema.ts';
import { cardMessages } from '../../locales/card.ts';

/** Plain words for severity, in the locale's words: we suggest, we never scold. */
export function severityLabels(locale: Locale): Record<Severity, string> {
  const m = cardMessages(locale);
  return { info: m.severityInfo, suggest: m.severitySuggest, warn: m.severityWarn };
}

/** The en-GB words, for what has no locale (the generated lexicon docs). */
export const SEVERITY_LABEL: Record<Severity, string> = /* @__PURE__ */ severityLabels('en-GB');
