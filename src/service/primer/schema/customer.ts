import { Type, type Static } from '@sinclair/typebox';
import { CountryCodeSchema } from './order';
import { NonEmptyString, StringUpTo } from './string-schemas';

// Primer API 2.4 `OptionalAddressAPISchema`.
export const OptionalAddress = Type.Object({
  firstName: Type.Optional(NonEmptyString(255)),
  lastName: Type.Optional(NonEmptyString(255)),
  addressLine1: Type.Optional(NonEmptyString(255)),
  addressLine2: Type.Optional(StringUpTo(255)),
  city: Type.Optional(NonEmptyString(255)),
  state: Type.Optional(NonEmptyString(255)),
  countryCode: Type.Optional(CountryCodeSchema),
  postalCode: Type.Optional(NonEmptyString(255)),
});

// Primer API 2.4 `CheckoutCustomerDetailsAPISchema`: what a request may carry.
export const CheckoutCustomerDetails = Type.Object({
  emailAddress: Type.Optional(Type.String({ format: 'email' })),
  mobileNumber: Type.Optional(NonEmptyString(255)),
  firstName: Type.Optional(NonEmptyString(255)),
  lastName: Type.Optional(NonEmptyString(255)),
  billingAddress: Type.Optional(OptionalAddress),
  shippingAddress: Type.Optional(OptionalAddress),
  taxId: Type.Optional(StringUpTo(255)),
  nationalDocumentId: Type.Optional(StringUpTo(255)),
});

// Primer API 2.4 `CustomerDetailsAPISchema`: what a response carries (names without a minimum length).
export const CustomerDetails = Type.Object({
  emailAddress: Type.Optional(Type.String({ format: 'email' })),
  mobileNumber: Type.Optional(StringUpTo(255)),
  firstName: Type.Optional(StringUpTo(255)),
  lastName: Type.Optional(StringUpTo(255)),
  billingAddress: Type.Optional(OptionalAddress),
  shippingAddress: Type.Optional(OptionalAddress),
  taxId: Type.Optional(StringUpTo(255)),
  nationalDocumentId: Type.Optional(StringUpTo(255)),
});

export type OptionalAddress = Static<typeof OptionalAddress>;
export type CheckoutCustomerDetails = Static<typeof CheckoutCustomerDetails>;
export type CustomerDetails = Static<typeof CustomerDetails>;
