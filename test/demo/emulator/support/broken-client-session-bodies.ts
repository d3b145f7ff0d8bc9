import { GBP_SESSION } from './emulator-client';

const long = (length: number) => 'x'.repeat(length);

// POST bodies each broken on the named fields; test/contract shows Primer's own schema refuses each too.
export const BROKEN_POST_BODIES: [string, unknown, string[]][] = [
  ['amount as a string', { ...GBP_SESSION, amount: '3700' }, ['$.amount']],
  ['a fractional amount', { ...GBP_SESSION, amount: 37.5 }, ['$.amount']],
  ['a negative amount', { ...GBP_SESSION, amount: -1 }, ['$.amount']],
  ['an empty orderId', { ...GBP_SESSION, orderId: '' }, ['$.orderId']],
  ['a 256-character customerId', { ...GBP_SESSION, customerId: long(256) }, ['$.customerId']],
  ['an unknown currency', { ...GBP_SESSION, currencyCode: 'GBX' }, ['$.currencyCode']],
  ['a lower-case currency', { ...GBP_SESSION, currencyCode: 'gbp' }, ['$.currencyCode']],
  ['an unknown field', { ...GBP_SESSION, total: 3700 }, ['$.total']],
  ['a body that is a list', [GBP_SESSION], ['$']],
  [
    'line items with a missing amount, a negative tax and a 256-character name',
    { ...GBP_SESSION, order: { lineItems: [{ itemId: 'a', amount: 1 }, { itemId: 'b', name: long(256), taxAmount: -5 }] } },
    ['$.order.lineItems[1].amount', '$.order.lineItems[1].name', '$.order.lineItems[1].taxAmount'],
  ],
  ['an order country that is not ISO 3166', { ...GBP_SESSION, order: { countryCode: 'UK' } }, ['$.order.countryCode']],
  ['a quantity as a string', { ...GBP_SESSION, order: { lineItems: [{ amount: 1, quantity: '2' }] } }, ['$.order.lineItems[0].quantity']],
  ['a page URL over 1024 characters', { ...GBP_SESSION, order: { lineItems: [{ amount: 1, productData: { pageUrl: long(1025) } }] } }, ['$.order.lineItems[0].productData.pageUrl']],
  ['a fee without an amount', { ...GBP_SESSION, order: { fees: [{ type: 'GIFT_WRAP' }] } }, ['$.order.fees[0].amount']],
  ['a negative shipping amount', { ...GBP_SESSION, order: { shipping: { amount: -500 } } }, ['$.order.shipping.amount']],
  ['an email that is not an address', { ...GBP_SESSION, customer: { emailAddress: 'ada at example' } }, ['$.customer.emailAddress']],
  ['an empty first name and an empty city', { ...GBP_SESSION, customer: { firstName: '', billingAddress: { city: '' } } }, ['$.customer.firstName', '$.customer.billingAddress.city']],
  ['an unknown card network', { ...GBP_SESSION, paymentMethod: { orderedAllowedCardNetworks: ['VISA', 'BITCOIN'] } }, ['$.paymentMethod.orderedAllowedCardNetworks[1]']],
  ['a boolean option as a string', { ...GBP_SESSION, paymentMethod: { vaultOnSuccess: 'yes' } }, ['$.paymentMethod.vaultOnSuccess']],
  [
    'an Apple Pay recurring request without its billing',
    { ...GBP_SESSION, paymentMethod: { options: { APPLE_PAY: { recurringPaymentRequest: { managementUrl: 'https://shop.example/manage' } } } } },
    ['$.paymentMethod.options.APPLE_PAY.recurringPaymentRequest.regularBilling'],
  ],
];
