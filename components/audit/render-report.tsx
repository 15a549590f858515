import { renderToString } from 'preact-render-to-string';
import { AuditReport } from './AuditReport';
import type { AuditReportData } from './report-data';

/**
 * The report as one self-contained HTML file. preact-render-to-string escapes every text and
 * attribute, so what a letter or a lexicon holds is shown, never run.
 */
export function renderAuditReport(data: AuditReportData): string {
  return `<!doctype html>\n${renderToString(<AuditReport data={data} />)}\n`;
}
