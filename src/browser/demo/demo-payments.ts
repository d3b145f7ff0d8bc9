// The demo wing's payment routes: pay through the in-process emulator, and read what the demo order service recorded.
import type { ReportedPayment } from '../server-outcome.js';

// One event as the demo order service recorded it (the service's POST /orders/{orderId}/payment-events body).
export interface RecordedEvent {
  paymentId: string;
  orderId: string;
  cartId?: string;
  status: string;
  amount: number;
  currencyCode: string;
  dateUpdated: string;
  source: 'webhook' | 'confirmation';
  receivedAt: string;
}

// The event may still be on its way (a webhook retried): look again a few times before showing what there is.
const LOOKS = 10;
const LOOK_INTERVAL_MS = 500;

// As the SDK's success callback would report it: only the payment's id and order id, whatever its status.
export async function payThroughEmulator(clientToken: string, status: string): Promise<ReportedPayment> {
  const response = await fetch('/demo/payments', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ clientToken, status }),
  });
  const answer = (await response.json().catch(() => ({}))) as { id?: string; orderId?: string; error?: string };
  if (!response.ok) throw new Error(answer.error ?? `the emulator answered ${response.status}`);
  return { id: answer.id ?? null, orderId: answer.orderId ?? null };
}

// The order's recorded events once one for this payment is among them (or after the last look).
export async function recordedEvents(orderId: string, paymentId: string): Promise<RecordedEvent[]> {
  let events: RecordedEvent[] = [];
  for (let look = 1; look <= LOOKS; look++) {
    const response = await fetch(`/demo/orders/${encodeURIComponent(orderId)}/payment-events`, { headers: { Accept: 'application/json' } });
    if (!response.ok) throw new Error(`the demo order service answered ${response.status}`);
    events = ((await response.json()) as { events: RecordedEvent[] }).events;
    if (events.some((event) => event.paymentId === paymentId)) break;
    await new Promise((resolve) => setTimeout(resolve, LOOK_INTERVAL_MS));
  }
  return events;
}
