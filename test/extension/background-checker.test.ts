import { describe, expect, it } from 'vitest';
import { compile, type Finding } from '../../core/index.ts';
import { createBackgroundChecker } from '../../extension/content/background-checker.ts';
import type { FindReply, FindRequest } from '../../extension/messages.ts';
import { entry, lexicon } from '../fixtures/mini-lexicon.ts';

const m = compile([lexicon([entry({ id: 'claims', phrases: ['claims'] })])]);
const OPTIONS = { minSeverity: 'info', documentKind: 'unsure' } as const;
const tick = () => new Promise((done) => setTimeout(done, 0));

/** A background that answers when told to, or fails; it records every request. */
function fakeBackground() {
  const requests: FindRequest[] = [];
  const waiting: { request: FindRequest; answer: (reply: FindReply | undefined) => void }[] = [];
  return {
    requests,
    send: (request: FindRequest) => {
      requests.push(request);
      return new Promise<FindReply | undefined>((answer) => waiting.push({ request, answer }));
    },
    answerAll() {
      for (const { request, answer } of waiting.splice(0)) {
        answer({ findings: request.paragraphs.map((p) => m.findInParagraph(p, 0, p.length)) });
      }
    },
    failAll() {
      for (const { answer } of waiting.splice(0)) answer(undefined);
    },
  };
}

function setUp() {
  const background = fakeBackground();
  const timers: { run: () => void; ms: number }[] = [];
  const run = new AbortController();
  const checker = createBackgroundChecker({
    locale: 'en-GB',
    allow: ['claims department'],
    send: background.send,
    signal: run.signal,
    setTimeout: (fn, ms) => timers.push({ run: fn, ms }),
  });
  return { background, timers, run, checker };
}

describe('checking in the background, from a frame', () => {
  it('asks once per task for every paragraph not known, and hands each answer to the scan', async () => {
    const { background, checker } = setUp();
    const find = checker.finder(OPTIONS);
    let arrivals = 0;
    const seen: (readonly Finding[] | undefined)[] = [];
    checker.onArrival(() => {
      arrivals++;
      seen.push(find('She claims it hurts.'), find('Fine.'));
    }, new AbortController().signal);
    expect(find('She claims it hurts.')).toBeUndefined();
    expect(find('Fine.')).toBeUndefined();
    // Asked again in the same task: not sent twice.
    expect(find('Fine.')).toBeUndefined();
    await tick();
    expect(background.requests).toEqual([
      {
        locale: 'en-GB',
        allow: ['claims department'],
        minSeverity: 'info',
        documentKind: 'unsure',
        paragraphs: ['She claims it hurts.', 'Fine.'],
      },
    ]);
    // Asked while the answer is on its way: not sent again either.
    expect(find('Fine.')).toBeUndefined();
    await tick();
    expect(background.requests).toHaveLength(1);
    background.answerAll();
    await tick();
    expect(arrivals).toBe(1);
    expect(seen.map((f) => f?.map((x) => x.entryId))).toEqual([['claims'], []]);
    // Read once: an answer no scan took is not kept, and a later scan asks again.
    expect(find('Fine.')).toBeUndefined();
    await tick();
    expect(background.requests).toHaveLength(2);
  });

  it('sends different options in different requests', async () => {
    const { background, checker } = setUp();
    checker.finder(OPTIONS)('She claims.');
    checker.finder({ minSeverity: 'warn', documentKind: 'letter-to-gp' })('She claims.');
    await tick();
    expect(background.requests.map((r) => [r.minSeverity, r.documentKind])).toEqual([
      ['info', 'unsure'],
      ['warn', 'letter-to-gp'],
    ]);
  });

  it('tries again later, waiting longer each time, when the background does not answer', async () => {
    const { background, timers, checker } = setUp();
    const find = checker.finder(OPTIONS);
    let arrivals = 0;
    checker.onArrival(() => {
      arrivals++;
      find('She claims.');
    }, new AbortController().signal);
    find('She claims.');
    for (let attempt = 0; attempt < 3; attempt++) {
      await tick();
      background.failAll();
      await tick();
      expect(arrivals).toBe(attempt);
      timers.shift()!.run();
      expect(arrivals).toBe(attempt + 1);
    }
    await tick();
    expect(background.requests).toHaveLength(4);
    background.failAll();
    await tick();
    expect(timers.map((t) => t.ms)).toEqual([2_000]);
    expect(background.requests.length).toBe(4);
  });

  it('drops answers that arrive after the run of checks ended', async () => {
    const { background, run, checker } = setUp();
    let arrivals = 0;
    checker.onArrival(() => arrivals++, new AbortController().signal);
    checker.finder(OPTIONS)('She claims.');
    await tick();
    run.abort();
    background.answerAll();
    await tick();
    expect(arrivals).toBe(0);
  });
});
