import type { Metadata } from '../../../service/primer/schema/client-session-request';
import type { Static } from '@sinclair/typebox';

// Primer API 2.4 `PaymentStatus`.
export const PAYMENT_STATUSES = ['PENDING', 'FAILED', 'AUTHORIZED', 'SETTLING', 'PARTIALLY_SETTLED', 'SETTLED', 'DECLINED', 'CANCELLED'] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

export function isPaymentStatus(value: unknown): value is PaymentStatus {
  return (PAYMENT_STATUSES as readonly unknown[]).includes(value);
}

// The part of Primer API 2.4 `PaymentAPIResponse` a payment made from a client session carries; dates in UTC
// without a zone, with microseconds (`2021-02-21T15:36:16.367687`).
export interface EmulatorPayment {
  id: string;
  date: string;
  dateUpdated: string;
  status: PaymentStatus;
  orderId: string;
  currencyCode: string;
  amount: number;
  customerId?: string;
  metadata?: Static<typeof Metadata>;
  cardTokenType: 'CARD_PAN';
  paymentMethod: {
    paymentType: 'FIRST_PAYMENT';
    paymentMethodToken: string;
    isVaulted: false;
    analyticsId: string;
    paymentMethodType: 'PAYMENT_CARD';
    paymentMethodData: { first6Digits: string; last4Digits: string; expirationMonth: string; expirationYear: string; network: string };
  };
  processor: { name: string; processorMerchantId: string; amountCaptured: number; amountRefunded: number };
  transactions: [];
}
