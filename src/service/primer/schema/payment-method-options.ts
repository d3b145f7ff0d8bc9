import { Type, type Static } from '@sinclair/typebox';
import { ApplePayOptions } from './apple-pay-options';
import { MinorUnits, StringEnum, StringUpTo } from './string-schemas';

// Primer API 2.4 `CheckoutPaymentMethodOptionsAPISchema` and what it reaches.
export const CARD_NETWORKS = [
  'AMEX', 'DANKORT', 'DINERS_CLUB', 'DISCOVER', 'EFTPOS', 'ENROUTE', 'ELO', 'HIPER', 'INTERAC',
  'JCB', 'MAESTRO', 'MASTERCARD', 'MIR', 'PRIVATE_LABEL', 'UNIONPAY', 'VISA', 'CARTES_BANCAIRES', 'OTHER',
] as const;

export const RECURRING_TRANSACTION_TYPES = ['FIRST_PAYMENT', 'ECOMMERCE', 'SUBSCRIPTION', 'UNSCHEDULED'] as const;
export const AUTHORIZATION_TYPES = ['ESTIMATED', 'FINAL'] as const;
export const FIRST_PAYMENT_REASONS = ['CardOnFile', 'Recurring', 'Unscheduled'] as const;

const Surcharge = Type.Object({ amount: Type.Optional(MinorUnits()) });

const NetworkSurcharge = () => Type.Optional(Type.Object({ surcharge: Type.Optional(Surcharge) }));

// Spelled out rather than generated: Primer lists these 17 networks (no EFTPOS) and refuses any other key.
export const CardNetworkSurcharges = Type.Object(
  {
    AMEX: NetworkSurcharge(),
    CARTES_BANCAIRES: NetworkSurcharge(),
    DANKORT: NetworkSurcharge(),
    DINERS_CLUB: NetworkSurcharge(),
    DISCOVER: NetworkSurcharge(),
    ENROUTE: NetworkSurcharge(),
    ELO: NetworkSurcharge(),
    HIPER: NetworkSurcharge(),
    INTERAC: NetworkSurcharge(),
    JCB: NetworkSurcharge(),
    MAESTRO: NetworkSurcharge(),
    MASTERCARD: NetworkSurcharge(),
    MIR: NetworkSurcharge(),
    PRIVATE_LABEL: NetworkSurcharge(),
    UNIONPAY: NetworkSurcharge(),
    VISA: NetworkSurcharge(),
    OTHER: NetworkSurcharge(),
  },
  { additionalProperties: false },
);

export const PaymentCardOption = Type.Object({
  networks: Type.Optional(CardNetworkSurcharges),
  captureVaultedCardCvv: Type.Optional(Type.Boolean()),
});

// Options of any other payment method type (Primer names this key `<PAYMENT_METHOD_TYPE>`).
export const PaymentMethodOption = Type.Object({
  surcharge: Surcharge,
  extraMerchantData: Type.Optional(Type.Object({}, { additionalProperties: true })),
  merchantName: Type.Optional(Type.String()),
});

export const PaymentMethodOptionsByType = Type.Object(
  {
    APPLE_PAY: Type.Optional(ApplePayOptions),
    PAYMENT_CARD: Type.Optional(PaymentCardOption),
  },
  { additionalProperties: PaymentMethodOption },
);

export const PaymentMethodOptions = Type.Object({
  vaultOnSuccess: Type.Optional(Type.Boolean({ default: false })),
  vaultOn3DS: Type.Optional(Type.Boolean({ default: false })),
  vaultOnAgreement: Type.Optional(Type.Boolean({ default: false })),
  descriptor: Type.Optional(StringUpTo(255)),
  paymentType: Type.Optional(StringEnum(RECURRING_TRANSACTION_TYPES)),
  orderedAllowedCardNetworks: Type.Optional(Type.Array(StringEnum(CARD_NETWORKS))),
  options: Type.Optional(PaymentMethodOptionsByType),
  authorizationType: Type.Optional(StringEnum(AUTHORIZATION_TYPES)),
  firstPaymentReason: Type.Optional(StringEnum(FIRST_PAYMENT_REASONS)),
});

export type PaymentMethodOptions = Static<typeof PaymentMethodOptions>;
