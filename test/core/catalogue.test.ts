// The UI's catalogue (locales/): en-GB complete, en-US derived from it by the lexicon's own
// spelling converter with a few wordings of its own, gaps and counts filled in as typed, and
// every message used by the code.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toUsSpelling } from '../../core/lexicon/spelling.ts';
import * as GB from '../../locales/en-GB.ts';
import * as US from '../../locales/en-US.ts';
import {
  cardMessages,
  kitMessages,
  optionsMessages,
  panelMessages,
  playgroundMessages,
  popupMessages,
} from '../../locales/index.ts';
import {
  derive,
  fill,
  gapsIn,
  type Message,
  type Overrides,
  type Section,
} from '../../locales/messages.ts';

const ROOT = new URL('../../', import.meta.url).pathname;

const SECTIONS = Object.keys(GB) as (keyof typeof GB)[];
const gb = (name: keyof typeof GB): Section => GB[name];
const us = (name: keyof typeof GB): Overrides<Section> => US[name] as Overrides<Section>;

/** Every string of a message: itself, or both forms of a plural. */
const textsOf = (message: Message): string[] =>
  typeof message === 'string' ? [message] : [message.one, message.other];

const sortedGaps = (message: Message) => [...new Set(textsOf(message).flatMap(gapsIn))].sort();

describe('the en-GB catalogue', () => {
  it('has the same sections as en-US, and nothing else', () => {
    expect(Object.keys(US).sort()).toEqual([...SECTIONS].sort());
  });

  it.each(SECTIONS)(
    '%s: every message has words, and every brace is a gap the code fills',
    (name) => {
      for (const [key, message] of Object.entries(gb(name))) {
        for (const text of textsOf(message)) {
          expect(text.trim(), key).not.toBe('');
          expect(text, `${key}: no spaces at its ends`).toBe(text.trim());
          // A brace that is not `{name}` would be shown as it is by `fill` but typed as a gap.
          expect(text.replace(/\{[A-Za-z]\w*\}/g, ''), key).not.toMatch(/[{}]/);
        }
      }
    },
  );

  it('holds no key twice across sections, so a key names one message', () => {
    const keys = SECTIONS.flatMap((name) => Object.keys(gb(name)));
    expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([]);
  });
});

describe('the en-US catalogue', () => {
  it.each(SECTIONS)(
    '%s: has every en-GB key, and no British spelling the converter knows',
    (name) => {
      const derived = derive(gb(name), us(name), toUsSpelling);
      expect(Object.keys(derived)).toEqual(Object.keys(gb(name)));
      for (const [key, message] of Object.entries(derived)) {
        for (const text of textsOf(message)) {
          expect(text.trim(), key).not.toBe('');
          // Nothing left for the converter to change: no "organisation", "favourite", "colour"…
          expect(toUsSpelling(text), key).toBe(text);
        }
      }
    },
  );

  it.each(SECTIONS)(
    '%s: its own wordings are for en-GB keys, keep their gaps, and differ beyond spelling',
    (name) => {
      for (const [key, own] of Object.entries(us(name))) {
        const base = gb(name)[key];
        expect(base, `${key} is not an en-GB key`).toBeDefined();
        expect(sortedGaps(own!), key).toEqual(sortedGaps(base!));
        // A wording that the converter would give anyway is a copy to keep in step: leave it out.
        const spelt = textsOf(base!).map(toUsSpelling);
        expect(textsOf(own!), `${key} only respells the en-GB words`).not.toEqual(spelt);
      }
    },
  );

  it('names the primary care provider where en-GB names the GP, as the lexicon does', () => {
    for (const name of SECTIONS) {
      const derived = derive(gb(name), us(name), toUsSpelling);
      for (const [key, message] of Object.entries(derived)) {
        for (const text of textsOf(message)) expect(text, `${name}.${key}`).not.toMatch(/\bGP\b/);
      }
    }
  });

  it('gives the card the same words without the converter, which the content script leaves out', () => {
    expect(derive(GB.card, US.card, (text) => text)).toEqual(
      derive(GB.card, US.card, toUsSpelling),
    );
    expect(cardMessages('en-US').kindLetterToGp).toBe(
      'a letter to a primary care provider or colleague',
    );
  });

  it('is what each surface reads in en-US, and en-GB is the catalogue as written', () => {
    expect(optionsMessages('en-US').setByOrganisation).toBe('Set by your organization');
    expect(optionsMessages('en-GB').setByOrganisation).toBe('Set by your organisation');
    expect(panelMessages('en-US').favourites).toBe('Favorites');
    expect(popupMessages('en-US').offEverywhere).toBe('Alongside is turned off everywhere.');
    expect(popupMessages('en-GB').offEverywhere).toBe('Alongside is switched off everywhere.');
    expect(playgroundMessages('en-US').keepLetter).toContain('check the box');
    expect(kitMessages('en-US').printHint).toContain('Check “Pocket card” first');
  });
});

describe('filling a message', () => {
  it('fills each gap and chooses the form for the count', () => {
    const m = popupMessages('en-GB');
    expect(m.suggestionsOnPage({ count: 1 })).toBe('1 suggestion on this page');
    expect(m.suggestionsOnPage({ count: 2 })).toBe('2 suggestions on this page');
    expect(panelMessages('en-GB').showHidden({ count: 1 })).toBe(
      'Show the hidden reflection again',
    );
    expect(cardMessages('en-GB').turnOffOn({ site: 'ehr.example' })).toBe(
      'Turn off on ehr.example',
    );
  });

  it('puts a value in as it is: a "{gap}" or "$&" in it is never read as a template', () => {
    expect(fill('Suggestion for “{match}”', { match: '{reason} $& $1' })).toBe(
      'Suggestion for “{reason} $& $1”',
    );
  });

  it('is checked by the type checker: keys, gaps and counts', () => {
    const m = cardMessages('en-GB');
    // @ts-expect-error: no such key
    void m.noSuchMessage;
    // @ts-expect-error: the site is missing
    void m.turnOffOn({});
    // @ts-expect-error: a count is a number
    void m.suggestionsInField({ count: 'two' });
    const own: Overrides<typeof GB.card> = {
      // @ts-expect-error: the en-US wording must keep the gap {site}
      turnOffOn: 'Turn off here',
    };
    expect(own).toBeDefined();
  });
});

/** Every source file of the UI and the extension, where messages are read. */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) ? [readFileSync(path, 'utf8')] : [];
  });
}

describe('the code', () => {
  it('reads every message of the catalogue', () => {
    const code = ['components', 'extension', 'entrypoints'].flatMap((d) => sources(join(ROOT, d)));
    const all = code.join('\n');
    // Messages are read as `m.key`, or straight off a surface's messages: `cardMessages(l).key`.
    const unused = SECTIONS.flatMap((name) =>
      Object.keys(gb(name)).filter(
        (key) => !new RegExp(`(?:\\bm|Messages\\([^()]*\\))\\.${key}\\b`).test(all),
      ),
    );
    expect(unused).toEqual([]);
  });
});
