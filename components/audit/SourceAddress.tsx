import { httpsUrl } from './safe-url';

/**
 * A source's address after its citation: a link only when it is https:// (anything else, such as
 * `javascript:`, is shown as text and never followed). The audit report and the printed kit share it.
 */
export function SourceAddress({ url }: { url: string | undefined }) {
  const href = httpsUrl(url);
  if (href) {
    return (
      <>
        {' '}
        <a href={href} rel="noopener noreferrer">
          {href}
        </a>
      </>
    );
  }
  return url ? <>{` ${url}`}</> : null;
}
