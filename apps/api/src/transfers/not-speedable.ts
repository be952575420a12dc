import { DomainError, ErrorCode } from '@app/common';

/** 409: the send cannot be sped up, and why. */
export function notSpeedable(reason: string): DomainError {
  return new DomainError(ErrorCode.Conflict, `This send cannot be sped up: ${reason}`, {});
}
