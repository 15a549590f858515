import { fieldOf, isCheckableField, type CheckableField } from './is-checkable-field.ts';

const CANDIDATES = 'textarea, input, [contenteditable]:not([contenteditable="false"])';

/**
 * Calls `onField` once for every checkable field in the document, now and later: fields present
 * at start, fields a single-page app adds (a MutationObserver, also inside open shadow roots),
 * and any field the clinician focuses (focusin, which also reaches fields we could not see).
 */
export function watchEditableFields(
  doc: Document,
  onField: (field: CheckableField) => void,
  signal: AbortSignal,
  onGone: (field: CheckableField) => void = () => {},
): void {
  const seen = new WeakSet<Element>();
  /** The fields offered and not yet let go, to notice when the page removes one. */
  const live = new Set<CheckableField>();
  const letGo = (field: CheckableField) => {
    seen.delete(field);
    live.delete(field);
    onGone(field);
  };
  const observed = new WeakSet<Node>();

  const offer = (el: Element) => {
    if (seen.has(el) || !isCheckableField(el)) return;
    seen.add(el);
    live.add(el);
    onField(el);
  };

  const scan = (root: ParentNode) => {
    if (root instanceof Element) {
      if (root.matches(CANDIDATES)) offer(root);
      if (root.shadowRoot) observe(root.shadowRoot);
    }
    for (const el of root.querySelectorAll(CANDIDATES)) offer(el);
    // Open shadow roots hide their fields from querySelectorAll: walk into each one.
    for (const el of root.querySelectorAll('*')) if (el.shadowRoot) observe(el.shadowRoot);
  };

  const observer = new MutationObserver((records) => {
    // A field the page took out is let go (and offered again if it is put back).
    if (records.some((r) => r.removedNodes.length > 0)) {
      for (const field of live) if (!field.isConnected) letGo(field);
    }
    for (const record of records) {
      if (record.type === 'attributes') {
        const target = record.target;
        if (!(target instanceof Element)) continue;
        // A field made read-only, disabled or not editable is let go, with its flags.
        if (seen.has(target) && !isCheckableField(target)) letGo(target as CheckableField);
        scan(target);
        continue;
      }
      for (const node of record.addedNodes) if (node instanceof Element) scan(node);
    }
  });

  function observe(root: Document | ShadowRoot) {
    if (observed.has(root)) return;
    observed.add(root);
    observer.observe(root, {
      childList: true,
      subtree: true,
      attributes: true,
      attributeFilter: ['contenteditable', 'disabled', 'readonly', 'type'],
    });
    scan(root);
  }

  observe(doc);
  doc.addEventListener(
    'focusin',
    (event) => {
      const target = event.composedPath()[0];
      const field = fieldOf(target ?? null);
      if (field) offer(field);
      if (target instanceof Element && target.getRootNode() instanceof ShadowRoot) {
        observe(target.getRootNode() as ShadowRoot);
      }
    },
    { capture: true, signal },
  );
  signal.addEventListener('abort', () => observer.disconnect());
}
