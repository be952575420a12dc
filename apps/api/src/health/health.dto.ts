export class HealthDto {
  /** @example "ok" */
  status!: 'ok';
  /** @example {"database":"up"} */
  checks?: Record<string, string>;
}
