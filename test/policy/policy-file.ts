import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { EXTENSION_ID } from '../e2e/launch-extension.ts';

/** Debian's Chromium reads every JSON file here at start; the tests write and remove this one. */
export const POLICY_FILE = '/etc/chromium/policies/managed/alongside-test.json';

/** Writes the extension's policy, or fails with one line saying why and how to run the tests. */
export function writePolicy(policy: Record<string, unknown>): void {
  try {
    mkdirSync(dirname(POLICY_FILE), { recursive: true });
    writeFileSync(
      POLICY_FILE,
      JSON.stringify({ '3rdparty': { extensions: { [EXTENSION_ID]: policy } } }),
    );
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new Error(
      `cannot write ${POLICY_FILE} (${code}): the policy tests set a real Chromium policy and need root; run them as root (sudo npm run test:policy)`,
    );
  }
}

export const removePolicy = () => rmSync(POLICY_FILE, { force: true });

/** The service's own social prescribing link worker, in place of the built-in kit's gap. */
export const LINK_WORKER =
  'Sam Okoro, our social prescribing link worker: 01632 960123, Monday to Thursday.';

/**
 * A service lexicon with one entry of the service's own and its own link worker in the prompt
 * kit (one built-in prompt switched off), as a policy gives it (`policy`: a plain
 * alternative and a source key as objects, which Chromium's schema needs) or as a file does.
 */
export function serviceLexicon(version: string, form: 'policy' | 'file' = 'policy') {
  const plain = (key: 'text' | 'key', value: string) =>
    form === 'policy' ? { [key]: value } : value;
  return {
    name: 'Riverside Pain Service',
    version,
    entries: [
      { id: 'claims', severity: 'info' },
      {
        id: 'riverside-failed-programme',
        category: 'giving-up',
        severity: 'warn',
        phrases: ['failed the programme'],
        message: 'May read as the person failing, rather than the programme not fitting.',
        why: 'Saying a person "failed" a programme puts the whole outcome on them; what got in the way is usually part of the story.',
        sources: [plain('key', 'aomrc-please-write-2018')],
        alternatives: [plain('text', 'did not find the programme a fit for now')],
        examples: {
          flag: [
            {
              text: 'She failed the programme.',
              corrections: ['She did not find the programme a fit for now.'],
            },
          ],
          pass: ['She finished the programme.'],
        },
      },
    ],
    prompts: {
      items: [{ id: 'local-link-worker', text: LINK_WORKER }],
      disable: ['local-practical-help'],
    },
  };
}
