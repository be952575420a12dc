import { Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { EntityManager } from 'typeorm';
import { CryptoService, DomainError, ErrorCode, hmacSha256Hex, safeEqual } from '@app/common';
import { AppConfig } from '@app/config';
import { ApiKey, ApiKeysRepository, Organization, Transactions } from '@app/db';
import { DEFAULT_SCOPES, isScope, Scope, SCOPES } from './scopes';

export interface CreatedApiKey {
  api_key_id: string;
  api_secret: string;
  organization_id: string;
  name: string;
  scopes: Scope[];
}

export interface ActiveKey {
  key: ApiKey;
  organization: Organization;
}

const SECRET_CACHE_LIMIT = 10_000;
/** Channel on which any process announces a revoked key (`key:<id>`) or a changed organization (`org:<id>`). */
export const AUTH_CHANNEL = 'wallets_api_auth';
/** A cached key is re-read at least this often, even if a notification was lost. */
const KEY_CACHE_TTL_MS = 30_000;

/**
 * Issues, verifies and revokes API keys. The secret is shown once and stored only hashed and sealed.
 * Authenticated requests read their key from a per-process cache: every process LISTENs on AUTH_CHANNEL and drops a
 * key the moment any process revokes it (or changes its organization); while the listener is down nothing is cached.
 */
@Injectable()
export class ApiKeysService implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('ApiKeys');
  private readonly pepper: Buffer;
  /** Decrypting a sealed secret costs an AES-GCM open; cache it per (key, ciphertext). */
  private readonly secrets = new Map<string, string>();
  private readonly active = new Map<string, { value: ActiveKey; expires: number }>();
  private listener?: Client;
  private listening = false;
  /** Bumped by every eviction: a lookup that started before one must not cache what it read. */
  private generation = 0;
  private stopped = false;

  constructor(
    private readonly keys: ApiKeysRepository,
    private readonly transactions: Transactions,
    private readonly crypto: CryptoService,
    private readonly config: AppConfig,
  ) {
    this.pepper = crypto.subkey('api-key-hash');
  }

  async onModuleInit(): Promise<void> {
    await this.listen();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    this.listening = false;
    await this.listener?.end().catch(() => undefined);
  }

  private async listen(): Promise<void> {
    if (this.stopped || !this.config.databaseUrl) return;
    const client = new Client({
      connectionString: this.config.databaseUrl,
      application_name: 'wallets-api-auth-listener',
    });
    // pg reports a lost connection as 'error' and then 'end': only the first, for the live listener, counts.
    const lost = () => {
      if (this.listener !== client) return;
      this.listener = undefined;
      this.listening = false;
      this.generation++;
      this.active.clear();
      void client.end().catch(() => undefined);
      if (!this.stopped) setTimeout(() => void this.listen(), 1000).unref();
    };
    client.on('error', lost);
    client.on('end', lost);
    client.on('notification', (n) => this.evict(n.payload ?? ''));
    try {
      await this.keys.listen(client, AUTH_CHANNEL);
      if (this.stopped) {
        await client.end();
        return;
      }
      this.listener = client;
      this.listening = true;
      this.generation++; // a lookup that began before LISTEN took effect may have missed a notification
    } catch (e) {
      this.logger.warn(
        `auth cache listener unavailable, keys are read from the database on every request: ${String(e)}`,
      );
      await client.end().catch(() => undefined);
      if (!this.stopped) setTimeout(() => void this.listen(), 1000).unref();
    }
  }

  private evict(payload: string): void {
    this.generation++;
    const [kind, id] = payload.split(':');
    if (kind === 'key') {
      this.active.delete(id);
    } else if (kind === 'org') {
      for (const [k, v] of this.active) {
        if (v.value.organization.id === id) this.active.delete(k);
      }
    } else {
      this.active.clear();
    }
  }

  /** Tells every process (this one at once) that a key or an organization changed. */
  async announce(payload: `key:${string}` | `org:${string}`, manager: EntityManager): Promise<void> {
    this.evict(payload);
    await this.keys.notify(AUTH_CHANNEL, payload, manager);
  }

  async create(
    organizationId: string,
    options: { name?: string; scopes?: string[] } = {},
    manager?: EntityManager,
  ): Promise<CreatedApiKey> {
    const scopes = options.scopes ?? [...DEFAULT_SCOPES];
    const unknown = scopes.filter((s) => !isScope(s));
    if (unknown.length || !scopes.length) {
      throw new DomainError(
        ErrorCode.InvalidScope,
        `Unknown scopes: ${unknown.join(', ') || '(none given)'}; allowed: ${SCOPES.join(', ')}`,
      );
    }
    const id = `ak_${randomBytes(12).toString('hex')}`;
    const secret = `sk_${randomBytes(32).toString('base64url')}`;
    const key = await this.keys.insert(
      organizationId,
      {
        id,
        name: options.name ?? 'default',
        scopes: [...new Set(scopes)],
        secretHash: this.hash(secret),
        secretCiphertext: this.crypto.box('api-key-secret').seal(secret, `api_key:${id}`),
      },
      manager,
    );
    return {
      api_key_id: id,
      api_secret: secret,
      organization_id: organizationId,
      name: key.name,
      scopes: key.scopes as Scope[],
    };
  }

  /** Marks a key revoked (effective at once in every process); returns false when there is no such active key. */
  async revoke(id: string): Promise<boolean> {
    return this.transactions.run(async (m) => {
      const revoked = await this.keys.revoke(id, m);
      await this.announce(`key:${id}`, m);
      for (const k of this.secrets.keys()) if (k.startsWith(`${id}:`)) this.secrets.delete(k);
      return revoked;
    });
  }

  /**
   * The key and its organization, or undefined when the key does not exist or is revoked. `fresh` skips the
   * cache (token issuance, operator paths).
   */
  async findActive(id: string, fresh = false): Promise<ActiveKey | undefined> {
    if (!/^ak_[0-9a-f]{24}$/.test(id)) return undefined;
    const cached = this.active.get(id);
    if (!fresh && cached && cached.expires > Date.now() && this.listening) return cached.value;
    const generation = this.generation;
    const value = await this.keys.findActiveWithOrganization(id);
    if (!value) {
      this.active.delete(id);
      return undefined;
    }
    // Not cached if an eviction (a revocation, a wallets toggle, a lost listener) happened while this query ran: what
    // it read may be from before it.
    if (this.listening && generation === this.generation) {
      if (this.active.size >= SECRET_CACHE_LIMIT) this.active.clear();
      this.active.set(id, { value, expires: Date.now() + KEY_CACHE_TTL_MS });
    }
    return value;
  }

  verifySecret(key: ApiKey, presented: string): boolean {
    return safeEqual(this.hash(presented), key.secretHash);
  }

  /** The plaintext secret, to recompute an HMAC request signature. Never logged, never returned. */
  secretOf(key: ApiKey): string {
    const cacheKey = `${key.id}:${key.secretCiphertext}`;
    let secret = this.secrets.get(cacheKey);
    if (secret === undefined) {
      secret = this.crypto.box('api-key-secret').open(key.secretCiphertext, `api_key:${key.id}`).toString('utf8');
      if (this.secrets.size >= SECRET_CACHE_LIMIT) this.secrets.clear();
      this.secrets.set(cacheKey, secret);
    }
    return secret;
  }

  private hash(secret: string): string {
    return hmacSha256Hex(this.pepper, secret);
  }
}
