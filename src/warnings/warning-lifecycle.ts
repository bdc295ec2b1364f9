import type { WarningStatus } from './warning.ts';
import { WarningError } from './warning-errors.ts';

/**
 * What each step may start from. A draft is edited freely and published once; a published warning
 * may still be corrected (subscribers are not sent the correction: it is on the public page and in
 * answers at once) or withdrawn; a withdrawn one is kept, read-only, for its history.
 */
const allowed: Readonly<Record<'edit' | 'publish' | 'withdraw', readonly WarningStatus[]>> = {
  edit: ['draft', 'published'],
  publish: ['draft'],
  withdraw: ['draft', 'published'],
};

const codes = { edit: 'not_editable', publish: 'not_publishable', withdraw: 'not_withdrawable' } as const;

export function assertStep(step: keyof typeof allowed, status: WarningStatus, id: string): void {
  if (!allowed[step].includes(status)) throw new WarningError(codes[step], `warning ${id} is ${status}: cannot ${step}`);
}

export function canStep(step: keyof typeof allowed, status: WarningStatus): boolean {
  return allowed[step].includes(status);
}
