import { Webhook } from 'standardwebhooks';
import { generateWebhookSecret, webhookSignature } from './signing';

describe('Standard Webhooks signing', () => {
  it('matches the Standard Webhooks known-answer vector (docs/webhooks.md)', () => {
    expect(
      webhookSignature(
        'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
        'msg_p5jXN8AQM9LWM0D4loKWxJek',
        1614265330,
        '{"test": 2432232314}',
      ),
    ).toBe('v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=');
  });

  it('is accepted by the standardwebhooks verifier, with generated secrets', () => {
    const secret = generateWebhookSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const ts = Math.floor(Date.now() / 1000);
    const body = JSON.stringify({ id: 'evt_1', type: 'wallet.created', data: { wallet_id: 'w' } });
    const headers = {
      'webhook-id': 'evt_1',
      'webhook-timestamp': String(ts),
      'webhook-signature': webhookSignature(secret, 'evt_1', ts, body),
    };
    expect(new Webhook(secret).verify(body, headers)).toMatchObject({ id: 'evt_1' });
    expect(() => new Webhook(generateWebhookSecret()).verify(body, headers)).toThrow();
  });
});
