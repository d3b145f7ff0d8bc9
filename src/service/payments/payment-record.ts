import type { PaymentState } from './payment-state';

// What the record says of a payment state before it is forwarded: only `unrecorded` goes to the order service.
export type RecordVerdict = 'unrecorded' | 'duplicate' | 'superseded';

// What a record knows of one payment: whether this very state was recorded, and the latest dateUpdated recorded.
export interface PaymentHistory {
  readonly hasState: boolean;
  readonly latestMs: number | undefined;
}

// The port: one per replica in memory, or shared on Redis (docs/payments.md, "Duplicates and ordering").
export interface PaymentRecord {
  verdictOn(state: PaymentState): Promise<RecordVerdict>;
  // Called only once the order service took the state, so a failed forward is forwarded again on Primer's retry.
  mark(state: PaymentState): Promise<void>;
}

// How long a payment is remembered: Primer retries a delivery for about half an hour, a page confirms within minutes.
export const PAYMENT_RECORD_TTL_MS = 7 * 24 * 3_600_000;

// A repeat is a duplicate; a state strictly older than one recorded is superseded; an equal time with another status goes on.
export function verdictOf(history: PaymentHistory, state: Pick<PaymentState, 'dateUpdated'>): RecordVerdict {
  if (history.hasState) return 'duplicate';
  if (history.latestMs !== undefined && Date.parse(state.dateUpdated) < history.latestMs) return 'superseded';
  return 'unrecorded';
}

const STRENGTH: Record<RecordVerdict, number> = { unrecorded: 0, superseded: 1, duplicate: 2 };

// Two records' verdicts on one state (shared and local): what either has recorded holds, and duplicate wins over superseded.
export function strongestVerdict(a: RecordVerdict, b: RecordVerdict): RecordVerdict {
  return STRENGTH[a] >= STRENGTH[b] ? a : b;
}
