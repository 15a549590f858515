import type { Severity } from '@/core/engine';

/** Plain words for severity: we suggest, we never scold. */
export const SEVERITY_LABEL: Record<Severity, string> = {
  info: 'Worth a thought',
  suggest: 'Suggestion',
  warn: 'Worth changing',
};
