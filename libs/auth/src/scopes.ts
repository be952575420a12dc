export const SCOPES = ['read:wallets', 'write:wallets', 'read:webhooks', 'write:webhooks'] as const;
export type Scope = (typeof SCOPES)[number];

export function isScope(value: string): value is Scope {
  return (SCOPES as readonly string[]).includes(value);
}

export function isWriteScope(scope: Scope): boolean {
  return scope.startsWith('write:');
}
