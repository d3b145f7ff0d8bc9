import { RuleQueue } from '../faults/rule-queue';
import type { PaymentStatus } from '../payments/emulator-payment';
import type { WebhookFault } from './webhook-fault';

// Faults for the next deliveries, optionally only those of one payment status.
export class WebhookFaultQueue extends RuleQueue<{ status?: PaymentStatus }, WebhookFault> {
  take(status: PaymentStatus): WebhookFault | undefined {
    return this.takeFirst((match) => match.status === undefined || match.status === status);
  }
}
