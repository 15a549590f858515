import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { AuditEntry } from '../scripts/audit-entry.ts';
import type { AuditCommand, KitCommand } from './args.ts';
import { UsageError } from './errors.ts';

declare const __ALONGSIDE_BUILD__: string | undefined;

/** The audit's own bundle, beside the main one (scripts/build-cli.mjs writes both). */
const AUDIT_BUNDLE = 'audit.cjs';
/** The same entry, for a run from the sources (through tsx, where nothing is bundled). */
const AUDIT_SOURCE = '../scripts/audit-entry.ts';

/**
 * Loads `alongside audit` (and `alongside kit`) only when one runs: mammoth, html-to-text and
 * Preact live in that bundle, so a `check` never reads or parses them and starts as fast as before.
 */
async function loadAudit(): Promise<AuditEntry> {
  if (typeof __ALONGSIDE_BUILD__ !== 'string') {
    // A variable, so no bundler ever follows this import into the main bundle.
    const source: string = AUDIT_SOURCE;
    return (await import(source)) as AuditEntry;
  }
  const path = join(__dirname, AUDIT_BUNDLE);
  try {
    return createRequire(__filename)(path) as AuditEntry;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'MODULE_NOT_FOUND') throw error;
    throw new UsageError(
      `the audit part of alongside is missing (${path}); reinstall alongside, or run npm ci in its checkout`,
    );
  }
}

/**
 * Runs `alongside audit` from its bundle. Its problems come back as lines rather than thrown:
 * an error made in the other bundle is not an instance of this bundle's UsageError.
 */
export async function runAuditCommand(
  command: AuditCommand,
  warn: (line: string) => void,
): Promise<number> {
  const { runAudit } = await loadAudit();
  const { exitCode, stderrLines } = await runAudit(command, { warn });
  stderrLines.forEach(warn);
  return exitCode;
}

/** Runs `alongside kit` from the same bundle: its page is rendered with Preact too. */
export async function runKitFromBundle(
  command: KitCommand,
  version: string,
  warn: (line: string) => void,
): Promise<{ stdout: string; exitCode: number }> {
  const { runKit } = await loadAudit();
  const { exitCode, stdout, stderrLines } = await runKit(command, version);
  stderrLines.forEach(warn);
  return { stdout, exitCode };
}
