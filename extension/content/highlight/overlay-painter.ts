import type { Severity } from '@/core/engine';
import type { Layer } from '../layer.ts';
import type { Box } from './control-mirror.ts';
import { apply, fieldToViewport, invert, multiply, onlyMoves } from './field-geometry.ts';

export interface OverlayMark {
  severity: Severity;
  boxes: Box[];
}

/**
 * Flags in textareas and inputs: boxes in our own layer, over the field, clipped to its padding
 * box and moved with its scroll. Measuring is the costly part, so `place` only re-positions.
 */
export interface OverlayPainter {
  /** `dark`: the field sits on a dark page, so its flags take the lighter lines. */
  paint(field: HTMLTextAreaElement | HTMLInputElement, marks: OverlayMark[], dark?: boolean): void;
  /** Re-position after scrolling or resizing, without measuring again. */
  place(field: HTMLTextAreaElement | HTMLInputElement): void;
  /** Re-position only if the field moved since last placed. */
  placeIfMoved(field: HTMLTextAreaElement | HTMLInputElement): void;
  clear(field: Element): void;
  clearAll(): void;
}

export function createOverlayPainter(layer: Layer): OverlayPainter {
  const clips = new Map<
    Element,
    { clip: HTMLElement; marks: OverlayMark[]; placedAt: string; font: string }
  >();
  const doc = layer.root.ownerDocument;

  /** What the marks' places depend on, to tell whether the field has moved since. */
  const whereIs = (field: HTMLTextAreaElement | HTMLInputElement) => {
    const rect = field.getBoundingClientRect();
    const { clientWidth, clientHeight, scrollLeft, scrollTop } = field;
    return {
      rect,
      key: `${rect.left},${rect.top},${rect.width},${rect.height},${clientWidth},${clientHeight},${scrollLeft},${scrollTop}`,
    };
  };

  /** Every read first, then every write: a read after a write would force a layout per mark. */
  const place = (field: HTMLTextAreaElement | HTMLInputElement) => {
    const entry = clips.get(field);
    if (!entry) return;
    const style = doc.defaultView!.getComputedStyle(field);
    const { rect, key } = whereIs(field);
    const { clientWidth, clientHeight, scrollLeft, scrollTop } = field;
    // From the field's own pixels to our layer's: the same transform and zoom as the field, so
    // the marks turn and scale with its text.
    const toLayer = invert(layer.space());
    const m = toLayer ? multiply(toLayer, fieldToViewport(field)) : fieldToViewport(field);
    const origin = apply(m, parseFloat(style.borderLeftWidth), parseFloat(style.borderTopWidth));
    entry.placedAt = key;
    const { clip } = entry;
    clip.style.left = `${origin.x}px`;
    clip.style.top = `${origin.y}px`;
    clip.style.width = `${clientWidth}px`;
    clip.style.height = `${clientHeight}px`;
    clip.style.transform = onlyMoves(m) ? '' : `matrix(${m.a}, ${m.b}, ${m.c}, ${m.d}, 0, 0)`;
    clip.hidden = rect.width === 0 || rect.height === 0;
    // The marks underline spaces in the field's font, so their lines sit where its text's would.
    // (Chromium leaves the computed shorthand empty when a longhand has no shorthand form.)
    const font =
      style.font || `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
    if (entry.font !== font) {
      clip.style.font = font;
      entry.font = font;
    }
    const children = clip.children;
    let k = 0;
    for (const mark of entry.marks) {
      for (const box of mark.boxes) {
        const el = children[k++] as HTMLElement;
        el.style.transform = `translate(${box.x - scrollLeft}px, ${box.y - scrollTop}px)`;
      }
    }
  };

  /** Whether the field has moved or scrolled since its marks were placed (a layout shift, say). */
  const moved = (field: HTMLTextAreaElement | HTMLInputElement) => {
    const entry = clips.get(field);
    return entry !== undefined && whereIs(field).key !== entry.placedAt;
  };

  return {
    paint(field, marks, dark = false) {
      let entry = clips.get(field);
      if (!entry) {
        const clip = doc.createElement('div');
        clip.className = 'clip';
        layer.marks.append(clip);
        entry = { clip, marks, placedAt: '', font: '' };
        clips.set(field, entry);
      }
      entry.marks = marks;
      if (entry.clip.classList.contains('dark') !== dark) entry.clip.classList.toggle('dark', dark);
      // Boxes are reused and only restyled: Chromium ends a textarea's typing undo step when
      // nodes are added or removed anywhere in the page, so replacing them on every key would
      // make each letter its own Ctrl+Z.
      const { clip } = entry;
      let k = 0;
      for (const mark of marks) {
        for (const box of mark.boxes) {
          let el = clip.children[k] as HTMLElement | undefined;
          if (!el) {
            el = doc.createElement('div');
            clip.append(el);
          }
          const className = `mark ${mark.severity}`;
          if (el.className !== className) el.className = className;
          el.style.width = `${box.width}px`;
          el.style.height = `${box.height}px`;
          k++;
        }
      }
      while (clip.children.length > k) clip.lastElementChild!.remove();
      place(field);
    },
    place,
    placeIfMoved(field) {
      if (moved(field)) place(field);
    },
    clear(field) {
      clips.get(field)?.clip.remove();
      clips.delete(field);
    },
    clearAll() {
      for (const { clip } of clips.values()) clip.remove();
      clips.clear();
    },
  };
}
