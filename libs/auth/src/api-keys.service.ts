import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { EntityManager, IsNull, Repository } from 'typeorm';
import { CryptoService, DomainError, ErrorCode, hmacSha256Hex, safeEqual } from '@app/common';
import { ApiKey, Organization } from '@app/db';
import { isScope, Scope, SCOPES } from './scopes';

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

/** Issues, verifies and revokes API keys. The secret is shown once and stored only hashed and sealed. */
@Injectable()
export class ApiKeysService {
  private readonly pepper: Buffer;
  /** Decrypting a sealed secret costs an AES-GCM open; cache it per (key, ciphertext). */
  private readonly secrets = new Map<string, string>();

  constructor(
    @InjectRepository(ApiKey) private readonly keys: Repository<ApiKey>,
    private readonly crypto: CryptoService,
  ) {
    this.pepper = crypto.subkey('api-key-hash');
  }

  async create(
    manager: EntityManager,
    organizationId: string,
    options: { name?: string; scopes?: string[] } = {},
  ): Promise<CreatedApiKey> {
    const scopes = options.scopes ?? [...SCOPES];
    const unknown = scopes.filter((s) => !isScope(s));
    if (unknown.length || !scopes.length) {
      throw new DomainError(ErrorCode.InvalidScope, `Unknown scopes: ${unknown.join(', ') || '(none given)'}; allowed: ${SCOPES.join(', ')}`);
    }
    const id = `ak_${randomBytes(12).toString('hex')}`;
    const secret = `sk_${randomBytes(32).toString('base64url')}`;
    const key = manager.create(ApiKey, {
      id,
      organizationId,
      name: options.name ?? 'default',
      scopes: [...new Set(scopes)],
      secretHash: this.hash(secret),
      secretCiphertext: this.crypto.box('api-key-secret').seal(secret, `api_key:${id}`),
      revokedAt: null,
    });
    await manager.save(key);
    return { api_key_id: id, api_secret: secret, organization_id: organizationId, name: key.name, scopes: key.scopes as Scope[] };
  }

  /** Marks a key revoked; returns false when there is no such active key. */
  async revoke(id: string): Promise<boolean> {
    const result = await this.keys.update({ id, revokedAt: IsNull() }, { revokedAt: () => 'now()' });
    this.secrets.delete(id);
    return (result.affected ?? 0) > 0;
  }

  /** The key and its organization, or undefined when the key does not exist or is revoked. */
  async findActive(id: string): Promise<ActiveKey | undefined> {
    if (!/^ak_[0-9a-f]{24}$/.test(id)) return undefined;
    const key = await this.keys.findOne({ where: { id, revokedAt: IsNull() }, relations: { organization: true } });
    return key?.organization ? { key, organization: key.organization } : undefined;
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
