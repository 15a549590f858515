import type { Preview } from '@/core/engine';

/**
 * "After applying: …" with the changed words inside <ins>, so the change reads without colour
 * (underlined) and is named for screen readers by the label in front of it.
 */
export function ReplacementPreview({
  preview,
  id,
  label,
}: {
  preview: Preview;
  id?: string;
  /** "After applying:", in the card's locale. */
  label: string;
}) {
  return (
    <p class="preview" id={id}>
      <span class="preview-label">{label}</span> {preview.before}
      <ins>{preview.changed}</ins>
      {preview.after}
    </p>
  );
}
