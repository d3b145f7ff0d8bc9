import { Type, type Static } from '@sinclair/typebox';
import { CheckoutCustomerDetails } from './customer';
import { CURRENCY_CODES } from './currency-codes';
import { OrderDetails } from './order';
import { PaymentMethodOptions } from './payment-method-options';
import { MinorUnits, NonEmptyString, StringEnum } from './string-schemas';

// Primer's description says metadata values "can only be strings or integers"; the file itself says only `object`.
export const Metadata = Type.Record(Type.String(), Type.Union([Type.String(), Type.Integer()]));

// Primer API 2.4 `ClientSessionAPIRequest` (POST /client-session): no field is required by the schema.
// https://primer.io/docs/api/api-reference/client-session-api/create-client-side-token-client-session-post
export const ClientSessionApiRequest = Type.Object(
  {
    orderId: Type.Optional(NonEmptyString(255)),
    currencyCode: Type.Optional(StringEnum(CURRENCY_CODES)),
    amount: Type.Optional(MinorUnits()),
    order: Type.Optional(OrderDetails),
    customerId: Type.Optional(NonEmptyString(255)),
    customer: Type.Optional(CheckoutCustomerDetails),
    metadata: Type.Optional(Metadata),
    paymentMethod: Type.Optional(PaymentMethodOptions),
  },
  { additionalProperties: false },
);

// Primer API 2.4 `ClientSessionUpdateAPIRequest` (PATCH /client-session): looser strings than POST, as Primer states them.
export const ClientSessionUpdateApiRequest = Type.Object(
  {
    clientToken: Type.Optional(Type.String()),
    customerId: Type.Optional(Type.String()),
    orderId: Type.Optional(Type.String()),
    currencyCode: Type.Optional(Type.String()),
    amount: Type.Optional(MinorUnits()),
    metadata: Type.Optional(Metadata),
    customer: Type.Optional(CheckoutCustomerDetails),
    order: Type.Optional(OrderDetails),
    paymentMethod: Type.Optional(PaymentMethodOptions),
  },
  { additionalProperties: false },
);

export type ClientSessionRequest = Static<typeof ClientSessionApiRequest>;

type Clearable<T> = { [K in keyof T]?: T[K] | null };
type UpdateFields = Static<typeof ClientSessionUpdateApiRequest>;

// A PATCH body: only the fields to change; `null` clears a field, at the top level and inside `customer` and `order`.
export type ClientSessionUpdate = Clearable<Omit<UpdateFields, 'clientToken' | 'customer' | 'order'>> & {
  clientToken: string;
  customer?: Clearable<NonNullable<UpdateFields['customer']>> | null;
  order?: Clearable<NonNullable<UpdateFields['order']>> | null;
};
