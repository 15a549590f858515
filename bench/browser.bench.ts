/**
 * The content script in real Chromium: a clinician types into a 5,000-word note, and we print the
 * time from each input event to the flags being redrawn (median and p95), the content script's
 * heap use (the same page in Chromium without the extension beside it), and its gzipped size.
 * Usage: npm run bench:browser (builds first). Reports figures; asserts nothing.
 */
import { readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { chromium, type BrowserContext } from 'playwright-core';
import { BASE_ARGS, CHROMIUM } from '../scripts/chromium.ts';
import { launchExtension } from '../test/e2e/launch-extension.ts';
import { loadCorpus, longDocument } from './corpus.ts';
import { fmt, median, percentile } from './measure.ts';

const WORDS = 5_000;
const KEYSTROKES = 120;
const TARGET_P95_MS = 8;
const TARGET_HEAP_MB = 3;
const TARGET_GZIP_KB = 30;

const say = (line = '') => console.log(line);

function page(kind: 'textarea' | 'contenteditable', text: string): string {
  const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const field =
    kind === 'textarea'
      ? `<textarea id="field" style="width: 800px; height: 600px">${escaped}</textarea>`
      : `<div id="field" contenteditable="true" style="width: 800px; height: 600px; overflow: auto">${escaped
          .split('\n\n')
          .map((p) => `<p>${p}</p>`)
          .join('')}</div>`;
  return `<!doctype html><html lang="en-GB"><body>${field}</body></html>`;
}

/** The lexicon is served by the background, so the script's size is all code. */
function contentScriptGzipped(): number {
  return gzipSync(readFileSync('.output/chrome-mv3/content-scripts/content.js')).length;
}

async function main(): Promise<void> {
  const note = longDocument(loadCorpus(), WORDS);
  const pages = new Map<string, string>([
    ['/textarea', page('textarea', note)],
    ['/contenteditable', page('contenteditable', note)],
  ]);
  const server = createServer((req, res) => {
    const body = pages.get(req.url ?? '');
    res.writeHead(body ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' });
    res.end(body ?? 'not found');
  }).listen(0, '127.0.0.1');
  await new Promise((done) => server.once('listening', done));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const ext = await launchExtension();
  try {
    say('Alongside content script in Chromium');
    say(
      `   a ${WORDS.toLocaleString('en-GB')}-word note from the corpus, ${KEYSTROKES} keystrokes typed mid-note`,
    );
    say();
    const results: Record<string, { p50: number; p95: number }> = {};
    for (const kind of ['contenteditable', 'textarea'] as const) {
      const tab = await ext.context.newPage();
      await tab.goto(`${base}/${kind}`);
      await tab.waitForFunction(() => performance.getEntriesByName('alongside-drawn').length > 0);
      await tab.evaluate(() => {
        const w = window as Window & { latencies?: number[] };
        w.latencies = [];
        let pending: number | undefined;
        document.getElementById('field')!.addEventListener('input', (e) => (pending = e.timeStamp));
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) {
            if (pending !== undefined) w.latencies!.push(entry.startTime - pending);
            pending = undefined;
          }
        }).observe({ type: 'mark' });
      });
      // Put the caret in the middle of the note and type there, as an edit of a long letter.
      await tab.click('#field');
      await tab.evaluate(() => {
        const field = document.getElementById('field')!;
        if (field instanceof HTMLTextAreaElement) {
          const middle = Math.floor(field.value.length / 2);
          field.setSelectionRange(middle, middle);
        } else {
          const p = field.children[Math.floor(field.children.length / 2)]!;
          getSelection()!.collapse(p.firstChild!, 0);
        }
      });
      const typed = 'She claims it hurts. '.repeat(8).slice(0, KEYSTROKES);
      for (const ch of typed) {
        await tab.keyboard.type(ch);
        await tab.waitForTimeout(kind === 'textarea' ? 30 : 10);
      }
      await tab.waitForTimeout(400);
      const latencies = await tab.evaluate(
        () => (window as Window & { latencies?: number[] }).latencies ?? [],
      );
      results[kind] = { p50: median(latencies), p95: percentile(latencies, 95) };
      say(
        `   ${kind.padEnd(16)} input → flags redrawn: median ${fmt(results[kind]!.p50)} ms, p95 ${fmt(results[kind]!.p95)} ms (${latencies.length} redraws)`,
      );
      await tab.close();
    }

    // Heap: the content script shares the page's V8 heap, so compare the same page in Chromium
    // without the extension and with it, after a full garbage collection each time.
    const heapOf = async (context: BrowserContext, path: string) => {
      const tab = await context.newPage();
      await tab.goto(`${base}${path}`);
      await tab.waitForTimeout(1_500);
      const cdp = await context.newCDPSession(tab);
      await cdp.send('HeapProfiler.collectGarbage');
      const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
      await tab.close();
      return usedSize / 1e6;
    };
    const plain = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: BASE_ARGS,
    });
    const plainContext = await plain.newContext();
    const without = await heapOf(plainContext, '/contenteditable');
    await plain.close();
    const loaded = await heapOf(ext.context, '/contenteditable');
    say();
    say(
      `   JS heap of the page with the 5,000-word note: ${fmt(without)} MB without Alongside, ${fmt(loaded)} MB with it`,
    );

    const gzipped = contentScriptGzipped();
    say(
      `   content script: ${fmt(gzipped / 1024)} KB gzipped (the lexicon is served by the background)`,
    );
    say(
      `   (.output/chrome-mv3/content-scripts/content.js, ${fmt(statSync('.output/chrome-mv3/content-scripts/content.js').size / 1024)} KB raw)`,
    );
    say();
    say('Targets');
    const verdict = (pass: boolean, what: string, actual: string) =>
      say(`   ${pass ? 'PASS' : 'FAIL'}  ${what.padEnd(50)} ${actual}`);
    for (const [kind, r] of Object.entries(results)) {
      verdict(
        r.p95 < TARGET_P95_MS,
        `${kind}: p95 input → flags < ${TARGET_P95_MS} ms`,
        `${fmt(r.p95)} ms`,
      );
    }
    verdict(
      loaded - without < TARGET_HEAP_MB,
      `content script heap < ${TARGET_HEAP_MB} MB`,
      `${fmt(loaded - without)} MB`,
    );
    verdict(
      gzipped / 1024 < TARGET_GZIP_KB,
      `content script < ${TARGET_GZIP_KB} KB gzipped (no lexicon)`,
      `${fmt(gzipped / 1024)} KB`,
    );
  } finally {
    await ext.close();
    server.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
