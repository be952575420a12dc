import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { getMetadataStorage } from 'class-validator';
import { ConfigError, EnvDto, loadConfig } from '@app/config';
import { Credentials, HttpClient, waitFor } from '@app/testing';
import { LedgerCheckService } from '../apps/api/src/metrics/ledger-check.service';
import { MetricsServer } from '../apps/api/src/metrics/metrics-server';
import { createOrganization, createTestApp, TestApp } from './support/app';
import { activeWallet, deposit, mineUntil, newAddress, Tx } from './support/chain';
import { Receiver } from './support/receiver';

const TOKEN = randomBytes(24).toString('base64url');
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** The Prometheus text format, as a scraper reads it (one sample a line; `# HELP`/`# TYPE` skipped). */
function parse(text: string): Sample[] {
  const samples: Sample[] = [];
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match) throw new Error(`not a sample line: ${line}`);
    const labels: Record<string, string> = {};
    for (const [, k, v] of (match[2] ?? '').matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)) labels[k] = v;
    samples.push({ name: match[1], labels, value: Number(match[3]) });
  }
  return samples;
}

/** The sum of a series over the samples whose labels include `labels` (0 when there is none). */
function value(samples: Sample[], name: string, labels: Record<string, string> = {}): number {
  return samples
    .filter((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v))
    .reduce((sum, s) => sum + s.value, 0);
}

function has(samples: Sample[], name: string, labels: Record<string, string> = {}): boolean {
  return samples.some((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v));
}

/** Every metric family the exposition declares (`# TYPE`), with a histogram's `_bucket`, `_sum` and `_count`. */
function families(text: string): Set<string> {
  const names = new Set<string>();
  for (const [, name, type] of text.matchAll(/^# TYPE (\S+) (\S+)$/gm)) {
    names.add(name);
    if (type === 'histogram') for (const suffix of ['_bucket', '_sum', '_count']) names.add(name + suffix);
  }
  return names;
}

const MONITORING = join(__dirname, '..', 'docs', 'monitoring');

interface Rule {
  alert?: unknown;
  expr?: unknown;
  for?: unknown;
  labels?: Record<string, unknown>;
  annotations?: Record<string, unknown>;
}

describe('metrics', () => {
  let t: TestApp;
  let metricsUrl: string;
  let creds: Credentials;
  let api: HttpClient;

  beforeAll(async () => {
    t = await createTestApp({
      env: { JOBS_POLL_INTERVAL_MS: '100', METRICS_TOKEN: TOKEN, LEDGER_CHECK_INTERVAL_SECONDS: '1' },
    });
    const port = t.app.get(MetricsServer).port;
    if (!port) throw new Error('the metrics listener is not up');
    metricsUrl = `http://127.0.0.1:${port}/metrics`;
    creds = await createOrganization(t);
    api = t.http.as({ kind: 'hmac', creds });
  });
  afterAll(() => t.close());

  async function scrape(): Promise<Sample[]> {
    const res = await fetch(metricsUrl, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    return parse(await res.text());
  }

  it('is served on its own port only, and only with its bearer token', async () => {
    const apiPort = new URL(t.baseUrl).port;
    expect(new URL(metricsUrl).port).not.toBe(apiPort);
    // Not on the public port, with or without the token.
    const onApi = await t.http.get('/metrics', { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(onApi.status).toBe(404);
    expect(onApi.text).not.toContain('wallets_http_requests_total');

    for (const authorization of [undefined, 'Bearer wrong-token', `Basic ${TOKEN}`, `Bearer ${TOKEN}x`]) {
      const res = await fetch(metricsUrl, { headers: authorization ? { authorization } : {} });
      expect(res.status).toBe(401);
      const body = (await res.json()) as { error: { code: string } };
      expect(body.error.code).toBe('unauthorized');
    }
    expect((await fetch(metricsUrl.replace('/metrics', '/other'))).status).toBe(404);
    expect(has(await scrape(), 'wallets_http_requests_total')).toBe(true);
  });

  it('refuses a metrics listener off loopback without a token, and the API port for it', () => {
    const base = { NETWORK_ENV: 'devnet', DATA_DIR: '/tmp/unused' };
    expect(() => loadConfig({ ...base, METRICS_HOST: '0.0.0.0' })).toThrow(ConfigError);
    expect(() => loadConfig({ ...base, METRICS_HOST: '0.0.0.0' })).toThrow(/METRICS_TOKEN: required/);
    expect(loadConfig({ ...base, METRICS_HOST: '0.0.0.0', METRICS_TOKEN: TOKEN }).metrics?.host).toBe('0.0.0.0');
    expect(() => loadConfig({ ...base, PORT: '9000', METRICS_PORT: '9000' })).toThrow(/METRICS_PORT: must differ/);
    expect(loadConfig({ ...base, METRICS_ENABLED: 'false', METRICS_HOST: '0.0.0.0' }).metrics).toBeNull();
    expect(loadConfig(base).metrics).toEqual({ host: '127.0.0.1', port: 9464, token: null });
  });

  it('moves with a deposit and a webhook delivery: requests by route template, deposits, attempts, heights', async () => {
    const before = await scrape();
    const receiver = await Receiver.start();
    try {
      const endpoint = await api.post('/v1/webhook-endpoints', { url: receiver.url });
      expect(endpoint.status).toBe(201);
      const walletId = await activeWallet(api);
      const address = await newAddress(api, walletId, 'ETH', 'ethereum');
      const hash = await deposit(api, { network: 'ethereum', asset: 'ETH', address, amount: '0.25' });
      const tx = await waitFor(
        async () =>
          ((await api.get(`/v1/wallets/${walletId}/transactions`)).body.data as Tx[]).find((x) => x.tx_hash === hash),
        'the deposit is detected',
      );
      await waitFor(() => receiver.requests.length > 0, 'a webhook delivery');

      const open = await waitFor(async () => {
        const s = await scrape();
        return value(s, 'wallets_deposits', { network: 'ethereum', asset: 'ETH' }) >= 1 &&
          value(s, 'wallets_webhook_attempts_total', { outcome: 'success' }) >= 1
          ? s
          : undefined;
      }, 'the deposit and the delivery in the metrics');
      // Requests are counted by route template: the wallet's id is nowhere in a label.
      expect(
        value(open, 'wallets_http_requests_total', {
          method: 'POST',
          route: '/v1/wallets/:walletId/addresses',
          status: '201',
        }) -
          value(before, 'wallets_http_requests_total', {
            method: 'POST',
            route: '/v1/wallets/:walletId/addresses',
            status: '201',
          }),
      ).toBe(1);
      expect(
        value(open, 'wallets_http_request_duration_seconds_count', { method: 'POST', route: '/v1/sandbox/deposits' }),
      ).toBeGreaterThanOrEqual(1);
      expect(
        value(open, 'wallets_http_requests_total', { route: '/v1/wallets/:walletId', method: 'GET' }),
      ).toBeGreaterThan(0);
      const routes = open.filter((s) => s.name === 'wallets_http_requests_total').map((s) => s.labels.route);
      expect(routes.filter((r) => UUID.test(r) || r.includes(walletId))).toEqual([]);
      expect(open.map((s) => JSON.stringify(s.labels)).join('\n')).not.toContain(walletId);

      // The deposit waits for its confirmations; the webhook went out; the scanner moved on.
      expect(value(open, 'wallets_deposits', { network: 'ethereum', asset: 'ETH', status: tx.status })).toBe(1);
      expect(value(before, 'wallets_deposits', { network: 'ethereum' })).toBe(0);
      expect(value(open, 'wallets_webhook_attempts_total', { outcome: 'success' })).toBeGreaterThan(
        value(before, 'wallets_webhook_attempts_total', { outcome: 'success' }),
      );
      expect(
        value(open, 'wallets_job_runs_total', { job_name: 'webhook-delivery', result: 'success' }),
      ).toBeGreaterThan(0);
      expect(
        value(open, 'wallets_job_duration_seconds_count', { job_name: 'chain-sync:ethereum:devnet' }),
      ).toBeGreaterThan(0);
      expect(value(open, 'wallets_chain_indexed_height', { network: 'ethereum' })).toBeGreaterThan(
        value(before, 'wallets_chain_indexed_height', { network: 'ethereum' }),
      );
      expect(value(open, 'wallets_chain_head_height', { network: 'ethereum' })).toBeGreaterThanOrEqual(
        value(open, 'wallets_chain_indexed_height', { network: 'ethereum' }),
      );
      expect(has(open, 'wallets_chain_lag_blocks', { network: 'bitcoin' })).toBe(true);
      expect(value(open, 'wallets_chain_seconds_since_sync', { network: 'ethereum' })).toBeLessThan(30);
      expect(value(open, 'wallets_signer_queue', { network: 'ethereum' })).toBe(0);
      expect(has(open, 'wallets_webhook_backlog')).toBe(true);
      expect(value(open, 'wallets_db_pool_connections', { state: 'max' })).toBe(5);
      expect(value(open, 'wallets_db_pool_connections', { state: 'total' })).toBeGreaterThan(0);

      // Confirmed, the deposit leaves the open gauge.
      await mineUntil(
        api,
        'ethereum',
        async () =>
          ((await api.get(`/v1/wallets/${walletId}/transactions`)).body.data as Tx[]).find(
            (x) => x.tx_hash === hash && x.status === 'confirmed',
          ),
        'deposit confirmed',
      );
      const confirmed = await waitFor(async () => {
        const s = await scrape();
        return value(s, 'wallets_deposits', { network: 'ethereum' }) === 0 ? s : undefined;
      }, 'the deposit gauge back to 0');
      expect(value(confirmed, 'wallets_chain_indexed_height', { network: 'ethereum' })).toBeGreaterThan(
        value(open, 'wallets_chain_indexed_height', { network: 'ethereum' }),
      );
      // Counted once final (a job's transaction, counted after its commit).
      const final = (s: Sample[], direction: string) =>
        value(s, 'wallets_transactions_final_total', {
          direction,
          network: 'ethereum',
          asset: 'ETH',
          status: 'confirmed',
        });
      expect(final(confirmed, 'incoming') - final(before, 'incoming')).toBe(1);

      // An internal transfer is final at once: both sides counted when its posting commits.
      const other = await activeWallet(api);
      const moved = await api.post(
        `/v1/wallets/${walletId}/transfers`,
        { asset: 'ETH', network: 'ethereum', amount: '0.1', destination: { type: 'wallet', id: other } },
        { headers: { 'Idempotency-Key': `metrics-${Date.now()}` } },
      );
      expect(moved.status).toBe(201);
      const after = await scrape();
      expect(final(after, 'outgoing') - final(confirmed, 'outgoing')).toBe(1);
      expect(final(after, 'incoming') - final(confirmed, 'incoming')).toBe(1);
    } finally {
      await receiver.stop();
    }
  });

  it('reports the ledger check: 1 while the invariants hold, 0 and the violations when one breaks', async () => {
    const holding = await waitFor(async () => {
      const s = await scrape();
      return has(s, 'wallets_ledger_invariants_ok') ? s : undefined;
    }, 'a ledger check');
    expect(value(holding, 'wallets_ledger_invariants_ok')).toBe(1);
    expect(value(holding, 'wallets_ledger_invariant_violations_total')).toBe(0);
    expect(value(holding, 'wallets_ledger_check_last_run_timestamp_seconds')).toBeGreaterThan(Date.now() / 1000 - 60);

    // Break LED-2 (debits equal credits per asset) behind the ledger's back: one account credited from nowhere.
    await t.dataSource.query(
      `UPDATE ledger_accounts SET credits_posted = credits_posted + 1
        WHERE id = (SELECT id FROM ledger_accounts WHERE kind = 'wallet' ORDER BY id LIMIT 1)`,
    );
    const broken = await waitFor(async () => {
      const s = await scrape();
      return value(s, 'wallets_ledger_invariants_ok') === 0 ? s : undefined;
    }, 'the check to notice');
    expect(value(broken, 'wallets_ledger_invariant_violations_total', { invariant: 'LED-2' })).toBeGreaterThan(0);
    const line = t.logs.find((l) => l.msg === 'ledger invariant broken');
    expect(line).toMatchObject({ invariant: 'LED-2', level: 50 });
    expect(JSON.stringify(line)).not.toContain(creds.apiSecret);
    expect(await t.app.get(LedgerCheckService).check()).toBe(false);

    await t.dataSource.query(
      `UPDATE ledger_accounts SET credits_posted = credits_posted - 1
        WHERE id = (SELECT id FROM ledger_accounts WHERE kind = 'wallet' ORDER BY id LIMIT 1)`,
    );
    expect(await t.app.get(LedgerCheckService).check()).toBe(true);
    expect(value(await scrape(), 'wallets_ledger_invariants_ok')).toBe(1);
  });

  it('ships alert rules and a dashboard that parse and use only series the service exports', async () => {
    const res = await fetch(metricsUrl, { headers: { authorization: `Bearer ${TOKEN}` } });
    const exported = families(await res.text());

    const rules = load(readFileSync(join(MONITORING, 'alerts.yml'), 'utf8')) as { groups: Array<{ rules: Rule[] }> };
    const all = rules.groups.flatMap((g) => g.rules);
    expect(all.length).toBeGreaterThanOrEqual(10);
    for (const rule of all) {
      expect(typeof rule.alert).toBe('string');
      expect(typeof rule.expr).toBe('string');
      if (rule.for !== undefined) expect(rule.for).toMatch(/^\d+[smhd]$/);
      expect(['warning', 'critical']).toContain(rule.labels?.severity);
      expect(typeof rule.annotations?.summary).toBe('string');
    }
    const alerts = all.map((r) => r.alert as string);
    expect(new Set(alerts).size).toBe(alerts.length);
    // What the rules must cover.
    const exprs = all.map((r) => r.expr as string).join('\n');
    for (const series of [
      'wallets_chain_lag_blocks',
      'wallets_chain_seconds_since_sync',
      'wallets_webhook_oldest_undelivered_age_seconds',
      'wallets_signer_oldest_queued_age_seconds',
      'wallets_job_runs_total',
      'wallets_ledger_invariants_ok',
      'wallets_http_requests_total{status=~"5.."}',
    ])
      expect(exprs).toContain(series);

    const dashboard = JSON.parse(readFileSync(join(MONITORING, 'grafana-dashboard.json'), 'utf8')) as {
      panels: Array<{ type: string; targets?: Array<{ expr: string }> }>;
    };
    const panelExprs = dashboard.panels.flatMap((p) => (p.targets ?? []).map((t) => t.expr));
    expect(panelExprs.length).toBeGreaterThanOrEqual(20);

    // A typo in a series name would be an alert that never fires, or an empty panel.
    const used = new Set([...`${exprs}\n${panelExprs.join('\n')}`.matchAll(/\bwallets_[a-z0-9_]+/g)].map((m) => m[0]));
    expect([...used].filter((name) => !exported.has(name))).toEqual([]);
    expect(used.size).toBeGreaterThanOrEqual(20);
  });
});

/** docker-compose.yml cannot be run here (no Docker engine): what can be checked without one is checked. */
describe('docker-compose.yml', () => {
  const root = join(__dirname, '..');
  const compose = load(readFileSync(join(root, 'docker-compose.yml'), 'utf8')) as {
    services: Record<string, { image?: string; environment?: Record<string, string>; deploy?: { replicas?: number } }>;
  };
  const example = readFileSync(join(root, '.env.example'), 'utf8');
  /** `NAME=value` lines of .env.example, commented-out optional ones included. */
  const exampleVars = Object.fromEntries(
    [...example.matchAll(/^#? ?([A-Z][A-Z0-9_]+)=(.*)$/gm)].map((m) => [m[1], m[2]] as [string, string]),
  );

  it('runs PostgreSQL (pinned), two API replicas and a jobs replica, with no secret in the file', () => {
    const { postgres, api, jobs } = compose.services;
    expect(postgres.image).toMatch(/^postgres:\d+\.\d+/);
    expect(api.environment?.ROLES).toBe('api');
    expect(api.deploy?.replicas).toBe(2);
    expect(jobs.environment?.ROLES).toBe('jobs');
    const text = readFileSync(join(root, 'docker-compose.yml'), 'utf8');
    for (const secret of ['KEY_ENCRYPTION_KEY', 'METRICS_TOKEN']) expect(text).not.toMatch(new RegExp(`${secret}:`));
    expect(text).toMatch(/POSTGRES_PASSWORD: \$\{POSTGRES_PASSWORD:\?/);
    // The example holds no values for the secrets, and the real file is never committed.
    for (const secret of ['KEY_ENCRYPTION_KEY', 'POSTGRES_PASSWORD', 'METRICS_TOKEN'])
      expect(exampleVars[secret]).toBe('');
    expect(readFileSync(join(root, '.gitignore'), 'utf8').split('\n')).toContain('.env');
  });

  it('names only real variables, and a filled-in example passes the boot validation of both roles', () => {
    const known = new Set(
      getMetadataStorage()
        .getTargetValidationMetadatas(EnvDto, '', true, false)
        .map((m) => m.propertyName),
    );
    const names = Object.keys(exampleVars).filter((n) => n !== 'POSTGRES_PASSWORD');
    expect(names.filter((n) => !known.has(n))).toEqual([]);
    for (const service of ['api', 'jobs']) {
      const env = {
        ...exampleVars,
        KEY_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
        METRICS_TOKEN: TOKEN,
        ...compose.services[service].environment,
        DATABASE_URL: 'postgres://wallets:pw@postgres:5432/wallets',
        // The image's own environment (Dockerfile).
        REQUIRE_NETWORK_ENV: 'true',
        HOST: '0.0.0.0',
        DATA_DIR: '/data',
      };
      const config = loadConfig(env);
      expect(config.networkEnv).toBe('testnet');
      expect([...config.roles]).toEqual([service]);
      expect(config.metrics).toEqual({ host: '0.0.0.0', port: 9464, token: TOKEN });
    }
  });
});
