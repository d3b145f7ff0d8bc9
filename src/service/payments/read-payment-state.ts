import { parsePrimerExpiry } from '../primer/parse-expiry';
import type { PaymentState } from './payment-state';

// Primer's payment ids (e.g. `kHdEw9EG`); the same rule bounds what the page may send to POST /checkout/payment.
export const PAYMENT_ID = /^[A-Za-z0-9_-]{1,64}$/;
// Primer's statuses are upper-case words; an unknown one still passes (it reads as pending), anything else is not a status.
const STATUS = /^[A-Z][A-Z_]{0,63}$/;
// ISO 4217 alphabetic codes, as Primer's Currency schema.
const CURRENCY = /^[A-Z]{3}$/;
// Primer's maxLength for orderId.
const MAX_ORDER_ID = 255;

export type PaymentReading = { readonly state: PaymentState } | { readonly unusable: readonly string[] };

// A Primer payment object (GET /payments/{id}, or a PAYMENT.STATUS webhook's `payment`) as the state the order service is told.
// A missing amount or currency makes it unusable like a missing id: there is nothing to check the order against (docs/payments.md).
export function readPaymentState(payment: unknown): PaymentReading {
  const fields = isObject(payment) ? payment : {};
  const unusable: string[] = [];
  const pick = <T>(name: string, value: T | undefined): T | undefined => {
    if (value === undefined) unusable.push(name);
    return value;
  };
  const paymentId = pick('id', matching(fields['id'], PAYMENT_ID));
  const status = pick('status', matching(fields['status'], STATUS));
  const orderId = pick('orderId', orderIdOf(fields['orderId']));
  // The payment's time is dateUpdated, else date; a dateUpdated that is there but unreadable is not replaced by the older date.
  const dateUpdated = pick('dateUpdated (or date)', isoOf(fields['dateUpdated'] ?? fields['date']));
  const amount = pick('amount', minorUnits(fields['amount']));
  const currencyCode = pick('currencyCode', matching(fields['currencyCode'], CURRENCY));
  if (paymentId === undefined || status === undefined || orderId === undefined || dateUpdated === undefined || amount === undefined || currencyCode === undefined) {
    return { unusable };
  }
  const cartId = isObject(fields['metadata']) ? fields['metadata']['cartId'] : undefined;
  return { state: { paymentId, orderId, status, amount, currencyCode, dateUpdated, ...(typeof cartId === 'string' && cartId !== '' ? { cartId } : {}) } };
}

function isObject(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function matching(value: unknown, pattern: RegExp): string | undefined {
  return typeof value === 'string' && pattern.test(value) ? value : undefined;
}

// Primer's amount: a non-negative integer in minor units.
function minorUnits(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : undefined;
}

function orderIdOf(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' && value.length <= MAX_ORDER_ID ? value : undefined;
}

// Primer writes UTC without a zone and with microseconds; the order service gets ISO-8601 with `Z`, to the millisecond.
function isoOf(value: unknown): string | undefined {
  const epoch = parsePrimerExpiry(value);
  return epoch === undefined ? undefined : new Date(epoch).toISOString();
}
