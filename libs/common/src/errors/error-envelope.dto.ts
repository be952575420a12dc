export class ErrorBodyDto {
  /**
   * Machine-readable error code in lower snake case.
   * @example "not_found"
   */
  code!: string;
  /**
   * Human-readable explanation. Do not parse it.
   * @example "Wallet not found"
   */
  message!: string;
  /**
   * Structured context: the invalid fields, the request id of a server error, ...
   * @example {}
   */
  details!: Record<string, unknown>;
}

/** Every error answers with this shape. */
export class ErrorEnvelopeDto {
  error!: ErrorBodyDto;
}
