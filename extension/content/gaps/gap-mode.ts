import { cardMessages } from '@/locales/card';
import type { Locale } from '@/core/lexicon/schema';
import { placeholders } from '@/core/suggestions/placeholders';
import type { FieldAdapter } from '../text/field-adapter.ts';
import { selectOffsets, selectedOffsets } from '../text/field-selection.ts';
import {
  gapFrom,
  gapNumbers,
  gapsIn,
  regionIn,
  regionOf,
  type Gap,
  type InsertedRegion,
} from './gap-region.ts';

export interface GapModeOptions {
  /** Says something through the layer's live region. */
  announce(message: string): void;
  /** The locale in force, for what it tells screen readers (en-GB when not given). */
  locale?: Locale;
  /** Ends gap mode with everything else in this frame (the site turned off, the page left). */
  signal: AbortSignal;
}

export interface GapMode {
  readonly active: boolean;
  /** Whether text offset `offset` of `field` is inside the inserted text gap mode follows. */
  holds(field: Element, offset: number): boolean;
  stop(): void;
}

/**
 * Tab through the {gaps} of a suggestion just applied, like a snippet in a code editor. The
 * suggestion's text `inserted` was written at `start` and its first gap is selected. While gap mode
 * lasts, Tab selects the next gap still present in that text and Shift+Tab the previous one, taken
 * in the capture phase on the field's window, before the editor can indent a list, type a tab
 * character or move to another cell. It ends on Tab at the last gap (the caret goes after the
 * text), on Escape, on undo, and once the caret leaves the text (a click elsewhere, an arrow out):
 * then Tab is the editor's again. Returns undefined when there is nothing to tab through.
 */
export function startGapMode(
  adapter: FieldAdapter,
  inserted: { start: number; text: string },
  options: GapModeOptions,
): GapMode | undefined {
  const m = cardMessages(options.locale ?? 'en-GB');
  const names = placeholders(inserted.text).map((p) => p.name);
  if (names.length === 0 || options.signal.aborted) return undefined;
  const region: InsertedRegion | undefined = regionOf(
    adapter.read(),
    inserted.start,
    inserted.text,
  );
  if (!region) return undefined;

  const field = adapter.field;
  const doc = field.ownerDocument;
  const win = doc.defaultView!;
  const listening = new AbortController();
  const signal = listening.signal;
  let active = true;
  // While we move the selection ourselves, a selectionchange some DOMs fire at once (between
  // removing the old range and adding the new) is not the caret leaving.
  let moving = false;
  const select = (start: number, end: number) => {
    moving = true;
    try {
      selectOffsets(adapter, start, end);
    } finally {
      moving = false;
    }
  };

  const stop = () => {
    if (!active) return;
    active = false;
    listening.abort();
  };
  options.signal.addEventListener('abort', stop, { once: true, signal });

  const describe = (gaps: readonly Gap[], gap: Gap) => {
    const number = gapNumbers(names, gaps)[gaps.indexOf(gap)]!;
    return m.gapOf({ number: number + 1, total: names.length, gap: `{${gap.name}}` });
  };

  /** The region now, or undefined (and gap mode over) when the selection is no longer in it. */
  const check = () => {
    if (!active || moving) return undefined;
    const text = adapter.read();
    const at = regionIn(region, text);
    const selection = selectedOffsets(adapter);
    if (!at || !selection || selection.start < at.start || selection.end > at.end) {
      stop();
      return undefined;
    }
    return { text, at, selection };
  };

  const move = (direction: 'forward' | 'back') => {
    const now = check();
    if (!now) return false;
    const gaps = gapsIn(region, now.text);
    const gap = gapFrom(gaps, now.selection, direction);
    if (gap) {
      select(gap.start, gap.end);
      options.announce(describe(gaps, gap));
    } else if (direction === 'forward') {
      // Past the last gap: the caret after the suggestion's text, and Tab is the editor's again.
      select(now.at.end, now.at.end);
      stop();
      options.announce(m.gapsEnd);
    } else {
      options.announce(gaps.length ? m.gapFirst : m.gapsNone);
    }
    return true;
  };

  const inField = (event: Event) => event.composedPath().includes(field);

  win.addEventListener(
    'keydown',
    (event) => {
      if (!active || event.isComposing || !inField(event)) return;
      const plain = !event.ctrlKey && !event.altKey && !event.metaKey;
      if (event.key === 'Tab' && plain) {
        if (!move(event.shiftKey ? 'back' : 'forward')) return;
      } else if (event.key === 'Escape' && plain && !event.shiftKey) {
        stop();
        options.announce(m.gapsLeft);
      } else {
        // Undo and redo take the text back past the suggestion: gap mode would follow nothing.
        const key = event.key.toLowerCase();
        if ((event.ctrlKey || event.metaKey) && (key === 'z' || key === 'y')) stop();
        return;
      }
      event.preventDefault();
      event.stopImmediatePropagation();
    },
    { capture: true, signal },
  );

  // Text controls fire selectionchange at themselves (inside a shadow root it stays there).
  const onSelection = () => void check();
  doc.addEventListener('selectionchange', onSelection, { capture: true, signal });
  field.addEventListener('selectionchange', onSelection, { signal });
  field.addEventListener(
    'input',
    (event) => {
      const type = (event as InputEvent).inputType;
      if (type === 'historyUndo' || type === 'historyRedo') stop();
      else check();
    },
    { signal },
  );
  field.addEventListener(
    'focusout',
    () => {
      // Focus moving elsewhere in the page ends it; the window losing focus (another tab) does not.
      win.setTimeout(() => {
        if (!active || !doc.hasFocus()) return;
        const focused = doc.activeElement;
        if (!focused || !(focused === field || field.contains(focused))) {
          // Shadow hosts: the field may be inside the focused element's shadow tree.
          const root = field.getRootNode();
          if (!(root instanceof ShadowRoot && root.activeElement === field)) stop();
        }
      }, 0);
    },
    { signal },
  );

  const first = gapsIn(region, adapter.read());
  const hint = names.length > 1 ? m.gapNext : m.gapPast;
  if (first[0]) options.announce(`${describe(first, first[0])}. ${hint}`);

  return {
    get active() {
      return active;
    },
    holds(target, offset) {
      if (!active || target !== field) return false;
      const at = regionIn(region, adapter.read());
      return at !== undefined && offset >= at.start && offset <= at.end;
    },
    stop,
  };
}
