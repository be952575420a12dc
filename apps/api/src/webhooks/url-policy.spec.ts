import { checkUrlShape, checkWebhookUrl, isAllowedAddress, safeLookup, UrlRefused } from './url-policy';

const production = { requireHttps: true, allowLoopback: false };
const development = { requireHttps: false, allowLoopback: true };

describe('webhook URL policy (SSRF guard)', () => {
  it.each([
    'http://169.254.169.254/latest/meta-data',
    'http://10.0.0.1/hook',
    'http://172.16.5.4/hook',
    'http://192.168.1.1/hook',
    'http://100.64.0.1/hook',
    'http://0.0.0.0/hook',
    'http://[fc00::1]/hook',
    'http://[fe80::1]/hook',
    'http://[64:ff9b::a00:1]/hook',
    'http://[::ffff:10.0.0.1]/hook',
    'http://224.0.0.1/hook',
  ])('refuses %s everywhere', (url) => {
    expect(() => checkUrlShape(url, development)).toThrow(UrlRefused);
    expect(() => checkUrlShape(url.replace('http:', 'https:'), production)).toThrow(UrlRefused);
  });

  it.each([
    'http://2130706433/',
    'http://0x7f000001/',
    'http://017700000001/',
    'http://127.1/',
    'http://[::1]/',
    'http://[::ffff:127.0.0.1]/',
  ])('normalises the numeric loopback form %s: refused unless loopback is allowed', (url) => {
    expect(() => checkUrlShape(url, { requireHttps: false, allowLoopback: false })).toThrow(/not a public address/);
    expect(() => checkUrlShape(url, development)).not.toThrow();
  });

  it('requires https outside development and refuses credentials in the URL', () => {
    expect(() => checkUrlShape('http://example.com/hook', production)).toThrow(/https/);
    expect(() => checkUrlShape('https://user:pass@example.com/hook', production)).toThrow(/credentials/);
    expect(() => checkUrlShape('ftp://example.com/hook', development)).toThrow(UrlRefused);
    expect(() => checkUrlShape('not a url', development)).toThrow(UrlRefused);
    expect(checkUrlShape('https://93.184.215.14/hook', production).hostname).toBe('93.184.215.14');
  });

  it('classifies addresses', () => {
    expect(isAllowedAddress('8.8.8.8', production)).toBe(true);
    expect(isAllowedAddress('2606:4700::1111', production)).toBe(true);
    expect(isAllowedAddress('::ffff:8.8.8.8', production)).toBe(true);
    expect(isAllowedAddress('127.0.0.1', production)).toBe(false);
    expect(isAllowedAddress('127.0.0.1', development)).toBe(true);
    expect(isAllowedAddress('169.254.169.254', development)).toBe(false);
    expect(isAllowedAddress('garbage', development)).toBe(false);
  });

  it('resolves names at registration: localhost is loopback', async () => {
    const refused = await checkWebhookUrl('http://localhost:9/hook', {
      requireHttps: false,
      allowLoopback: false,
    }).catch((e: Error) => e);
    expect(refused).toBeInstanceOf(UrlRefused);
    expect((refused as UrlRefused).reason).toBe('ssrf_blocked');
    // Names the host, never what it resolves to (no DNS oracle for internal names).
    expect((refused as Error).message).toBe('localhost resolves to an address that is not public');
    await expect(checkWebhookUrl('http://localhost:9/hook', development)).resolves.toBeInstanceOf(URL);
    await expect(checkWebhookUrl('http://no-such-host.invalid/hook', development)).rejects.toThrow(/does not resolve/);
  });

  it('re-checks at connect time (DNS rebinding): the lookup refuses a name that now resolves to loopback', async () => {
    const lookup = safeLookup({ requireHttps: false, allowLoopback: false });
    const error = await new Promise<NodeJS.ErrnoException | null>((resolve) =>
      lookup('localhost', {}, (err) => resolve(err)),
    );
    expect(error?.code).toBe('ESSRF');
    expect(error?.message).toBe('localhost resolves to an address that is not public');
    const ok = await new Promise<unknown>((resolve) =>
      safeLookup(development)('localhost', {}, (_err, address) => resolve(address)),
    );
    expect(['127.0.0.1', '::1']).toContain(ok);
  });
});
