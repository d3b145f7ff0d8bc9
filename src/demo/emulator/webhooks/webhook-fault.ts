import { Type, type Static } from '@sinclair/typebox';
import { PAYMENT_STATUSES } from '../payments/emulator-payment';

// What can go wrong with a webhook delivery, on purpose.
export const WebhookFault = Type.Union([
  // Signed under a secret the receiver does not hold.
  Type.Object({ kind: Type.Literal('bad-signature') }),
  // The same body, signature and all, delivered again once the first copy was answered.
  Type.Object({ kind: Type.Literal('duplicate') }),
  // Signed `seconds` ago (negative: in the future), outside a receiver's replay window.
  Type.Object({ kind: Type.Literal('stale'), seconds: Type.Integer({ minimum: -86_400, maximum: 86_400 }) }),
  // Held back `ms` before the first attempt, so a later status change overtakes it.
  Type.Object({ kind: Type.Literal('delay'), ms: Type.Integer({ minimum: 0, maximum: 600_000 }) }),
]);

export const WebhookFaultRule = Type.Object(
  {
    match: Type.Optional(
      Type.Object({ status: Type.Optional(Type.Union(PAYMENT_STATUSES.map((status) => Type.Literal(status)))) }, { additionalProperties: false }),
    ),
    times: Type.Optional(Type.Integer({ minimum: 1 })),
    fault: WebhookFault,
  },
  { additionalProperties: false },
);

export type WebhookFault = Static<typeof WebhookFault>;
export type WebhookFaultRule = Static<typeof WebhookFaultRule>;
