import type { DocumentKind, DocumentKindGuess, Finding, Severity } from '@/core/engine';
import { createIncrementalScanner, type IncrementalScanner } from '@/core/incremental';
import type { BackgroundChecker } from './background-checker.ts';
import { isDarkBehind } from './card/page-scheme.ts';
import { createKindTracker, type KindMemory } from './document-kind.ts';
import type { HighlightPainter } from './highlight/highlight-painter.ts';
import { ControlMirror } from './highlight/control-mirror.ts';
import { controlBoxOnViewport } from './highlight/field-geometry.ts';
import type { OverlayPainter } from './highlight/overlay-painter.ts';
import type { Layer } from './layer.ts';
import type { FieldAdapter } from './text/field-adapter.ts';

export interface FieldSession {
  readonly adapter: FieldAdapter;
  /** Current findings, in text order, without the ones ignored here. */
  findings(): readonly Finding[];
  /**
   * The text a finding of this session was made from (also an earlier scan's, which a card may
   * still show), so applying it can tell whether the words it replaces have changed since.
   */
  sourceOf(finding: Finding): string | undefined;
  /** Re-reads the field and redraws, coalescing bursts of input into one scan per task. */
  schedule(): void;
  /** Re-reads and redraws now. */
  update(): void;
  /** Re-positions overlay boxes after a scroll or resize (no re-scan). */
  place(): void;
  /** Re-positions overlay boxes only if the field moved. */
  placeIfMoved(): void;
  /** Where a finding (or any range of the text) sits on screen, for anchoring the card. */
  rectOf(range: { start: number; end: number }): DOMRect | undefined;
  /** What the field is read as (which letter-only entries apply), and whether the clinician chose it. */
  documentKind(): { kind: DocumentKindGuess; chosen: boolean };
  /**
   * Reads the field as `kind` from now until the page is reloaded (`undefined`: guess from its
   * text again), and re-checks it at once.
   */
  chooseDocumentKind(kind: DocumentKind | undefined): void;
  ignoreHere(finding: Finding): void;
  /** Whether some of the field's paragraphs are still waiting for their findings. */
  readonly waiting: boolean;
  setVisible(visible: boolean): void;
  destroy(): void;
}

export interface SessionDeps {
  minSeverity: Severity;
  /** What the field is read as when its text does not say (the options page's setting). */
  whenUnsure?: DocumentKindGuess;
  /** "Ignore here" choices for this field, kept by the caller so they outlive the session. */
  ignored: Set<string>;
  /** The kind chosen for this field in the card, kept by the caller likewise. */
  kind: KindMemory;
  layer: () => Layer;
  highlights: HighlightPainter | undefined;
  overlay: () => OverlayPainter;
  onFindings: (session: FieldSession) => void;
  /**
   * After a re-check because the kind in force changed (chosen, or guessed again), once the
   * findings for the new kind have arrived.
   */
  onKindChange?: (session: FieldSession) => void;
  /** The flags an earlier session of this field showed, to stand in until answers come. */
  previous?: { text: string; findings: Finding[] } | undefined;
  /** Told the text and flags after each scan, for the next session of this field. */
  remember?: (text: string, findings: Finding[]) => void;
}

/**
 * A performance mark each time flags are redrawn, so the page's own tools (and our browser
 * benchmark) can see how long after an input event the highlights caught up. Cleared first, so
 * marks never pile up in the page's timeline.
 */
const DRAWN_MARK = 'alongside-drawn';
function drawn(): void {
  performance.clearMarks(DRAWN_MARK);
  performance.mark(DRAWN_MARK);
}

/**
 * The work done in this frame so far, as one performance mark whose name carries the counts
 * (`alongside-work scans=… paragraphs=… lines=…`): tests compare it before and after typing, so
 * "typing in a long note re-checks one paragraph" is proved without timing anything. Names, not
 * `detail`, because the page's world cannot read an object made in the content script's.
 */
const work = { scans: 0, paragraphs: 0, lines: 0, kinds: 0 };
let workMark = '';
function counted(more: Partial<typeof work>): void {
  for (const key of Object.keys(more) as (keyof typeof work)[]) work[key] += more[key] ?? 0;
  if (workMark) performance.clearMarks(workMark);
  workMark =
    `alongside-work scans=${work.scans} paragraphs=${work.paragraphs} lines=${work.lines}` +
    ` kinds=${work.kinds}`;
  performance.mark(workMark);
}

/**
 * The frame's own main-thread time from the start of its checks until its first flags from the
 * background are drawn: the start itself, and each scan and drawing after it (the wait for the
 * background is not the frame's). Left as a performance measure, `alongside-start`, whose
 * duration is that time; the browser benchmark reads it per frame.
 */
const startUp = { at: -1, spent: 0 };
export function measureStartFrom(at: number, spent: number): void {
  startUp.at = at;
  startUp.spent = spent;
}
function spent(since: number): void {
  if (startUp.at >= 0) startUp.spent += performance.now() - since;
}
function settled(): void {
  if (startUp.at < 0) return;
  performance.clearMeasures('alongside-start');
  performance.measure('alongside-start', { start: startUp.at, duration: startUp.spent });
  startUp.at = -1;
}

const sameFlags = (a: readonly Finding[], b: readonly Finding[]) =>
  a.length === b.length &&
  a.every(
    (f, k) => f.start === b[k]!.start && f.end === b[k]!.end && f.severity === b[k]!.severity,
  );

/**
 * Runs `fn` at the start of the next frame, before its style and layout. A textarea's flags are
 * measured and placed there rather than in the keystroke's own task: several input events in a
 * frame (fast typing, a held key) cost one measurement, the input task stays short, and the
 * mirror is laid out with the field in the frame's one layout. Later still (after the frame)
 * would cost a second frame for every keystroke, which the page feels more (npm run
 * bench:browser measures both).
 */
function inNextFrame(win: Window, fn: () => void): void {
  win.requestAnimationFrame(() => fn());
}

/**
 * "Ignore here" remembers a flag by its entry, its words and the few words before it in its
 * paragraph, so typing elsewhere, even later in the same paragraph, does not bring it back.
 */
function ignoreKey(text: string, f: Finding): string {
  const paragraphStart = text.lastIndexOf('\n\n', f.start) + 1;
  const before = text.slice(Math.max(paragraphStart, f.start - 24), f.start);
  return `${f.entryId}\u0000${f.match}\u0000${before}`;
}

/**
 * Checks one field as the clinician types and draws its flags. The findings come from the
 * background (`checker`): a scan uses what has arrived, asks for the paragraphs that changed, and
 * runs again when their findings arrive, a few milliseconds later.
 */
export function createFieldSession(
  adapter: FieldAdapter,
  checker: BackgroundChecker,
  deps: SessionDeps,
): FieldSession {
  const alive = new AbortController();
  let text = deps.previous?.text ?? '';
  let current: Finding[] = deps.previous?.findings ?? [];
  /** The kind in force changed: the card hears of it once the new findings are in. */
  let kindChanged = false;
  // Letter-only entries depend on what the field is: guessed from its text as it grows (or
  // chosen in the card). The scanner caches per options, so a new one only when the kind changes.
  const kinds = createKindTracker({
    memory: deps.kind,
    timers: adapter.field.ownerDocument.defaultView ?? undefined,
    onGuess: () => counted({ kinds: 1 }),
    onIdleChange: () => {
      kindChanged = true;
      scanner = newScanner();
      update();
    },
  });
  /** The kind in force: the choice, the guess, or what the settings assume when unsure. */
  const kindInForce = (): DocumentKindGuess =>
    kinds.kind === 'unsure' ? (deps.whenUnsure ?? 'unsure') : kinds.kind;
  // A new scanner starts from the flags shown, so they stay up until its own findings arrive.
  const newScanner = () =>
    createIncrementalScanner(
      checker.finder({ minSeverity: deps.minSeverity, documentKind: kindInForce() }),
      undefined,
      { text, findings: current },
    );
  let scanner: IncrementalScanner = newScanner();
  checker.onArrival(() => {
    if (scanner.lastPending > 0) update(true);
  }, alive.signal);
  const sources = new WeakMap<Finding, string>();
  let visible = true;
  let pending = false;
  const ignored = deps.ignored;
  let mirror: ControlMirror | undefined;
  const measure = (ranges: readonly { start: number; end: number }[]) => {
    if (adapter.kind !== 'control') return [];
    mirror ??= new ControlMirror(adapter.field, deps.layer().mirrors);
    return mirror.measure(text, ranges);
  };

  // Read from the page's own colours once, when the field first has flags to draw (a page that
  // applies its theme after load has done so by then).
  let dark: boolean | undefined;
  const onDarkPage = () => {
    if (dark === undefined && current.length) dark = isDarkBehind(adapter.field);
    return dark ?? false;
  };
  let overlayQueued = false;
  let destroyed = false;
  const drawOverlay = () => {
    overlayQueued = false;
    if (destroyed || !visible || adapter.kind !== 'control') return;
    const began = performance.now();
    const rebuiltBefore = mirror?.rebuilt ?? 0;
    const boxes = current.length ? measure(current) : [];
    deps.overlay().paint(
      adapter.field,
      current.map((f, k) => ({ severity: f.severity, boxes: boxes[k] ?? [] })),
      onDarkPage(),
    );
    counted({ lines: (mirror?.rebuilt ?? 0) - rebuiltBefore });
    drawn();
    spent(began);
    if (scanner.lastPending === 0) settled();
  };

  /** What the flags were last drawn for. */
  const drawnFor: { text: string | undefined; flags: readonly Finding[] } = {
    text: undefined,
    flags: [],
  };
  const draw = () => {
    if (!visible) {
      clear();
      return;
    }
    if (adapter.kind === 'editable') {
      const began = performance.now();
      const ranges = [];
      for (const f of current) {
        const range = adapter.range(f.start, f.end);
        if (range) ranges.push({ range, severity: f.severity });
      }
      deps.highlights?.paint(session, ranges, onDarkPage());
      drawn();
      spent(began);
      if (scanner.lastPending === 0) settled();
    } else if (!overlayQueued) {
      const win = adapter.field.ownerDocument.defaultView;
      overlayQueued = true;
      if (win) inNextFrame(win, drawOverlay);
      else drawOverlay();
    }
  };

  const clear = () => {
    if (adapter.kind === 'editable') deps.highlights?.clear(session);
    else deps.overlay().clear(adapter.field);
  };

  /** `arrived`: run because findings arrived, so the field itself has not changed. */
  const update = (arrived = false) => {
    const began = performance.now();
    pending = false;
    text = adapter.read();
    if (kinds.observe(text)) scanner = newScanner();
    const found = scanner.scan(text);
    // Keys are built only when something was ignored: this runs on every keystroke.
    current = ignored.size ? found.filter((f) => !ignored.has(ignoreKey(text, f))) : found;
    for (const f of current) sources.set(f, text);
    deps.remember?.(text, current);
    // The scan's time; drawing counts its own.
    spent(began);
    // Findings arriving for a paragraph often say what its flags already showed (typing a letter
    // seldom changes them): the same flags on the same text are not drawn again. Only then: a
    // rich editor may rewrite its nodes without changing its text, and the flags must follow.
    if (arrived && visible && text === drawnFor.text && sameFlags(current, drawnFor.flags)) {
      if (scanner.lastPending === 0) settled();
    } else {
      drawnFor.text = text;
      drawnFor.flags = current;
      draw();
    }
    counted({ scans: 1, paragraphs: scanner.lastRescanned });
    deps.onFindings(session);
    if (kindChanged && scanner.lastPending === 0) {
      kindChanged = false;
      deps.onKindChange?.(session);
    }
  };

  const session: FieldSession = {
    adapter,
    findings: () => current,
    sourceOf: (finding) => sources.get(finding),
    schedule() {
      if (pending) return;
      pending = true;
      // One scan per task however many input events arrive in it; typing never waits for us.
      queueMicrotask(update);
    },
    update,
    place() {
      if (adapter.kind === 'control' && visible) deps.overlay().place(adapter.field);
    },
    placeIfMoved() {
      if (adapter.kind === 'control' && visible && current.length) {
        deps.overlay().placeIfMoved(adapter.field);
      }
    },
    rectOf(finding) {
      if (adapter.kind === 'editable')
        return adapter.range(finding.start, finding.end)?.getBoundingClientRect();
      const [box] = measure([finding])[0] ?? [];
      // Through the field's own transform and zoom, as its marks are drawn.
      return box && controlBoxOnViewport(adapter.field, box);
    },
    ignoreHere(finding) {
      ignored.add(ignoreKey(text, finding));
      update();
    },
    documentKind: () => ({ kind: kindInForce(), chosen: kinds.chosen !== undefined }),
    chooseDocumentKind(kind) {
      // Re-read first, so the choice applies to the text as it is now.
      text = adapter.read();
      kinds.observe(text);
      kinds.choose(kind);
      kindChanged = true;
      scanner = newScanner();
      update();
    },
    get waiting() {
      return scanner.lastPending > 0;
    },
    setVisible(next) {
      if (next === visible) return;
      visible = next;
      drawnFor.text = undefined;
      draw();
    },
    destroy() {
      destroyed = true;
      alive.abort();
      kinds.destroy();
      mirror?.destroy();
      clear();
      current = [];
      deps.onFindings(session);
    },
  };
  return session;
}
