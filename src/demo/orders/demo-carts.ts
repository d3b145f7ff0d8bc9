import type { Cart } from '../../service/orders/cart';

// Built-in carts for demo mode and the docker-compose order service; amounts are minor units (docs/client-session.md).
const DEMO_GBP: Cart = {
  id: 'demo-gbp',
  version: 3,
  orderId: 'order-demo-gbp-1001',
  currencyCode: 'GBP',
  countryCode: 'GB',
  // 2160 + 4200 + 1800 in lines, 495 shipping, 250 gift wrap.
  totalAmount: 8905,
  customer: {
    id: 'cus_demo_ada',
    email: 'ada.lovelace@example.com',
    mobileNumber: '+447700900123',
    firstName: 'Ada',
    lastName: 'Lovelace',
    billingAddress: {
      firstName: 'Ada',
      lastName: 'Lovelace',
      addressLine1: '12 St James\'s Square',
      city: 'London',
      postalCode: 'SW1Y 4JH',
      countryCode: 'GB',
    },
    shippingAddress: {
      firstName: 'Charles',
      lastName: 'Babbage',
      addressLine1: 'Flat 4',
      addressLine2: '1 Dorset Street',
      city: 'London',
      state: 'Greater London',
      postalCode: 'W1U 4EG',
      countryCode: 'GB',
    },
  },
  items: [
    {
      id: 'line-1',
      name: 'Earl Grey loose leaf tea, 250 g',
      description: 'Black tea with bergamot, 10% off two tins',
      unitAmount: 1200,
      quantity: 2,
      discountAmount: 240,
      taxAmount: 0,
      taxCode: 'UK-VAT-ZERO',
      productType: 'PHYSICAL',
      sku: 'TEA-EG-250',
      brand: 'Demo Tea Co.',
      pageUrl: 'https://shop.example.com/tea/earl-grey-250g',
    },
    {
      id: 'line-2',
      name: 'Porcelain teapot, 1.2 l',
      unitAmount: 3500,
      quantity: 1,
      taxAmount: 700,
      taxCode: 'UK-VAT-STANDARD',
      productType: 'PHYSICAL',
      sku: 'POT-PORC-12',
      brand: 'Demo Tea Co.',
    },
    {
      id: 'line-3',
      name: 'Tea brewing masterclass (video)',
      unitAmount: 1500,
      quantity: 1,
      taxAmount: 300,
      taxCode: 'UK-VAT-STANDARD',
      productType: 'DIGITAL',
      sku: 'CLASS-BREW-01',
    },
  ],
  shipping: { amount: 495, methodId: 'royal-mail-48', methodName: 'Royal Mail Tracked 48' },
  fees: [{ type: 'GIFT_WRAP', amount: 250, description: 'Gift wrapping' }],
  metadata: { channel: 'web', campaign: 'spring-tea', loyaltyPoints: 120 },
};

// JPY has no minor unit: ¥1,800 is 1800.
const DEMO_JPY: Cart = {
  id: 'demo-jpy',
  version: 'v2',
  currencyCode: 'JPY',
  countryCode: 'JP',
  totalAmount: 7238,
  customer: {
    id: 'cus_demo_hanako',
    email: 'hanako.yamada@example.jp',
    firstName: 'Hanako',
    lastName: 'Yamada',
    billingAddress: {
      addressLine1: '1-1 Marunouchi',
      city: 'Chiyoda-ku',
      state: 'Tokyo',
      postalCode: '100-0005',
      countryCode: 'JP',
    },
  },
  items: [
    { id: 'matcha', name: 'Uji matcha, 30 g', unitAmount: 1800, quantity: 2, taxAmount: 288, productType: 'PHYSICAL' },
    { id: 'chasen', name: 'Bamboo whisk (chasen)', unitAmount: 2500, quantity: 1, taxAmount: 250, productType: 'PHYSICAL' },
  ],
  shipping: { amount: 600, methodName: 'Yamato TA-Q-BIN' },
};

// KWD has three decimals: 12.500 KWD is 12500.
const DEMO_KWD: Cart = {
  id: 'demo-kwd',
  version: 1,
  currencyCode: 'KWD',
  countryCode: 'KW',
  totalAmount: 23500,
  customer: { email: 'fatima@example.com', firstName: 'Fatima', lastName: 'Al-Sabah' },
  items: [
    { id: 'dallah', name: 'Brass coffee dallah', unitAmount: 12500, quantity: 1 },
    { id: 'saffron', name: 'Saffron, 5 g', unitAmount: 4750, quantity: 2 },
  ],
  shipping: { amount: 1500, methodName: 'Same-day courier' },
};

const DEMO_UNICODE: Cart = {
  id: 'demo-unicode',
  version: 'c7f1',
  currencyCode: 'EUR',
  countryCode: 'DE',
  totalAmount: 8240,
  customer: {
    email: 'zoe@example.de',
    firstName: 'Zoë',
    lastName: 'Ångström-Núñez',
    shippingAddress: {
      firstName: 'Zoë',
      lastName: 'Ångström-Núñez',
      addressLine1: 'Straße des 17. Juni 135',
      city: 'Berlin',
      postalCode: '10623',
      countryCode: 'DE',
    },
  },
  items: [
    { id: 'chawan', name: '茶碗 (tea bowl)', unitAmount: 3200, quantity: 1 },
    { id: 'linen', name: 'Льняная скатерть', description: 'Tablecloth, 140 × 180 cm', unitAmount: 2400, quantity: 1 },
    { id: 'dates', name: 'كعك بالتمر', unitAmount: 450, quantity: 2 },
    { id: 'honey', name: 'Θυμαρίσιο μέλι', unitAmount: 990, quantity: 1 },
    { id: 'card', name: 'Geschenkkarte 🎁', unitAmount: 750, quantity: 1, productType: 'DIGITAL' },
  ],
};

const DEMO_EMPTY: Cart = {
  id: 'demo-empty',
  version: 1,
  currencyCode: 'GBP',
  countryCode: 'GB',
  items: [],
};

// The order service says 9.99 but the lines add up to 10.00: refused with 422 before Primer is called.
const DEMO_MISMATCH: Cart = {
  id: 'demo-mismatch',
  version: 1,
  currencyCode: 'GBP',
  countryCode: 'GB',
  totalAmount: 999,
  items: [{ id: 'mug', name: 'Enamel mug', unitAmount: 1000, quantity: 1 }],
};

// The least a cart can carry: no customer, shipping, fees or metadata.
const DEMO_MINIMAL: Cart = {
  id: 'demo-minimal',
  version: 1,
  currencyCode: 'USD',
  countryCode: 'US',
  items: [{ id: 'sticker', name: 'Sticker pack', unitAmount: 499, quantity: 1 }],
};

export const DEMO_CARTS: readonly Cart[] = [
  DEMO_GBP,
  DEMO_JPY,
  DEMO_KWD,
  DEMO_UNICODE,
  DEMO_EMPTY,
  DEMO_MISMATCH,
  DEMO_MINIMAL,
];
