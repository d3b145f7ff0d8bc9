import { randomBytes, randomInt } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import type { EmulatorSession } from '../sessions/emulator-sessions';
import { primerTimestamp } from '../sessions/expiry-date';
import { sessionView } from '../sessions/session-view';
import type { EmulatorPayment, PaymentStatus } from './emulator-payment';

// Why a payment cannot be made for a session: Primer needs an order id, a currency and an amount to charge.
export class SessionNotPayableError extends Error {
  override readonly name = 'SessionNotPayableError';
}

interface StoredPayment {
  payment: EmulatorPayment;
  updatedAt: Date;
}

// Statuses in which the processor has captured the money.
const CAPTURED = new Set<PaymentStatus>(['SETTLED', 'PARTIALLY_SETTLED']);

// Payments made from client sessions, as the SDK makes them; bounded like the sessions.
export class EmulatorPayments {
  private readonly payments: LRUCache<string, StoredPayment>;

  constructor(
    maxPayments: number,
    private readonly now: () => Date,
  ) {
    this.payments = new LRUCache({ max: maxPayments });
  }

  // The payment carries the session's orderId, amount, currencyCode, customerId and metadata, as at Primer.
  create(session: EmulatorSession, status: PaymentStatus): EmulatorPayment {
    const { orderId, currencyCode, amount, customerId, metadata } = sessionView(session.fields);
    if (orderId === undefined || currencyCode === undefined || amount === undefined) {
      throw new SessionNotPayableError('the session has no orderId, currencyCode or amount to pay');
    }
    const createdAt = this.now();
    const date = primerTimestamp(createdAt, randomInt(1000));
    const payment: EmulatorPayment = {
      id: randomBytes(6).toString('base64url'),
      date,
      dateUpdated: date,
      status,
      orderId,
      currencyCode,
      amount,
      ...(customerId === undefined ? {} : { customerId }),
      ...(metadata === undefined ? {} : { metadata }),
      cardTokenType: 'CARD_PAN',
      paymentMethod: {
        paymentType: 'FIRST_PAYMENT',
        paymentMethodToken: randomBytes(18).toString('base64url'),
        isVaulted: false,
        analyticsId: randomBytes(15).toString('base64url'),
        paymentMethodType: 'PAYMENT_CARD',
        paymentMethodData: { first6Digits: '424242', last4Digits: '4242', expirationMonth: '12', expirationYear: '2030', network: 'Visa' },
      },
      processor: { name: 'EMULATOR', processorMerchantId: 'emulator-merchant', amountCaptured: CAPTURED.has(status) ? amount : 0, amountRefunded: 0 },
      transactions: [],
    };
    this.payments.set(payment.id, { payment, updatedAt: createdAt });
    return structuredClone(payment);
  }

  find(id: string): EmulatorPayment | undefined {
    const stored = this.payments.get(id);
    return stored && structuredClone(stored.payment);
  }

  // A later status moves dateUpdated, never backwards and never onto the same millisecond, so states stay ordered.
  changeStatus(id: string, status: PaymentStatus): EmulatorPayment | undefined {
    const stored = this.payments.get(id);
    if (!stored) return undefined;
    const updatedAt = new Date(Math.max(this.now().getTime(), stored.updatedAt.getTime() + 1));
    const payment: EmulatorPayment = {
      ...stored.payment,
      status,
      dateUpdated: primerTimestamp(updatedAt, randomInt(1000)),
      processor: { ...stored.payment.processor, amountCaptured: CAPTURED.has(status) ? stored.payment.amount : 0 },
    };
    this.payments.set(id, { payment, updatedAt });
    return structuredClone(payment);
  }

  clear(): void {
    this.payments.clear();
  }
}
