// A guard against freezing: a ~200 KB letter in a textarea stays responsive while the content
// script checks it, and its flags are drawn and kept up to date.
import type { Page } from 'playwright-core';
import { useBrowserSession } from './browser-session.ts';
import { describe, expect, it } from 'vitest';
import { clips, markBoxes, resetSettings, type Rect } from './content-helpers.ts';
import { modelText, openFixture } from './editor-scenario.ts';

const env = useBrowserSession(resetSettings);

const FIELD = '[data-testid="field"]';
/** Thirty characters, no loaded phrasing. */
const INSERT = 'Reviewed again in clinic today';

interface Probe {
  inputs: number[];
  longTasks: { start: number; duration: number }[];
}
type ProbeWindow = Window & { probe: Probe };

/** Start recording input events and long tasks from now on. */
const startProbe = (page: Page) =>
  page.evaluate((selector) => {
    const probe: Probe = { inputs: [], longTasks: [] };
    (window as unknown as ProbeWindow).probe = probe;
    const field = document.querySelector(selector)!;
    // Capturing on the window: recorded before any listener on the field itself runs.
    window.addEventListener(
      'input',
      (event) => {
        if (event.target === field) probe.inputs.push(performance.now());
      },
      true,
    );
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries())
        probe.longTasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask' });
  }, FIELD);

const readProbe = (page: Page) => page.evaluate(() => (window as unknown as ProbeWindow).probe);

/** When flags were last drawn (the content script's "alongside-drawn" performance mark). */
const lastDrawn = (page: Page) =>
  page.evaluate(() => performance.getEntriesByName('alongside-drawn').at(-1)?.startTime ?? -1);

describe('a 200 KB letter in a textarea, in Chromium with the extension', () => {
  it('stays responsive while typing and keeps its flags up to date', async () => {
    const page = await env.ext.context.newPage();
    try {
      await openFixture(page, `${env.server.url}/large-note.html`);
      const original = await modelText(page);
      expect(original.length).toBeGreaterThan(190_000);

      // The initial check of the whole letter draws a flag for each loaded phrase.
      await expect
        .poll(async () => (await markBoxes(page)).length, { timeout: 15_000 })
        .toBeGreaterThan(100);
      await page.waitForTimeout(500);
      const initial = (await markBoxes(page)).length;

      // Caret in the middle of the letter, at the start of a paragraph.
      const at = original.indexOf('\n\n', original.length / 2) + 2;
      await page.locator(FIELD).evaluate((el, at) => {
        const field = el as HTMLTextAreaElement;
        field.focus();
        field.setSelectionRange(at, at);
      }, at);
      await startProbe(page);
      // One key at a time, giving up after 20 s so a frozen page fails rather than times out.
      const started = Date.now();
      let typed = 0;
      while (typed < INSERT.length && Date.now() - started < 20_000) {
        await page.keyboard.type(INSERT[typed++]!);
      }
      const probe = await readProbe(page);
      const gaps = probe.inputs.slice(1).map((t, k) => t - probe.inputs[k]!);
      const longest = (tasks: Probe['longTasks']) =>
        tasks.filter((t) => t.duration > 200).map((t) => Math.round(t.duration));
      // Generous bounds: a freeze, not a slow machine, should fail these.
      expect(longest(probe.longTasks), 'long tasks (ms) while typing').toEqual([]);
      expect(Math.max(...gaps), 'longest gap between input events (ms)').toBeLessThan(1_000);
      expect(typed).toBe(INSERT.length);
      expect(probe.inputs).toHaveLength(INSERT.length);
      await expect
        .poll(() => modelText(page))
        .toBe(original.slice(0, at) + INSERT + original.slice(at));
      await expect.poll(() => lastDrawn(page)).toBeGreaterThanOrEqual(probe.inputs.at(-1)!);
      expect((await markBoxes(page)).length).toBe(initial);

      // Typing a loaded phrase at the end adds one flag, drawn in view at the bottom of the field.
      await page.keyboard.press('Control+End');
      await page.keyboard.type(' He claims');
      await expect.poll(async () => (await markBoxes(page)).length).toBe(initial + 1);
      const [{ clip, marks }] = (await clips(page)) as [{ clip: Rect; marks: Rect[] }];
      const visible = marks.filter((m) => m.top >= clip.top && m.bottom <= clip.bottom);
      expect(visible.length).toBeGreaterThanOrEqual(1);
      const last = marks.reduce((a, b) => (b.top > a.top ? b : a));
      expect(visible).toContainEqual(last);
      const after = await readProbe(page);
      expect(longest(after.longTasks), 'long tasks (ms) at the end').toEqual([]);
    } finally {
      await page.close();
    }
  }, 60_000);
});
