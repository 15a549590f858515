import type { Locale } from '@/core/lexicon/schema';
import type { InsertReply } from '@/extension/messages';
import { panelMessages } from '@/locales/index';

/** The one line the panel says after Insert, for each outcome. */
export function insertStatus(reply: InsertReply | undefined, locale: Locale = 'en-GB'): string {
  const m = panelMessages(locale);
  // How to get the keyboard back to the letter after an insertion. The side panel keeps it (the
  // page's own focus() cannot take it back); in Chromium one F6 from the side panel returns it to
  // the page, to the field, with the first gap still selected (tried with real key presses under
  // Xvfb). Firefox's sidebar was not tried: there the hint is a click.
  const back = import.meta.env?.FIREFOX ? m.backByClick : m.backByF6;
  switch (reply?.outcome) {
    case 'inserted':
      return reply.gaps ? m.insertedWithGaps({ back }) : m.inserted({ back });
    case 'no-field':
      return m.insertNoField;
    case 'gone':
      return m.insertGone;
    case 'too-long':
      return m.insertTooLong;
    case 'moved':
      return m.insertMoved;
    default:
      return m.insertUnreachable;
  }
}
