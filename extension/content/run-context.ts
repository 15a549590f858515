import type { Settings } from '../settings.ts';
import type { BackgroundChecker } from './background-checker.ts';
import { createHighlightPainter, type HighlightPainter } from './highlight/highlight-painter.ts';
import { createOverlayPainter, type OverlayPainter } from './highlight/overlay-painter.ts';
import { adoptHighlightStyles } from './highlight/styles.ts';
import { createLayer, type Layer } from './layer.ts';

/**
 * What every feature of one run of the checks shares: the frame, the settings it started with,
 * the run's signal (aborted when the settings change or the script stops), and the frame's
 * drawing surfaces, made on first use. Each feature module starts with this and tears itself
 * down when `signal` aborts.
 */
export interface RunContext {
  readonly win: Window;
  readonly doc: Document;
  readonly settings: Settings;
  readonly signal: AbortSignal;
  /** The content script's own lifetime, longer than the run's: for what outlives a restart. */
  readonly lifetime: AbortSignal;
  /** Checks the fields' text in the background, where the lexicon is: a frame holds none. */
  readonly checker: BackgroundChecker;
  /** Our shadow-root corner of the page (overlays, mirrors, the card, the live region). */
  layer(): Layer;
  /** The layer if it has been made, without making it. */
  readonly madeLayer: Layer | undefined;
  overlay(): OverlayPainter;
  /** Flags in rich editors; undefined where the Custom Highlight API is missing. */
  readonly highlights: HighlightPainter | undefined;
  /** Tells screen readers, through the layer's live region; a repeated message is said again. */
  announce(message: string): void;
}

export function createRunContext(
  win: Window,
  checker: BackgroundChecker,
  settings: Settings,
  signal: AbortSignal,
  lifetime: AbortSignal,
): RunContext {
  const doc = win.document;
  let layer: Layer | undefined;
  let overlay: OverlayPainter | undefined;
  const highlights = createHighlightPainter(doc);
  adoptHighlightStyles(doc);
  const getLayer = () => (layer ??= createLayer(doc));
  let announcing = 0;
  signal.addEventListener(
    'abort',
    () => {
      win.clearTimeout(announcing);
      highlights?.clearAll();
      overlay?.clearAll();
      layer?.destroy();
    },
    { once: true },
  );
  return {
    win,
    doc,
    settings,
    signal,
    lifetime,
    checker,
    layer: getLayer,
    get madeLayer() {
      return layer;
    },
    overlay: () => (overlay ??= createOverlayPainter(getLayer())),
    highlights,
    announce(message) {
      const live = getLayer().live;
      live.textContent = '';
      win.clearTimeout(announcing);
      // A fresh text node after clearing makes screen readers announce a repeated message too.
      announcing = win.setTimeout(() => (live.textContent = message), 30);
    },
  };
}
