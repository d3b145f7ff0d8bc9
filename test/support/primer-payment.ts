import type { PaymentEvent } from '../../src/service/payments/payment-state';

// A payment as Primer's GET /payments/{id} and PAYMENT.STATUS webhooks carry it (PaymentAPIResponse, API 2.4):
// UTC dates without a zone and with microseconds, and payment-method data the service must never pass on or log.
export function primerPayment(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 'kHdEw9EG',
    date: '2026-11-26T14:53:50.102311',
    dateUpdated: '2026-11-26T14:53:51.578695',
    status: 'AUTHORIZED',
    orderId: 'order_42',
    currencyCode: 'GBP',
    amount: 3700,
    customerId: 'cus_9',
    cardTokenType: 'CARD_PAN',
    paymentMethod: {
      paymentType: 'FIRST_PAYMENT',
      paymentMethodToken: 'pmt_tok_SECRET_heNwnqaeRiqvY1Uc',
      isVaulted: false,
      paymentMethodType: 'PAYMENT_CARD',
      paymentMethodData: { first6Digits: '424242', last4Digits: '4242', expirationMonth: '12', expirationYear: '2030', cardholderName: 'Wilhelmina Cardholder', network: 'Visa' },
    },
    processor: { name: 'STRIPE', processorMerchantId: 'acct_stripe_1234', amountCaptured: 0, amountRefunded: 0 },
    transactions: [{ type: 'SALE', processorStatus: 'AUTHORIZED', processorName: 'STRIPE', processorTransactionId: 'txn_54c4eb5b3ef8a' }],
    metadata: { channel: 'web', cartId: 'cart_42' },
    ...overrides,
  };
}

// What the service tells the order service of the payment above: exactly these keys, dateUpdated with Z to the millisecond.
export function paymentEvent(overrides: Partial<PaymentEvent> = {}): PaymentEvent {
  return {
    paymentId: 'kHdEw9EG',
    orderId: 'order_42',
    cartId: 'cart_42',
    status: 'AUTHORIZED',
    amount: 3700,
    currencyCode: 'GBP',
    dateUpdated: '2026-11-26T14:53:51.578Z',
    source: 'webhook',
    ...overrides,
  };
}

// What of the payment above must never leave the service: the payment method, card details and processor ids, by value and by name.
export const PAYMENT_METHOD_SECRETS = [
  'pmt_tok_SECRET_heNwnqaeRiqvY1Uc',
  'Wilhelmina Cardholder',
  'txn_54c4eb5b3ef8a',
  'acct_stripe_1234',
  'paymentMethod',
  'first6Digits',
  'last4Digits',
  'cardholderName',
];

// Now in Unix seconds, as Primer writes signedAt.
export function unixSecondsNow(): string {
  return String(Math.floor(Date.now() / 1000));
}

// Primer's PAYMENT.STATUS envelope around a payment; an undefined signedAt is left out.
export function paymentStatusEvent(payment: Record<string, unknown> | undefined, signedAt: unknown): Record<string, unknown> {
  return {
    eventType: 'PAYMENT.STATUS',
    date: '2026-11-26T14:53:51.600000',
    ...(signedAt === undefined ? {} : { signedAt }),
    notificationConfig: { id: 'cfb2ec8d-5d2f-4c7e-8a1b-2f1d9b6f3e11', description: 'Order updates' },
    version: '2.4',
    payment,
  };
}
