/**
 * The card's messages, apart from the other surfaces' so that the content script, which draws
 * the card in every frame, bundles neither their words nor the spelling converter: the card's
 * en-US words need no converter (test/core/catalogue.test.ts holds them to it).
 */
import type { Locale } from '../core/lexicon/schema.ts';
import * as GB from './en-GB.ts';
import * as US from './en-US.ts';
import { messagesOf } from './messages.ts';

const asWritten = (text: string) => text;

export const cardMessages = (locale: Locale) => messagesOf(GB.card, US.card, locale, asWritten);
