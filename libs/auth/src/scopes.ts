/**
 * `write:adjustments` books credits and debits of fiat wallets against the organization's settlement account
 * (`POST /v1/wallets/{id}/adjustments`): an operator's power, kept apart from `write:wallets`.
 */
export const SCOPES = [
  'read:wallets',
  'write:wallets',
  'read:webhooks',
  'write:webhooks',
  'write:adjustments',
] as const;
export type Scope = (typeof SCOPES)[number];

export function isScope(value: string): value is Scope {
  return (SCOPES as readonly string[]).includes(value);
}

export function isWriteScope(scope: Scope): boolean {
  return scope.startsWith('write:');
}
