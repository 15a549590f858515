import { createLayer, type Layer } from '../layer.ts';
import type { RunContext } from '../run-context.ts';
import type { CardSurface, CardSurfaces } from './card-controller.ts';

/**
 * Where a card can be drawn from this frame: our own layer, or a layer of ours in the highest
 * same-origin page around the frame, for a frame too small for the card (TinyMCE's at a small
 * height, say). A page of another origin is never used: `frameElement` is null across origins,
 * so the climb stops there and the field's text never reaches another site's page.
 * `watch` is told of that page's document once, to listen there for the card's keys and clicks.
 */
export function cardSurfaces(ctx: RunContext, watch: (doc: Document) => void): CardSurfaces {
  let own: CardSurface | undefined;
  let around: CardSurface | null | undefined;
  return {
    own: () => (own ??= { root: ctx.layer().root, fromField: (rect) => rect }),
    around() {
      if (around !== undefined) return around ?? undefined;
      // The frames from the field's outwards, each in the document around it.
      const frames: Element[] = [];
      let win: Window = ctx.win;
      for (let el = win.frameElement; el; el = win.frameElement) {
        frames.push(el);
        win = el.ownerDocument.defaultView!;
      }
      if (!frames.length) {
        around = null;
        return undefined;
      }
      const layer: Layer = createLayer(win.document, 'alongside-card-layer');
      ctx.signal.addEventListener('abort', () => layer.destroy(), { once: true });
      watch(win.document);
      around = {
        root: layer.root,
        fromField(rect) {
          let x = rect.left;
          let y = rect.top;
          for (const frame of frames) {
            // The frame's content box in the page around it: past its border and padding.
            const box = frame.getBoundingClientRect();
            const style = frame.ownerDocument.defaultView!.getComputedStyle(frame);
            x += box.left + frame.clientLeft + parseFloat(style.paddingLeft);
            y += box.top + frame.clientTop + parseFloat(style.paddingTop);
          }
          return new DOMRect(x, y, rect.width, rect.height);
        },
      };
      return around;
    },
  };
}
