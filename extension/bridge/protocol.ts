/**
 * Events between the content script (isolated world) and the page-world bridge. Details are JSON
 * strings, the one kind of value that crosses between the two worlds intact.
 */
export const BRIDGE_REPLACE = 'alongside:replace';
export const BRIDGE_REPLACED = 'alongside:replaced';

export interface ReplaceRequest {
  text: string;
}
