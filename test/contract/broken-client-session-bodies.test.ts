import { startEmulator, type RunningEmulator } from '../../src/demo/emulator/start-emulator';
import { emulatorClient, GBP_SESSION } from '../demo/emulator/support/emulator-client';
import { primerSchemaErrors } from '../support/primer-openapi';

const long = (length: number) => 'x'.repeat(length);

const BROKEN_POST_BODIES: [string, unknown, string[]][] = [
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

describe('broken POST /client-session bodies', () => {
  let emulator: RunningEmulator;
  beforeAll(async () => {
    emulator = await startEmulator();
  });
  afterAll(() => emulator.close());

  it.each(BROKEN_POST_BODIES)("when the body has %s, then Primer's own schema refuses it too", (_name, body) => {
    expect(primerSchemaErrors('ClientSessionAPIRequest', body)).not.toEqual([]);
  });

  it.each(BROKEN_POST_BODIES)('when the body has %s, then the emulator answers 422 naming those fields', async (_name, body, paths) => {
    const response = await emulatorClient(emulator.url).post('/client-session', body);

    expect(response.status).toBe(422);
    expect(response.data.error).toMatchObject({ errorId: 'RequestValidationError', diagnosticsId: expect.any(String) });
    expect(response.data.error.validationErrors).toHaveLength(1);
    expect(response.data.error.validationErrors[0].model).toBe('ClientSessionAPIRequest');
    expect(response.data.error.validationErrors[0].errors.map((error: { path: string }) => error.path).sort()).toEqual([...paths].sort());
  });

  it('when a PATCH body carries a wrong type, then the emulator answers 422 for the update model', async () => {
    const client = emulatorClient(emulator.url);
    const created = await client.post('/client-session', GBP_SESSION);

    const response = await client.patch('/client-session', { clientToken: created.data.clientToken, amount: -1, order: { lineItems: [{}] } });

    expect(response.status).toBe(422);
    expect(response.data.error.validationErrors).toEqual([
      {
        model: 'ClientSessionUpdateAPIRequest',
        errors: expect.arrayContaining([
          { path: '$.amount', description: expect.any(String) },
          { path: '$.order.lineItems[0].amount', description: expect.any(String) },
        ]),
      },
    ]);
  });
});
