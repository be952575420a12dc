/**
 * Swagger UI request/response interceptors, shipped to the browser as source text (Swagger UI serialises
 * functions with toString). They make "Try it out" work with every scheme:
 * - ApiKey holding `<key id>.<secret>`: every request is HMAC-signed in the browser with WebCrypto, exactly as
 *   a partner's backend signs it (X-API-Key, X-Timestamp, X-Request-ID, X-Signature), so writes work too.
 * - Bearer: a token from POST /v1/auth/token is filled into the Bearer and CsrfToken schemes automatically, and
 *   kept across reloads under the same rule as a pasted key (persistAuthorization, devnet only).
 * Kept as plain ES2020 so that no compiler helper can leak into the serialised text.
 */
export const REQUEST_INTERCEPTOR_SOURCE = `
return (async function signForPlayground(req) {
  var headers = req.headers || (req.headers = {});
  var find = function (name) {
    return Object.keys(headers).find(function (k) { return k.toLowerCase() === name; });
  };
  var auth = find('authorization');
  var apiKeyHeader = find('x-api-key');
  if (auth && /^Bearer\\s+\\S/.test(headers[auth])) {
    if (apiKeyHeader) delete headers[apiKeyHeader];
    return req;
  }
  if (!apiKeyHeader || find('x-signature')) return req;
  var value = String(headers[apiKeyHeader]);
  var dot = value.indexOf('.');
  if (dot < 1) return req;
  var keyId = value.slice(0, dot);
  var secret = value.slice(dot + 1);
  var url = new URL(req.url, window.location.href);
  var path = url.pathname + url.search;
  var body = req.body == null ? '' : typeof req.body === 'string' ? req.body : JSON.stringify(req.body);
  if (typeof req.body !== 'string' && req.body != null) req.body = body;
  var enc = new TextEncoder();
  var hex = function (buf) {
    return Array.from(new Uint8Array(buf)).map(function (b) { return b.toString(16).padStart(2, '0'); }).join('');
  };
  var timestamp = String(Math.floor(Date.now() / 1000));
  var requestId = crypto.randomUUID();
  var bodyHash = hex(await crypto.subtle.digest('SHA-256', enc.encode(body)));
  var key = await crypto.subtle.importKey('raw', enc.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  var message = [timestamp, String(req.method || 'GET').toUpperCase(), path, requestId, bodyHash].join('\\n');
  var signature = hex(await crypto.subtle.sign('HMAC', key, enc.encode(message)));
  headers[apiKeyHeader] = keyId;
  headers['X-Timestamp'] = timestamp;
  headers['X-Request-ID'] = requestId;
  headers['X-Signature'] = signature;
  return req;
})(arguments[0]);
`;

export const RESPONSE_INTERCEPTOR_SOURCE = `
var res = arguments[0];
try {
  if (res && res.ok && /\\/v1\\/auth\\/token(\\?|$)/.test(res.url) && window.ui) {
    var body = typeof res.body === 'object' && res.body ? res.body : JSON.parse(res.text || '{}');
    if (body.access_token) {
      // authorizeWithPersistOption stores them as the Authorize dialog stores a pasted key: in localStorage when
      // persistAuthorization is on (devnet), so a reload keeps the session; elsewhere it is plain authorize.
      window.ui.authActions.authorizeWithPersistOption({
        Bearer: { name: 'Bearer', schema: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }, value: body.access_token },
        CsrfToken: { name: 'CsrfToken', schema: { type: 'apiKey', in: 'header', name: 'X-CSRF-Token' }, value: body.csrf_token },
      });
    }
  }
} catch (e) {}
return res;
`;

// eslint-disable-next-line @typescript-eslint/no-implied-eval -- the function is built from our own constant source
export const requestInterceptor = new Function(REQUEST_INTERCEPTOR_SOURCE) as (req: unknown) => Promise<unknown>;
// eslint-disable-next-line @typescript-eslint/no-implied-eval
export const responseInterceptor = new Function(RESPONSE_INTERCEPTOR_SOURCE) as (res: unknown) => unknown;
