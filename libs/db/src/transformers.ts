import { ValueTransformer } from 'typeorm';

/** numeric(78,0) <-> bigint. pg returns numeric as a string; it never passes through a JS number. */
export const bigintTransformer: ValueTransformer = {
  to: (value: bigint | null | undefined) => (value === null || value === undefined ? value : value.toString()),
  from: (value: string | null) => (value === null ? null : BigInt(value)),
};
