/**
 * The entry of the bundle for `alongside audit` and `alongside kit` (built by
 * scripts/build-cli.mjs into dist/audit.cjs): the commands that write pages with Preact, which
 * the main bundle requires only when one of them runs (cli/audit-load.ts).
 */
import type { AuditCommand, KitCommand } from '../cli/args.ts';
import { audit, type AuditIo } from '../cli/audit.ts';
import { UsageError } from '../cli/errors.ts';
import { runKitCommand } from '../cli/kit.ts';

export interface AuditOutcome {
  exitCode: number;
  /** Lines for stderr, each without the "alongside: " the main bundle puts in front. */
  stderrLines: string[];
}

/**
 * Runs the audit and returns how it ended. A usage or input problem is returned as lines, not
 * thrown: the main bundle has its own UsageError class, which this bundle's errors are not.
 * Anything else thrown is a bug, and the main bundle reports it as one.
 */
export async function runAudit(command: AuditCommand, io: AuditIo): Promise<AuditOutcome> {
  try {
    return { exitCode: await audit(command, io), stderrLines: [] };
  } catch (error) {
    if (error instanceof UsageError)
      return { exitCode: error.exitCode, stderrLines: [...error.lines] };
    throw error;
  }
}

/** `alongside kit`: the page or Markdown for stdout, or a problem as lines, as `runAudit` gives. */
export async function runKit(
  command: KitCommand,
  version: string,
): Promise<AuditOutcome & { stdout: string }> {
  try {
    return { exitCode: 0, stdout: await runKitCommand(command, version), stderrLines: [] };
  } catch (error) {
    if (error instanceof UsageError)
      return { exitCode: error.exitCode, stdout: '', stderrLines: [...error.lines] };
    throw error;
  }
}

export interface AuditEntry {
  runAudit: typeof runAudit;
  runKit: typeof runKit;
}
