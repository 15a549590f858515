import { listenForReplaceRequests } from '@/extension/bridge/editor-routes';
import { BRIDGE_VERSION } from '@/extension/bridge/protocol';

/**
 * Runs in the page's own world, where CKEditor 5 and TinyMCE instances live, so a suggestion can
 * be applied through the editor's API as one undoable step. It reads nothing and sends nothing.
 * The page can reach it as easily as our content script can, so it only ever replaces the
 * selection when that holds the text the request expects, and answers in its own protocol
 * version (extension/bridge/protocol.ts); the content script checks the field after it answers.
 */
export default defineContentScript({
  matches: ['<all_urls>'],
  allFrames: true,
  matchAboutBlank: true,
  matchOriginAsFallback: true,
  runAt: 'document_start',
  world: 'MAIN',
  noScriptStartedPostMessage: true,
  main() {
    // After an update the new build puts this script into open pages again: one listener per
    // protocol version, or a request would be answered twice. (A page that sets the mark first
    // only keeps the bridge away: edits then take the ordinary route, still checked.)
    const mark = Symbol.for(`alongside.bridge.v${BRIDGE_VERSION}`);
    const holder = document as unknown as Record<symbol, boolean>;
    if (holder[mark]) return;
    Object.defineProperty(holder, mark, { value: true });
    listenForReplaceRequests(document);
  },
});
