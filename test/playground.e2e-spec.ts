import { existsSync } from 'node:fs';
import { Browser, BrowserContext, chromium, Page } from 'playwright-core';
import type { OpenAPIObject } from '@nestjs/swagger';
import type {
  ParameterObject,
  ReferenceObject,
  ResponseObject,
  SchemaObject,
} from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { Credentials, waitFor } from '@app/testing';
import { ErrorCode, httpStatusOf } from '@app/common';
import { operationsOf } from '../apps/api/src/swagger/document-polish';
import { createOrganization, createTestApp, TestApp } from './support/app';

/** Debian's Chromium (`apt-get install chromium`, see .ci/run). Missing, this file fails: it never skips. */
const CHROMIUM = '/usr/bin/chromium';

interface Shown {
  /** The status code in the "Responses" table of the operation, as the page shows it. */
  status: number;
  /** The "Response body" the page shows, parsed when it is JSON. */
  body: any;
  /** The curl command the page shows: the request as sent, after the playground's interceptor. */
  curl: string;
}

/**
 * Drives one operation of the Swagger UI page as a person does: expand it, type into its parameter inputs and body
 * editor (nothing else is touched: what the page pre-fills is sent as it is), press Execute, read what it shows.
 */
async function tryItOut(
  page: Page,
  operationId: string,
  input: { params?: Record<string, string>; body?: unknown } = {},
): Promise<Shown> {
  const block = page.locator(`.opblock[id$="-${operationId}"]`);
  if (!(await block.evaluate((e) => e.classList.contains('is-open'))))
    await block.locator('.opblock-summary-control').click();
  await block.locator('button.execute').waitFor();
  const clear = block.locator('button.btn-clear');
  if (await clear.count()) await clear.click();
  for (const [name, value] of Object.entries(input.params ?? {}))
    await block.locator(`tr[data-param-name="${name}"] input`).fill(value);
  if (input.body !== undefined) await block.locator('textarea.body-param__text').fill(JSON.stringify(input.body));
  await block.locator('button.execute').click();
  const row = block.locator('.live-responses-table .response').first();
  await row.waitFor({ timeout: 30_000 });
  const status = Number((await row.locator('.response-col_status').innerText()).trim());
  const text = await row.locator('.response-col_description pre').first().innerText();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON: keep the text
  }
  const curl = await block.locator('.curl-command').first().innerText();
  return { status, body, curl };
}

/** Repeats a read in the page until what it shows passes. */
async function tryUntil(
  page: Page,
  operationId: string,
  input: { params?: Record<string, string> },
  ok: (shown: Shown) => boolean,
  what: string,
  timeoutMs = 60_000,
): Promise<Shown> {
  return waitFor(
    async () => {
      const shown = await tryItOut(page, operationId, input);
      return ok(shown) && shown;
    },
    what,
    timeoutMs,
    200,
  );
}

async function openPlayground(context: BrowserContext, baseUrl: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${baseUrl}/docs`);
  await page.locator('.opblock').first().waitFor();
  return page;
}

function usdc(balances: { networks: Array<{ network: string; assets: Array<Record<string, string>> }> }) {
  return balances.networks.find((n) => n.network === 'ethereum')?.assets.find((a) => a.asset === 'USDC');
}

describe('the playground at /docs', () => {
  // The tour's price step: a sandbox price shows within one refresh, not the default 60 s.
  const PRICE_REFRESH_SECONDS = 1;
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({
      env: { JOBS_POLL_INTERVAL_MS: '100', PRICE_REFRESH_SECONDS: String(PRICE_REFRESH_SECONDS) },
    });
  });
  afterAll(() => t.close());

  describe('in a real browser', () => {
    let browser: Browser;
    let creds: Credentials;
    beforeAll(async () => {
      if (!existsSync(CHROMIUM)) throw new Error(`No Chromium at ${CHROMIUM}: apt-get install -y chromium`);
      browser = await chromium.launch({ executablePath: CHROMIUM });
    });
    afterAll(() => browser?.close());
    beforeEach(async () => {
      creds = await createOrganization(t);
    });

    it('walks the README tour with a pasted key: wallet, address, sandbox deposit, balance, USD price', async () => {
      const context = await browser.newContext();
      try {
        const page = await openPlayground(context, t.baseUrl);
        await page.locator('.btn.authorize').click();
        const apiKey = page.locator('.auth-container:has(h4 code:text-is("ApiKey"))');
        await apiKey.locator('input').fill(`${creds.apiKeyId}.${creds.apiSecret}`);
        await apiKey.locator('button.authorize').click();
        await page.locator('.modal-ux button.btn-done').first().click();

        // The example body, as the page fills it, twice: no fixed external_id to collide on.
        const first = await tryItOut(page, 'createWallet');
        expect(first.status).toBe(201);
        expect(first.body).toMatchObject({ name: 'Player 12345', company_id: creds.organizationId });
        expect(first.curl).toMatch(/X-Signature: [0-9a-f]{64}/);
        const second = await tryItOut(page, 'createWallet');
        expect(second.status).toBe(201);
        expect(second.body.id).not.toBe(first.body.id);

        // No input touched: the examples of the optional filters are not sent, so both wallets are listed.
        const list = await tryItOut(page, 'listWallets');
        expect(list.status).toBe(200);
        expect(list.curl).not.toContain('external_id=');
        expect(list.body.data.map((w: { id: string }) => w.id).sort()).toEqual([first.body.id, second.body.id].sort());

        const walletId = first.body.id as string;
        await tryUntil(page, 'getWallet', { params: { walletId } }, (s) => s.body.status === 'active', 'activation');
        const address = await tryItOut(page, 'createAddress', {
          params: { walletId },
          body: { asset: 'USDC', network: 'ethereum' },
        });
        expect(address.status).toBe(201);
        expect(address.body.address).toMatch(/^0x[0-9a-fA-F]{40}$/);

        const deposit = await tryItOut(page, 'sandboxDeposit', {
          body: { network: 'ethereum', asset: 'USDC', address: address.body.address, amount: '125.50' },
        });
        expect(deposit.status).toBe(201);
        expect(deposit.body).toMatchObject({ amount: '125.5', to_address: address.body.address });

        const pending = await tryUntil(
          page,
          'getWalletBalances',
          { params: { walletId } },
          (s) => usdc(s.body)?.pending_in === '125.5',
          'pending_in',
        );
        expect(usdc(pending.body)).toMatchObject({ available: '0', pending_in: '125.5' });
        const mined = await tryItOut(page, 'sandboxMine', { body: { network: 'ethereum', blocks: 2 } });
        expect(mined.status).toBe(200);
        await tryUntil(
          page,
          'getWalletBalances',
          { params: { walletId } },
          (s) => usdc(s.body)?.available === '125.5',
          'available',
        );
        // Only what was typed is sent: network + asset, not the chain/token alternative's examples too (a 422).
        const one = await tryItOut(page, 'getWalletBalance', {
          params: { walletId, network: 'ethereum', asset: 'USDC' },
        });
        expect(one.status).toBe(200);
        expect(one.body).toMatchObject({ available: '125.5', available_raw: '125500000' });
        expect(one.curl).not.toMatch(/[?&](chain|token)=/);

        // USD beside every balance, from the devnet's USDC/USD feed (1 at first boot).
        const priced = await tryItOut(page, 'getWalletBalances', { params: { walletId } });
        expect(priced.status).toBe(200);
        expect(usdc(priced.body)).toMatchObject({
          available: '125.5',
          available_usd: '125.50',
          ledger_usd: '125.50',
          usd_rate: '1',
          usd_stale: false,
        });
        expect(priced.body).toMatchObject({ available_usd: '125.50', ledger_usd: '125.50', usd_stale: false });

        // Move the price on the devnet feed from the page, and watch the balance follow within a refresh or so.
        const price = await tryItOut(page, 'sandboxPrice', { body: { asset: 'USDC', usd: '0.99' } });
        expect(price.status).toBe(200);
        expect(price.body).toMatchObject({ asset: 'USDC', usd: '0.99', answer_raw: '99000000', decimals: 8 });
        const repriced = await tryUntil(
          page,
          'getWalletBalances',
          { params: { walletId } },
          (s) => usdc(s.body)?.usd_rate === '0.99',
          'the new USDC price in balances',
          PRICE_REFRESH_SECONDS * 1000 + 15_000,
        );
        // 125.5 x 0.99 = 124.245: a tie, rounded half to even (not up to 124.25).
        expect(usdc(repriced.body)).toMatchObject({
          available: '125.5',
          available_usd: '124.24',
          pending_usd: '0.00',
          ledger_usd: '124.24',
          usd_rate: '0.99',
          usd_rate_at: price.body.updated_at,
          usd_stale: false,
        });
        expect(repriced.body).toMatchObject({ available_usd: '124.24', ledger_usd: '124.24', usd_stale: false });
        const oneRepriced = await tryItOut(page, 'getWalletBalance', {
          params: { walletId, network: 'ethereum', asset: 'USDC' },
        });
        expect(oneRepriced.body).toMatchObject({ available_usd: '124.24', balance_usd: '124.24', usd_rate: '0.99' });

        // The event feed with nothing typed: no made-up `after` (a 400).
        const events = await tryItOut(page, 'listEvents');
        expect(events.status).toBe(200);
        expect(events.body.data.length).toBeGreaterThan(0);
      } finally {
        await context.close();
      }
    }, 240_000);

    it('keeps a token from POST /v1/auth/token across a reload, and says the HMAC-only route needs a signature', async () => {
      // A fresh browser profile: no pasted key, so whatever works below works with the token alone.
      const context = await browser.newContext();
      try {
        const page = await openPlayground(context, t.baseUrl);
        const token = await tryItOut(page, 'issueToken', {
          body: { grant_type: 'client_credentials', client_id: creds.apiKeyId, client_secret: creds.apiSecret },
        });
        expect(token.status).toBe(200);
        expect(token.body.token_type).toBe('Bearer');

        await page.reload();
        await page.locator('.opblock').first().waitFor();
        const wallet = await tryItOut(page, 'createWallet');
        expect(wallet.status).toBe(201);
        expect(wallet.body.company_id).toBe(creds.organizationId);
        expect(wallet.curl).toContain(`Authorization: Bearer ${token.body.access_token}`);
        expect(wallet.curl).toContain(`X-CSRF-Token: ${token.body.csrf_token}`);

        const master = await tryItOut(page, 'createMasterWallet', { body: { chain: 'ethereum', network: 'devnet' } });
        expect(master.status).toBe(401);
        expect(master.body.error.message).toMatch(/only HMAC-signed requests/);
      } finally {
        await context.close();
      }
    }, 240_000);
  });

  describe('the OpenAPI document behind it', () => {
    let doc: OpenAPIObject;
    beforeAll(async () => {
      doc = (await t.http.get('/docs-json')).body as OpenAPIObject;
    });

    const resolve = (s: SchemaObject | ReferenceObject | undefined): SchemaObject | undefined => {
      if (!s) return undefined;
      if ('$ref' in s) return doc.components!.schemas![s.$ref.split('/').pop()!] as SchemaObject;
      return s.allOf?.length === 1 ? resolve(s.allOf[0]) : s;
    };

    it('describes every operation and every success response, with an operationId', () => {
      const ops = operationsOf(doc);
      expect(ops.length).toBeGreaterThan(40);
      const problems = ops.flatMap(({ path, method, op }) => [
        ...(op.operationId ? [] : [`${method} ${path}: no operationId`]),
        ...(op.description?.trim() ? [] : [`${op.operationId}: no description`]),
        ...Object.entries(op.responses)
          .filter(([status, r]) => /^2/.test(status) && !(r as ResponseObject).description?.trim())
          .map(([status]) => `${op.operationId} ${status}: no description`),
      ]);
      expect(problems).toEqual([]);
    });

    it('gives every list operation limit and cursor', () => {
      const lists = operationsOf(doc).filter(
        ({ method, op }) =>
          method === 'get' &&
          resolve((op.responses['200'] as ResponseObject)?.content?.['application/json']?.schema)?.properties
            ?.next_cursor,
      );
      expect(lists.map((l) => l.op.operationId).sort()).toEqual(
        expect.arrayContaining(['listWallets', 'listAddresses', 'listWalletTransactions', 'listExternalAccounts']),
      );
      const missing = lists.flatMap(({ op }) =>
        ['limit', 'cursor']
          .filter((name) => !(op.parameters as ParameterObject[]).some((p) => p.in === 'query' && p.name === name))
          .map((name) => `${op.operationId}: no ${name}`),
      );
      expect(missing).toEqual([]);
    });

    it('has no optional query or header parameter that Swagger UI would fill in', () => {
      const filled = operationsOf(doc).flatMap(({ op }) =>
        (op.parameters as ParameterObject[])
          .filter((p) => (p.in === 'query' || p.in === 'header') && !p.required)
          .filter((p) => {
            const schema = p.schema as SchemaObject | undefined;
            return (
              p.example !== undefined ||
              p.examples !== undefined ||
              schema?.example !== undefined ||
              schema?.default !== undefined
            );
          })
          .map((p) => `${op.operationId}: ${p.name}`),
      );
      expect(filled).toEqual([]);
      const external = (doc.paths['/v1/wallets'].get!.parameters as ParameterObject[]).find(
        (p) => p.name === 'external_id',
      );
      expect(external?.description).toContain('player-12345');
    });

    it('shows each error status its own example code, and 429 on every authenticated operation', () => {
      const expected: Record<string, string[]> = {
        400: [ErrorCode.InvalidRequest],
        401: [ErrorCode.Unauthorized],
        403: [ErrorCode.Forbidden],
        429: [ErrorCode.RateLimited],
        500: [ErrorCode.ServerError],
      };
      const problems: string[] = [];
      for (const { op } of operationsOf(doc)) {
        if (op.security?.length && !op.responses['429']) problems.push(`${op.operationId}: no 429`);
        for (const [status, response] of Object.entries(op.responses)) {
          if (!/^[45]/.test(status)) continue;
          const code = (response as ResponseObject).content?.['application/json']?.example?.error?.code as ErrorCode;
          if (!code || String(httpStatusOf(code)) !== status || (expected[status] && !expected[status].includes(code)))
            problems.push(`${op.operationId} ${status}: example ${code}`);
        }
      }
      expect(problems).toEqual([]);
      const example = (op: string, path: string, status: string) =>
        (doc.paths[path] as Record<string, { responses: Record<string, ResponseObject> }>)[op].responses[status]
          .content!['application/json'].example.error.code;
      expect(example('post', '/v1/wallets/{walletId}/addresses', '422')).toBe('unsupported_asset_network');
      expect(example('post', '/v1/wallets/{walletId}/addresses', '409')).toBe('wallet_not_active');
      expect(example('post', '/v1/wallets', '409')).toBe('conflict');
      expect(example('get', '/v1/wallets/{walletId}', '404')).toBe('not_found');
      expect(example('get', '/v1/master-wallets/{masterWalletId}', '404')).toBe('wallet_not_found');
    });
  });
});
