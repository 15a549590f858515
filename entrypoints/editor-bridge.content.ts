import { listenForReplaceRequests } from '@/extension/bridge/editor-routes';

/**
 * Runs in the page's own world, where CKEditor 5 and TinyMCE instances live, so a suggestion can
 * be applied through the editor's API as one undoable step. It reads nothing and sends nothing.
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
    listenForReplaceRequests(document);
  },
});
