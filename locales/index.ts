/**
 * Each surface's messages in a locale: `popupMessages(locale).openKit`,
 * `cardMessages(locale).turnOffOn({ site })`. The locale is the one in force (the clinician's
 * setting, or the policy's): each surface says where it reads it.
 */
import type { Locale } from '../core/lexicon/schema.ts';
import { toUsSpelling } from '../core/lexicon/spelling.ts';
import * as GB from './en-GB.ts';
import * as US from './en-US.ts';
import { messagesOf } from './messages.ts';

export type { Messages } from './messages.ts';
// The card's own module: the content script imports it alone.
export { cardMessages } from './card.ts';

export const popupMessages = (locale: Locale) =>
  messagesOf(GB.popup, US.popup, locale, toUsSpelling);
export const panelMessages = (locale: Locale) =>
  messagesOf(GB.panel, US.panel, locale, toUsSpelling);
export const optionsMessages = (locale: Locale) =>
  messagesOf(GB.options, US.options, locale, toUsSpelling);
export const playgroundMessages = (locale: Locale) =>
  messagesOf(GB.playground, US.playground, locale, toUsSpelling);
export const kitMessages = (locale: Locale) => messagesOf(GB.kit, US.kit, locale, toUsSpelling);
