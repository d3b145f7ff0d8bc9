import { Type } from '@sinclair/typebox';
import { MinorUnits, NonEmptyString, StringEnum } from './string-schemas';

// Primer API 2.4 `ApplePayOptions` and its recurring, deferred and automatic-reload requests.
const ApplePayText = () => NonEmptyString(1024);
const ApplePayManagementUrl = () => Type.String({ format: 'uri', minLength: 1, maxLength: 1024 });
const DateTime = () => Type.String({ format: 'date-time' });

export const APPLE_PAY_INTERVAL_UNITS = ['minute', 'hour', 'day', 'month', 'year'] as const;

const recurringPeriod = {
  recurringStartDate: Type.Optional(DateTime()),
  recurringEndDate: Type.Optional(DateTime()),
  recurringIntervalUnit: Type.Optional(StringEnum(APPLE_PAY_INTERVAL_UNITS)),
  recurringIntervalCount: Type.Optional(Type.Integer({ minimum: 1 })),
};

export const ApplePayRegularBilling = Type.Object({
  label: ApplePayText(),
  amount: Type.Optional(MinorUnits()),
  ...recurringPeriod,
});

export const ApplePayTrialBilling = Type.Object({
  label: ApplePayText(),
  amount: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
  ...recurringPeriod,
});

const agreement = {
  paymentDescription: Type.Optional(ApplePayText()),
  billingAgreement: Type.Optional(ApplePayText()),
  managementUrl: ApplePayManagementUrl(),
};

export const ApplePayRecurringRequest = Type.Object({
  ...agreement,
  regularBilling: ApplePayRegularBilling,
  trialBilling: Type.Optional(ApplePayTrialBilling),
});

export const ApplePayDeferredBilling = Type.Object({
  label: ApplePayText(),
  amount: Type.Optional(MinorUnits()),
  deferredPaymentDate: DateTime(),
});

export const ApplePayDeferredRequest = Type.Object({
  ...agreement,
  deferredBilling: ApplePayDeferredBilling,
  freeCancellationDate: Type.Optional(DateTime()),
  freeCancellationTimeZone: Type.Optional(Type.String({ minLength: 3, maxLength: 50 })),
});

export const ApplePayAutomaticReloadBilling = Type.Object({
  label: ApplePayText(),
  amount: Type.Optional(MinorUnits()),
  automaticReloadThresholdAmount: MinorUnits(),
});

export const ApplePayAutomaticReloadRequest = Type.Object({
  ...agreement,
  automaticReloadBilling: ApplePayAutomaticReloadBilling,
});

export const ApplePayOptions = Type.Object({
  merchantName: Type.Optional(ApplePayText()),
  recurringPaymentRequest: Type.Optional(ApplePayRecurringRequest),
  deferredPaymentRequest: Type.Optional(ApplePayDeferredRequest),
  automaticReloadRequest: Type.Optional(ApplePayAutomaticReloadRequest),
});
