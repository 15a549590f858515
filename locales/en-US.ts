/**
 * American English: only the wording that differs beyond spelling. Every other message is the
 * en-GB one with US spelling ("organisation" → "organization", "Favourites" → "Favorites"), made
 * by the same converter as the lexicon's (core/lexicon/spelling.ts). Here: the primary care
 * provider where en-GB names the GP (as the lexicon and the kit do), "turn on/off" where en-GB
 * says "switch", and checking a box rather than ticking it.
 */
import type * as GB from './en-GB.ts';
import type { Overrides } from './messages.ts';

export const card = {
  kindLetterToGp: 'a letter to a primary care provider or colleague',
} as const satisfies Overrides<typeof GB.card>;

export const popup = {
  offEverywhere: 'Alongside is turned off everywhere.',
} as const satisfies Overrides<typeof GB.popup>;

export const panel = {} as const satisfies Overrides<typeof GB.panel>;

export const options = {
  sitesOffHeading: 'Sites where you turned Alongside off',
  switchedOffName: '“{name}” is turned off.',
  showSwitchedOff: 'Show entries turned off',
  switchedOff: 'turned off',
  switchOn: 'Turn on',
  switchOff: 'Turn off',
  importSwitchedOff: '{count} turned off',
  importSwitchedOn: '{count} turned on again',
  switchedOffId: 'Turned off: {id}',
  switchedOnId: 'Turned on again: {id}',
  reflectionSwitchedOff: 'The reflection “{title}” is turned off.',
} as const satisfies Overrides<typeof GB.options>;

export const playground = {
  keepLetter:
    'Keep this letter in this browser between visits (off unless you check the box; for fictional letters only)',
} as const satisfies Overrides<typeof GB.playground>;

export const kit = {
  docLetterToGp: 'letters to the primary care provider or a colleague',
  printHint:
    'To print, or save as a PDF, use your browser’s Print command (Ctrl+P, or ⌘P on a Mac). Check “Pocket card” first for the short A6 version.',
} as const satisfies Overrides<typeof GB.kit>;
