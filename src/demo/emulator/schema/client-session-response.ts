import { Type, type Static } from '@sinclair/typebox';
import { Metadata } from '../../../service/primer/schema/client-session-request';
import { CustomerDetails } from '../../../service/primer/schema/customer';
import { OrderDetails } from '../../../service/primer/schema/order';
import { PaymentMethodOptions } from '../../../service/primer/schema/payment-method-options';
import { MinorUnits } from '../../../service/primer/schema/string-schemas';

// Primer API 2.4 `ClientSessionWarningsAPIResponse`, e.g. a tax connection that lacked data.
export const ClientSessionWarning = Type.Object({
  type: Type.Optional(Type.String()),
  code: Type.Optional(Type.String()),
  message: Type.Optional(Type.String()),
});

// Primer API 2.4 `ClientSessionAPIResponse` (GET and PATCH): the session, fields with empty values left out.
export const ClientSessionResponse = Type.Object({
  customerId: Type.Optional(Type.String({ maxLength: 255 })),
  orderId: Type.Optional(Type.String({ maxLength: 255 })),
  currencyCode: Type.Optional(Type.String()),
  amount: Type.Optional(MinorUnits()),
  metadata: Type.Optional(Metadata),
  customer: Type.Optional(CustomerDetails),
  order: Type.Optional(OrderDetails),
  paymentMethod: Type.Optional(PaymentMethodOptions),
});

// Primer API 2.4 `ClientSessionWithTokenAPIResponse` (POST). The expiry is UTC without a zone,
// e.g. `2021-08-12T16:14:08.578695`. `warnings` is a list in Primer's answers and examples, though the file's
// schema names a single object.
export const ClientSessionWithToken = Type.Composite([
  Type.Object({
    clientToken: Type.String(),
    clientTokenExpirationDate: Type.String(),
    warnings: Type.Optional(Type.Array(ClientSessionWarning)),
  }),
  ClientSessionResponse,
]);

export type ClientSessionWarning = Static<typeof ClientSessionWarning>;
export type ClientSessionResponse = Static<typeof ClientSessionResponse>;
export type ClientSessionWithToken = Static<typeof ClientSessionWithToken>;
