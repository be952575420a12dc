/**
 * `write:adjustments` books credits and debits of fiat wallets against the organization's settlement account
 * (`POST /v1/wallets/{id}/adjustments`): an operator's power, kept apart from `write:wallets` and not in
 * `DEFAULT_SCOPES`.
 */
export const SCOPES = [
  'read:wallets',
  'write:wallets',
  'read:webhooks',
  'write:webhooks',
  'write:adjustments',
] as const;
export type Scope = (typeof SCOPES)[number];

/**
 * What a key gets when its scopes are not named: every scope but `write:adjustments`, which creates and destroys
 * fiat balances and is granted only when asked for (`key:create --scopes ...,write:adjustments`).
 */
export const DEFAULT_SCOPES: readonly Scope[] = SCOPES.filter((s) => s !== 'write:adjustments');

export function isScope(value: string): value is Scope {
  return (SCOPES as readonly string[]).includes(value);
}

export function isWriteScope(scope: Scope): boolean {
  return scope.startsWith('write:');
}
