import type { PaymentEventSink } from '../../../../src/service/orders/payment-events';
import type { PaymentEvent } from '../../../../src/service/payments/payment-state';
import type { RequestContext } from '../../../../src/service/upstream/request-context';

type Answer = () => Promise<void>;

// The order service's payment-events port in process: records each call; queued answers (a failure, a slow take) go first.
export class RecordingSink implements PaymentEventSink {
  readonly events: PaymentEvent[] = [];
  readonly #answers: Answer[] = [];

  answerNext(...answers: Answer[]): void {
    this.#answers.push(...answers);
  }

  async record(event: PaymentEvent, _context: RequestContext): Promise<void> {
    this.events.push(event);
    await this.#answers.shift()?.();
  }
}

// An answer that settles when the test says, so deliveries can be made to overlap.
export function heldAnswer(): { answer: Answer; release: () => void; fail: (error: Error) => void } {
  let release!: () => void;
  let fail!: (error: Error) => void;
  const settled = new Promise<void>((resolve, reject) => {
    release = resolve;
    fail = reject;
  });
  return { answer: () => settled, release, fail };
}
