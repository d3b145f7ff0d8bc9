import { Type, type Static } from '@sinclair/typebox';

// What POST /orders/{orderId}/payment-events carries (docs/payments.md): exactly these keys, no payment-method data.
export const PaymentEventBody = Type.Object(
  {
    paymentId: Type.String({ pattern: '^[A-Za-z0-9_-]{1,64}$' }),
    orderId: Type.String({ minLength: 1, maxLength: 255 }),
    cartId: Type.Optional(Type.String({ minLength: 1, maxLength: 255 })),
    // Primer's status as sent: a status added after API 2.4 still arrives.
    status: Type.String({ pattern: '^[A-Z_]{1,64}$' }),
    amount: Type.Integer({ minimum: 0 }),
    currencyCode: Type.String({ pattern: '^[A-Z]{3}$' }),
    dateUpdated: Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z$' }),
    source: Type.Union([Type.Literal('webhook'), Type.Literal('confirmation')]),
  },
  { additionalProperties: false },
);

export type PaymentEventBody = Static<typeof PaymentEventBody>;
