import { redactUrl, redactUrls } from './redact';

describe('redactUrl', () => {
  it('keeps scheme, host and port; drops credentials, path, query and fragment', () => {
    expect(redactUrl('https://mainnet.infura.io/v3/0123456789abcdef')).toBe('https://mainnet.infura.io/[redacted]');
    expect(redactUrl('http://user:p4ss@127.0.0.1:8332')).toBe('http://127.0.0.1:8332/[redacted]');
    expect(redactUrl('http://user:p4ss@127.0.0.1:8332/')).toBe('http://127.0.0.1:8332/[redacted]');
    expect(redactUrl('wss://node.example/ws?apikey=abc')).toBe('wss://node.example/[redacted]');
    expect(redactUrl('http://127.0.0.1:8545')).toBe('http://127.0.0.1:8545');
    expect(redactUrl('not a url')).toBe('[redacted]');
  });

  it('redacts every URL inside a text', () => {
    const message =
      'HTTP request failed.\n\nURL: http://127.0.0.1:1/v3/SECRETKEY123\nRequest body: {}\n' +
      'cause: https://u:pw@rpc.example:443/key?x=1, twice';
    const redacted = redactUrls(message);
    expect(redacted).toBe(
      'HTTP request failed.\n\nURL: http://127.0.0.1:1/[redacted]\nRequest body: {}\n' +
        'cause: https://rpc.example/[redacted] twice',
    );
    for (const secret of ['SECRETKEY123', 'u:pw', 'key?x', 'x=1']) expect(redacted).not.toContain(secret);
  });
});
