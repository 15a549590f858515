/* The page-world side: this runs beside the page's own scripts, where editor instances live. */
import {
  BRIDGE_PREPARE,
  BRIDGE_REPLACE,
  BRIDGE_REPLACED,
  type ReplaceRequest,
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
  dom: { encode(text: string): string };
}
interface Quill {
  history?: { cutoff(): void };
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
  let tiny: TinyGlobal | undefined;
  try {
    tiny = win?.tinymce ?? (win?.parent as PageWindow | undefined)?.tinymce;
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

function currentRange(el: HTMLElement): Range | undefined {
  const doc = el instanceof HTMLIFrameElement ? el.contentDocument : el.ownerDocument;
  const selection = doc?.getSelection();
  return selection && selection.rangeCount > 0 ? selection.getRangeAt(0) : undefined;
}

/** Replaces the selected text through the editor's own API, as one undoable step. */
function replace(el: HTMLElement, text: string): boolean {
  const range = currentRange(el);
  if (!range) return false;
  const ck = ckeditorFor(el);
  if (ck) {
    const modelRange = ck.editing.mapper.toModelRange(
      ck.editing.view.domConverter.domRangeToView(range),
    );
    ck.model.change((writer) => {
      const attributes =
        modelRange.start.textNode?.getAttributes() ?? modelRange.start.nodeAfter?.getAttributes?.();
      const selection = writer.createSelection(modelRange);
      ck.model.insertContent(writer.createText(text, attributes), selection);
      writer.setSelection(selection.getLastPosition());
    });
    return true;
  }
  const tiny = tinymceFor(el);
  if (tiny) {
    tiny.undoManager.transact(() => {
      tiny.selection.setRng(range);
      tiny.insertContent(tiny.dom.encode(text));
    });
    return true;
  }
  return false;
}

export function listenForReplaceRequests(doc: Document): void {
  doc.addEventListener(
    BRIDGE_PREPARE,
    (event) => {
      if (event.target instanceof HTMLElement) quillFor(event.target)?.history?.cutoff();
    },
    true,
  );
  doc.addEventListener(
    BRIDGE_REPLACE,
    (event) => {
      const target = event.target;
      if (!(target instanceof HTMLElement) || !(event instanceof CustomEvent)) return;
      let request: ReplaceRequest;
      try {
        request = JSON.parse(String(event.detail)) as ReplaceRequest;
      } catch {
        return;
      }
      if (typeof request.text === 'string' && replace(target, request.text)) {
        target.dispatchEvent(new CustomEvent(BRIDGE_REPLACED));
      }
    },
    true,
  );
}
