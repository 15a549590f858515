/* The page-world side: this runs beside the page's own scripts, where editor instances live. */
import {
  BRIDGE_EDITED,
  BRIDGE_PREPARE,
  BRIDGE_REPLACE,
  BRIDGE_REPLACED,
  BRIDGE_VERSION,
  readRequest,
  sameWords,
  type ReplaceAnswer,
  type ReplaceOutcome,
} from './protocol.ts';

interface CkEditor {
  model: {
    change<T>(fn: (writer: CkWriter) => T): T;
    insertContent(content: unknown, selectable: unknown): unknown;
  };
  editing: {
    view: { domConverter: { domRangeToView(range: Range): unknown } };
    mapper: { toModelRange(viewRange: unknown): CkRange };
  };
}
interface CkRange {
  getItems(): Iterable<{ is(type: string, name?: string): boolean; data?: string }>;
  start: {
    textNode?: { getAttributes(): Iterable<[string, unknown]> } | null;
    nodeAfter?: { getAttributes?(): Iterable<[string, unknown]> } | null;
  };
}
interface CkWriter {
  createText(text: string, attributes?: Iterable<[string, unknown]>): unknown;
  createSelection(range: CkRange): { getLastPosition(): unknown };
  setSelection(selectable: unknown): void;
}
interface TinyEditor {
  getBody(): HTMLElement;
  iframeElement?: HTMLIFrameElement | null;
  selection: { setRng(range: Range): void };
  undoManager: { transact(fn: () => void): void };
  insertContent(html: string): void;
  dom: { isBlock(node: Node): boolean };
}
interface Quill {
  history?: { cutoff(): void };
}
/** TipTap puts its editor on the editable; under it is a ProseMirror view. */
interface TipTap {
  state: { tr: { setMeta(key: string, value: unknown): unknown } };
  view: { dispatch(tr: unknown): void };
}
interface TinyGlobal {
  get(): TinyEditor[];
}

type PageWindow = Window & { tinymce?: TinyGlobal };

function ckeditorFor(el: HTMLElement): CkEditor | undefined {
  return (el as HTMLElement & { ckeditorInstance?: CkEditor }).ckeditorInstance;
}

function tinymceFor(el: HTMLElement): TinyEditor | undefined {
  // In iframe mode the request arrives on the iframe element, in the page that made the editor.
  const win = el.ownerDocument.defaultView as PageWindow | null;
  // In the editor's own frame `window.tinymce` is its <body id="tinymce"> (named access), not
  // TinyMCE: only an object with `get` is the real one.
  const tinyOf = (w: Window | null | undefined): TinyGlobal | undefined => {
    const found = (w as PageWindow | null | undefined)?.tinymce as unknown;
    return typeof (found as TinyGlobal | undefined)?.get === 'function'
      ? (found as TinyGlobal)
      : undefined;
  };
  let tiny: TinyGlobal | undefined;
  try {
    tiny = tinyOf(win) ?? tinyOf(win?.parent);
  } catch {
    return undefined;
  }
  return tiny?.get().find((editor) => editor.getBody() === el || editor.iframeElement === el);
}

/**
 * Quill keeps its instances private; where the page loads Quill as a script, its global finds
 * one from the container (the editable's parent). Bundled Quill stays out of reach.
 */
function quillFor(el: HTMLElement): Quill | undefined {
  const win = el.ownerDocument.defaultView as
    (Window & { Quill?: { find(node: Node): unknown } }) | null;
  const found = el.parentElement ? win?.Quill?.find(el.parentElement) : undefined;
  return found && typeof found === 'object' && 'history' in found ? (found as Quill) : undefined;
}

function tiptapFor(el: HTMLElement): TipTap | undefined {
  const editor = (el as HTMLElement & { editor?: Partial<TipTap> }).editor;
  return editor && typeof editor.view?.dispatch === 'function' && editor.state?.tr
    ? (editor as TipTap)
    : undefined;
}

/**
 * Closes the editor's current undo step, so the next change starts one of its own. ProseMirror's
 * history joins changes made within half a second next to each other (typing over a gap just
 * inserted), Quill's those within a second. ProseMirror's `closeHistory(tr)` sets a meta flag
 * keyed by its plugin key, whose name is "closeHistory$": the page's own copy of the module is
 * out of reach, its key's name is not (a page with a second key of that name would ignore it).
 */
function closeUndoStep(el: HTMLElement): void {
  quillFor(el)?.history?.cutoff();
  const tiptap = tiptapFor(el);
  if (tiptap) tiptap.view.dispatch(tiptap.state.tr.setMeta('closeHistory$', true));
}

function currentRange(el: HTMLElement): Range | undefined {
  const doc = el instanceof HTMLIFrameElement ? el.contentDocument : el.ownerDocument;
  const selection = doc?.getSelection();
  return selection && selection.rangeCount > 0 ? selection.getRangeAt(0) : undefined;
}

/** The text of a CKEditor 5 model range: what its model would replace. */
function ckTextOf(range: CkRange): string {
  let text = '';
  for (const item of range.getItems()) {
    if (item.is('$textProxy')) text += item.data ?? '';
    else if (item.is('element', 'softBreak')) text += '\n';
  }
  return text;
}

/**
 * Replaces the selected text through the editor's own API, as one undoable step, if the editor
 * holds `expected` there now (its model, for CKEditor 5; its DOM, which is TinyMCE's model).
 * Undefined when no editor the bridge knows is there. An editor that throws (a bug, or a page
 * that patched it) has written nothing: CKEditor 5 makes no change until insertContent runs, and
 * TinyMCE's transaction is the insertContent call.
 */
function replace(el: HTMLElement, expected: string, text: string): ReplaceOutcome | undefined {
  const ck = ckeditorFor(el);
  const tiny = ck ? undefined : tinymceFor(el);
  if (!ck && !tiny) return undefined;
  const range = currentRange(el);
  if (!range) return 'refused';
  try {
    if (ck) {
      const modelRange = ck.editing.mapper.toModelRange(
        ck.editing.view.domConverter.domRangeToView(range),
      );
      if (!sameWords(ckTextOf(modelRange), expected)) return 'refused';
      ck.model.change((writer) => {
        const attributes =
          modelRange.start.textNode?.getAttributes() ??
          modelRange.start.nodeAfter?.getAttributes?.();
        const selection = writer.createSelection(modelRange);
        ck.model.insertContent(writer.createText(text, attributes), selection);
        writer.setSelection(selection.getLastPosition());
      });
      return 'replaced';
    }
    if (!sameWords(range.toString(), expected)) return 'refused';
    const html = formattedLikeStart(range, tiny!, text);
    tiny!.undoManager.transact(() => {
      tiny!.selection.setRng(range);
      tiny!.insertContent(html);
    });
    return 'replaced';
  } catch {
    return 'failed';
  }
}

/** The text node holding the range's first character (its start may sit at the end of a node). */
function firstTextOf(range: Range): Text | undefined {
  const start = range.startContainer;
  if (start.nodeType === Node.TEXT_NODE && range.startOffset < (start as Text).data.length) {
    return start as Text;
  }
  const root = range.commonAncestorContainer;
  const walker = (root.ownerDocument ?? (root as Document)).createTreeWalker(
    root,
    NodeFilter.SHOW_TEXT,
  );
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node as Text;
    if (range.comparePoint(text, 0) > 0) return undefined;
    if (text === start || !range.intersectsNode(text) || text.data.length === 0) continue;
    return text;
  }
  return undefined;
}

/**
 * TinyMCE writes new text with the formatting where its caret lands once the selection is gone,
 * which is outside a bold word the selection started in. The text takes the formatting of the
 * replaced words' first character instead: copies of the inline elements around it (bold, a
 * link, a styled span), innermost last, the text inside them, as HTML for insertContent.
 */
function formattedLikeStart(range: Range, tiny: TinyEditor, text: string): string {
  const doc = range.startContainer.ownerDocument!;
  let node: Node = doc.createTextNode(text);
  const body = tiny.getBody();
  for (let el = firstTextOf(range)?.parentElement; el && el !== body; el = el.parentElement) {
    if (tiny.dom.isBlock(el)) break;
    const copy = el.cloneNode(false) as Element;
    copy.removeAttribute('id');
    copy.append(node);
    node = copy;
  }
  const holder = doc.createElement('div');
  holder.append(node);
  return holder.innerHTML;
}

export function listenForReplaceRequests(doc: Document): void {
  doc.addEventListener(
    BRIDGE_PREPARE,
    (event) => {
      if (event.target instanceof HTMLElement) closeUndoStep(event.target);
    },
    true,
  );
  doc.addEventListener(
    BRIDGE_EDITED,
    (event) => {
      const target = event.target;
      if (!(target instanceof HTMLElement)) return;
      // The editor takes a DOM edit in when its mutation observer runs: close the step after.
      setTimeout(() => closeUndoStep(target), 0);
    },
    true,
  );
  doc.addEventListener(
    BRIDGE_REPLACE,
    (event) => {
      const target = event.target;
      if (!(target instanceof HTMLElement)) return;
      // Not `instanceof CustomEvent`: a request on TinyMCE's iframe comes from the content script
      // in that frame, made with the frame's CustomEvent, which is not this window's. (Firefox
      // runs no bridge inside TinyMCE's frame, so there this is the only route.)
      const request = readRequest((event as Partial<CustomEvent>).detail);
      if (!request) return;
      const outcome = replace(target, request.expected, request.text);
      if (!outcome) return;
      const answer: ReplaceAnswer = { v: BRIDGE_VERSION, id: request.id, outcome };
      target.dispatchEvent(new CustomEvent(BRIDGE_REPLACED, { detail: JSON.stringify(answer) }));
    },
    true,
  );
}
