import axios, { type AxiosInstance } from 'axios';

export const TEST_API_KEY = 'test-primer-api-key';

// A real HTTP client pointed at a running emulator, speaking as the service does; statuses are not thrown.
// A header given as `undefined` is not sent at all.
export function emulatorClient(baseURL: string, headers: Record<string, string | undefined> = {}): AxiosInstance {
  const sent = Object.entries({ 'X-Api-Key': TEST_API_KEY, 'X-Api-Version': '2.4', ...headers }).filter(
    (header): header is [string, string] => header[1] !== undefined,
  );
  return axios.create({ baseURL, timeout: 5000, validateStatus: () => true, headers: Object.fromEntries(sent) });
}

export const GBP_SESSION = {
  orderId: 'order_42',
  currencyCode: 'GBP',
  customerId: 'cus_9',
  order: {
    countryCode: 'GB',
    lineItems: [
      { itemId: 'sku_1', name: 'Tea', amount: 1200, quantity: 2, discountAmount: 100, taxAmount: 50 },
      { itemId: 'sku_2', name: 'Cup', amount: 800 },
    ],
    shipping: { amount: 500, methodId: 'std' },
    fees: [{ type: 'GIFT_WRAP', amount: 50 }],
  },
  customer: { emailAddress: 'ada@example.com', firstName: 'Ada', billingAddress: { city: 'London', countryCode: 'GB' } },
  metadata: { cartId: 'cart_42', channel: 'web', attempt: 1 },
};

// 1200 × 2 − 100 + 50, plus 800, plus shipping 500, plus fee 50.
export const GBP_SESSION_AMOUNT = 3700;
