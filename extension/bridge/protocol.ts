/**
 * Events between the content script (isolated world) and the page-world bridge. Details are JSON
 * strings, the one kind of value that crosses between the two worlds intact.
 */
export const BRIDGE_REPLACE = 'alongside:replace';
export const BRIDGE_REPLACED = 'alongside:replaced';
/** Before a generic edit: editors that merge quick changes into one undo step (Quill) are told to close the step. */
export const BRIDGE_PREPARE = 'alongside:prepare-edit';
/**
 * After a generic edit: the same editors are told to close the step once they have taken the
 * edit in, so what the clinician types next (over a {gap}, say) is undone on its own.
 */
export const BRIDGE_EDITED = 'alongside:edited';

export interface ReplaceRequest {
  text: string;
}
