import bibliography from '../lexicon/default/bibliography.json' with { type: 'json' };
import kit from '../lexicon/default/kit.json' with { type: 'json' };
import reflections from '../lexicon/default/reflections.json' with { type: 'json' };
import authority from '../lexicon/default/authority.json' with { type: 'json' };
import childSafeguarding from '../lexicon/default/child-safeguarding.json' with { type: 'json' };
import blameAdherence from '../lexicon/default/blame-adherence.json' with { type: 'json' };
import credibility from '../lexicon/default/credibility.json' with { type: 'json' };
import demeanour from '../lexicon/default/demeanour.json' with { type: 'json' };
import dismissal from '../lexicon/default/dismissal.json' with { type: 'json' };
import doorClosing from '../lexicon/default/door-closing.json' with { type: 'json' };
import givingUp from '../lexicon/default/giving-up.json' with { type: 'json' };
import labels from '../lexicon/default/labels.json' with { type: 'json' };
import nocebo from '../lexicon/default/nocebo.json' with { type: 'json' };
import personFirst from '../lexicon/default/person-first.json' with { type: 'json' };
import placeholders from '../lexicon/default/placeholders.json' with { type: 'json' };
import responsibilising from '../lexicon/default/responsibilising.json' with { type: 'json' };
import suicideSelfHarm from '../lexicon/default/suicide-self-harm.json' with { type: 'json' };
import type { Kit, Bibliography, Lexicon } from './lexicon/schema.ts';

/**
 * Every source the default entries cite, defined once (lexicon/default/bibliography.json). A
 * service's lexicon may cite these keys too.
 */
export const defaultBibliography = () => bibliography.bibliography as Readonly<Bibliography>;

const FILES = {
  responsibilising,
  'door-closing': doorClosing,
  credibility,
  authority,
  'blame-adherence': blameAdherence,
  dismissal,
  labels,
  demeanour,
  nocebo,
  'person-first': personFirst,
  'giving-up': givingUp,
  'suicide-self-harm': suicideSelfHarm,
  'child-safeguarding': childSafeguarding,
  placeholders,
} as unknown as Readonly<Record<string, Lexicon>>;

/**
 * The category files, in the order a reader meets them in the README, each with the shared
 * bibliography, so each is a whole lexicon on its own. Typed as lexicons without parsing: the
 * test suite validates every file against the schema. A function, not a constant: the content
 * script imports the engine but never the lexicon (the background sends it), and a bundler keeps
 * a module whose top level does work.
 */
let files: Readonly<Record<string, Lexicon>> | undefined;
export function defaultLexiconFiles(): Readonly<Record<string, Lexicon>> {
  files ??= Object.fromEntries(
    Object.entries(FILES).map(([name, file]) => [
      name,
      { ...file, bibliography: defaultBibliography() },
    ]),
  );
  return files;
}

let cached: Lexicon | undefined;

/** The built-in lexicon: every category file merged into one layer. */
export function defaultLexicon(): Lexicon {
  cached ??= {
    name: 'Alongside default',
    version: '1.0.0',
    locale: 'en-GB',
    bibliography: defaultBibliography(),
    entries: Object.values(defaultLexiconFiles()).flatMap((file) => file.entries),
    // The prompt kit (lexicon/default/kit.json) and the whole-letter reflections with their cue
    // words (reflections.json): the test suite validates them as it does the entries.
    prompts: { ...kit, ...reflections } as unknown as Kit,
  };
  return cached;
}
