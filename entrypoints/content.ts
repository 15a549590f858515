import { startAlongside } from '@/extension/content/start-alongside';

/** Every frame of every page: fields in iframes (srcdoc and about:blank too) are checked in place. */
export default defineContentScript({
  matches: ['<all_urls>'],
  allFrames: true,
  matchAboutBlank: true,
  matchOriginAsFallback: true,
  runAt: 'document_idle',
  noScriptStartedPostMessage: true,
  main(ctx) {
    const stop = new AbortController();
    ctx.onInvalidated(() => stop.abort());
    // An update or removal leaves this script running without its extension: reading `isValid`
    // notices (a newer copy put into the page stops this one at once), so the flags and card of
    // a script that can no longer check are taken down within a second.
    ctx.setInterval(() => {}, 1000);
    // If the extension was updated or removed under the page, there is nothing to do but stop.
    startAlongside(window, stop.signal).catch((error: unknown) => {
      console.debug('Alongside did not start here:', error);
    });
  },
});
