/** What replaces the parts of a URL that may carry a secret. */
export const REDACTED = '[redacted]';

/**
 * A URL without what may carry a secret: its credentials, its path (an RPC provider's key, as in Infura's
 * `/v3/<key>`), its query and its fragment. Scheme, host and port stay, so an operator still sees which node failed.
 */
export function redactUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return REDACTED;
  }
  if (!url.host) return `${url.protocol}${REDACTED}`;
  const hidden =
    url.username || url.password || (url.pathname !== '/' && url.pathname !== '') || url.search || url.hash;
  return `${url.protocol}//${url.host}${hidden ? `/${REDACTED}` : ''}`;
}

const URL_IN_TEXT = /\b[a-z][a-z0-9+.-]*:\/\/[^\s"'<>`]+/gi;

/** The text with every URL in it passed through `redactUrl` (error messages of HTTP clients quote their URL). */
export function redactUrls(text: string): string {
  return text.replace(URL_IN_TEXT, (url) => redactUrl(url));
}
