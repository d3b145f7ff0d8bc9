// The cart every benchmark run prices: the shape of a real basket (three lines, customer, shipping, a fee),
// so the service does its full work. Amounts add up: 2160 + 4200 + 1800 in lines, 495 shipping, 250 fee.
const ID = '\u0000cart-id\u0000';
const BENCH_CART = {
  id: ID,
  version: 1,
  orderId: `order-${ID}`,
  currencyCode: 'GBP',
  countryCode: 'GB',
  totalAmount: 8905,
  customer: {
    id: 'cus_bench',
    email: 'ada.lovelace@example.com',
    mobileNumber: '+447700900123',
    firstName: 'Ada',
    lastName: 'Lovelace',
    billingAddress: { firstName: 'Ada', lastName: 'Lovelace', addressLine1: '12 St James\'s Square', city: 'London', postalCode: 'SW1Y 4JH', countryCode: 'GB' },
    shippingAddress: { firstName: 'Ada', lastName: 'Lovelace', addressLine1: '1 Dorset Street', city: 'London', postalCode: 'W1U 4EG', countryCode: 'GB' },
  },
  items: [
    {
      id: 'line-1',
      name: 'Earl Grey loose leaf tea, 250 g',
      description: 'Black tea with bergamot',
      unitAmount: 1200,
      quantity: 2,
      discountAmount: 240,
      taxAmount: 0,
      productType: 'PHYSICAL',
      sku: 'TEA-EG-250',
      pageUrl: 'https://shop.example.com/tea/earl-grey-250g',
    },
    { id: 'line-2', name: 'Porcelain teapot, 1.2 l', unitAmount: 3500, quantity: 1, taxAmount: 700, productType: 'PHYSICAL', sku: 'POT-PORC-12' },
    { id: 'line-3', name: 'Tea brewing masterclass (video)', unitAmount: 1500, quantity: 1, taxAmount: 300, productType: 'DIGITAL' },
  ],
  shipping: { amount: 495, methodId: 'royal-mail-48', methodName: 'Royal Mail Tracked 48' },
  fees: [{ type: 'GIFT_WRAP', amount: 250, description: 'Gift wrapping' }],
  metadata: { channel: 'web' },
};

// Serialised once and split where the id goes: answering for a new cart id is then two string joins.
const PARTS = JSON.stringify(BENCH_CART).split(JSON.stringify(ID).slice(1, -1));

// The order service's answer for any cart id; ids reach here URL-decoded and are JSON-escaped like any string.
export function benchCartBody(cartId: string): string {
  const escaped = JSON.stringify(cartId).slice(1, -1);
  return PARTS.join(escaped);
}
