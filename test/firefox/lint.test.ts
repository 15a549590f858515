// `web-ext lint` (Mozilla's addons-linter, as addons.mozilla.org runs it) on the built Firefox
// extension: no errors, and no warning but the two the README explains.
import { execFile } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { FIREFOX_EXTENSION_DIR } from '../../scripts/firefox.ts';

interface LintMessage {
  code: string;
  message: string;
  description?: string;
  file?: string;
  line?: number;
  column?: number;
}
interface LintReport {
  errors: LintMessage[];
  warnings: LintMessage[];
  notices: LintMessage[];
}

async function lint(dir: string): Promise<LintReport> {
  if (!existsSync(join(dir, 'manifest.json'))) {
    throw new Error(`No built Firefox extension in ${dir}: run "npm run build" first.`);
  }
  const bin = join('node_modules', '.bin', 'web-ext');
  // Exit code 1 means "errors found": the report is still on stdout.
  const { stdout } = await promisify(execFile)(
    bin,
    ['lint', '--source-dir', dir, '--output', 'json', '--no-config-discovery'],
    { maxBuffer: 64 * 1024 * 1024 },
  ).catch((error: { stdout?: string }) => {
    if (error.stdout) return { stdout: error.stdout };
    throw error;
  });
  return JSON.parse(stdout) as LintReport;
}

const describeMessage = (m: LintMessage) =>
  `${m.file ?? ''}${m.line ? `:${m.line}:${m.column ?? 0}` : ''} ${m.code}: ${m.message}${m.description ? ` (${m.description})` : ''}`;

/**
 * Preact's own code for `dangerouslySetInnerHTML`, which the linter cannot tell from ours: it is
 * the only innerHTML assignment in the build, and no code of ours passes that prop.
 */
function isPreactsInnerHtml(m: LintMessage): boolean {
  if (m.code !== 'UNSAFE_VAR_ASSIGNMENT' || !m.file || !m.line) return false;
  const line = readFileSync(join(FIREFOX_EXTENSION_DIR, m.file), 'utf8').split('\n')[m.line - 1];
  const around = line?.slice(Math.max(0, (m.column ?? 0) - 300), (m.column ?? 0) + 100) ?? '';
  return around.includes('"dangerouslySetInnerHTML"') && around.includes('.innerHTML=');
}

/** Firefox for Android 140 and 141 do not know this key and ignore it; Alongside is for desktop. */
const isAndroidDataCollectionKey = (m: LintMessage) =>
  m.code === 'KEY_FIREFOX_ANDROID_UNSUPPORTED_BY_MIN_VERSION' &&
  (m.description ?? '').includes('data_collection_permissions');

describe('web-ext lint on the Firefox build', () => {
  it('finds no error, and no warning but Preact’s innerHTML and the Android key', async () => {
    const report = await lint(FIREFOX_EXTENSION_DIR);
    expect(report.errors.map(describeMessage)).toEqual([]);
    const unexplained = report.warnings.filter(
      (m) => !isPreactsInnerHtml(m) && !isAndroidDataCollectionKey(m),
    );
    expect(unexplained.map(describeMessage)).toEqual([]);
    expect(report.notices.map(describeMessage)).toEqual([]);
  }, 60_000);

  it('has no code of ours that sets innerHTML through Preact', () => {
    const ours = ['components', 'extension', 'entrypoints'].flatMap((dir) =>
      readdirSync(dir, { recursive: true, encoding: 'utf8' })
        .filter((file) => /\.tsx?$/.test(file) && !/\.test\.tsx?$/.test(file))
        .map((file) => join(dir, file)),
    );
    expect(ours.length).toBeGreaterThan(0);
    expect(
      ours.filter((file) => readFileSync(file, 'utf8').includes('dangerouslySetInnerHTML')),
    ).toEqual([]);
  });
});
