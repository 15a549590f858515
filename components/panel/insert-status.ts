import type { InsertReply } from '@/extension/messages';

/**
 * How to get the keyboard back to the letter after an insertion. The side panel keeps it (the
 * page's own focus() cannot take it back); in Chromium one F6 from the side panel returns it to
 * the page, to the field, with the first gap still selected (tried with real key presses under
 * Xvfb). Firefox's sidebar was not tried: there the hint is a click.
 */
export const RETURN_HINT = import.meta.env?.FIREFOX
  ? 'Click in your letter to go back to it'
  : 'Press F6 to go back to your letter';

/** The one line the panel says after Insert, for each outcome. */
export function insertStatus(reply: InsertReply | undefined): string {
  switch (reply?.outcome) {
    case 'inserted':
      return reply.gaps
        ? `Inserted, with its first gap selected. ${RETURN_HINT}; Tab moves to the next gap.`
        : `Inserted. ${RETURN_HINT}.`;
    case 'no-field':
      return 'No field to insert into: click where you are writing, then Insert again.';
    case 'gone':
      return 'The field you were writing in is no longer there: click in it, then Insert again.';
    case 'too-long':
      return 'That is longer than the field allows; nothing was inserted.';
    case 'moved':
      return 'The text changed since you left it: click where this should go, then Insert again.';
    default:
      return 'Alongside could not reach the page: reload it, then Insert again.';
  }
}
