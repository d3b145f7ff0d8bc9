import type { PaymentOutcome } from './payment-state';

const PAID: ReadonlySet<string> = new Set(['AUTHORIZED', 'SETTLING', 'PARTIALLY_SETTLED', 'SETTLED']);
const FAILED: ReadonlySet<string> = new Set(['DECLINED', 'FAILED', 'CANCELLED']);

// What the page shows for Primer's status; PENDING and any status added after API 2.4 are pending (docs/payments.md).
export function outcomeOf(status: string): PaymentOutcome {
  if (PAID.has(status)) return 'paid';
  if (FAILED.has(status)) return 'failed';
  return 'pending';
}
