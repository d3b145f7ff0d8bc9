// The demo page's "What the server confirmed" box: the browser's word next to the service's, and the recorded events.
import type { PaymentResult } from '../payment-form.js';
import { CheckoutSessionError } from '../service-error.js';
import { shopperMessage } from '../shopper-messages.js';
import type { RecordedEvent } from './demo-payments.js';
import { element, required } from './page-view.js';

type ServerResult = Exclude<PaymentResult, { outcome: 'failure' }>;

const HEADLINES = {
  paid: 'Payment confirmed. Thank you!',
  pending: 'Payment received; the payment provider has not confirmed it yet. The shop will let you know.',
  failed: 'The payment did not go through. Please try another payment method.',
};

export class PaymentOutcomeView {
  readonly box = required<HTMLElement>('#payment-outcome');
  readonly events = required<HTMLUListElement>('#payment-events');

  clear(): void {
    this.#show('none', [element('p', 'muted', 'No payment yet.')]);
    this.events.replaceChildren(element('li', 'muted', 'None yet.'));
  }

  show(result: ServerResult): void {
    switch (result.outcome) {
      case 'confirming':
        return this.#show('confirming', [
          element('p', null, `The SDK reported payment ${result.paymentId}. Asking the service for Primer's view (POST /checkout/payment)…`),
        ]);
      case 'confirmed': {
        const { confirmation, orderId } = result;
        const told = element('p', 'muted', `The browser was told: success (SDK callback, payment ${confirmation.paymentId}, order ${orderId ?? 'n/a'}).`);
        const server = element('p', null, 'The server confirmed: ');
        server.append(element('strong', 'server-status', confirmation.status), ` (${confirmation.outcome}), read from Primer by the service.`);
        return this.#show(confirmation.outcome, [element('p', 'message', HEADLINES[confirmation.outcome]), server, told]);
      }
      case 'unconfirmed': {
        const why = result.error instanceof CheckoutSessionError ? shopperMessage(result.error) : 'We could not confirm this payment yet. Please check your order confirmation before paying again.';
        const reference = result.error instanceof CheckoutSessionError ? ` (${result.error.code}, request ${result.error.requestId ?? 'n/a'})` : '';
        return this.#show('unconfirmed', [element('p', 'message', why), element('p', 'muted', `Payment ${result.paymentId ?? 'without an id'}${reference}.`)]);
      }
    }
  }

  showEvents(events: RecordedEvent[]): void {
    if (events.length === 0) return this.events.replaceChildren(element('li', 'muted', 'None recorded for this order.'));
    this.events.replaceChildren(...events.map(eventLine));
  }

  showEventsUnavailable(reason: string): void {
    this.events.replaceChildren(element('li', 'muted', reason));
  }

  #show(outcome: string, children: Node[]): void {
    this.box.dataset.outcome = outcome;
    this.box.replaceChildren(...children);
  }
}

function eventLine(event: RecordedEvent): HTMLLIElement {
  const line = element('li', 'event');
  line.dataset.source = event.source;
  line.dataset.paymentId = event.paymentId;
  line.append(element('strong', 'event-status', event.status), ` from the ${event.source} · ${event.amount} ${event.currencyCode} (minor units) · updated ${event.dateUpdated} · payment ${event.paymentId}`);
  return line;
}
