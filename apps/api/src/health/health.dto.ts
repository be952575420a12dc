export class HealthDto {
  /**
   * `ok`: every dependency answers; `degraded`: a network's node does not (the API still serves; its scans and sends
   * wait).
   * @example "ok"
   */
  status!: 'ok' | 'degraded';
  /**
   * `database` and each network with a node, by network name: `up` or `down`.
   * @example {"database":"up","ethereum":"up","bitcoin":"down"}
   */
  checks?: Record<string, string>;
}
