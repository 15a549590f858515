import type { Lexicon, Locale } from '@/core/index';
import { compile } from '@/core/matcher/compile';
import {
  createBackgroundChecker,
  type BackgroundChecker,
} from '@/extension/content/background-checker';

/** The engine in the playground's own page: the same matcher the extension's background runs. */
export interface LocalEngine {
  checker(signal: AbortSignal): BackgroundChecker;
}

/**
 * Compiles the layers once and answers the field's checks in the page, a task later, as the
 * background would: the content script's own checking code runs unchanged over it.
 */
export function localEngine(
  layers: readonly Lexicon[],
  locale: Locale,
  allow: readonly string[],
): LocalEngine {
  const matcher = compile(layers, { locale, allow: [...allow] });
  return {
    checker: (signal) =>
      createBackgroundChecker({
        locale,
        allow,
        signal,
        send: (request) =>
          Promise.resolve({
            findings: request.paragraphs.map((p) =>
              matcher.findInParagraph(p, 0, p.length, {
                minSeverity: request.minSeverity,
                documentKind: request.documentKind,
              }),
            ),
          }),
      }),
  };
}
