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
    void startAlongside(window, stop.signal);
  },
});
