import axios from 'axios';
import { serveSample, type SampleSession } from './sample-server';

// The peer: written the way Primer's sample servers are (Express with its defaults, axios with its defaults and no
// agent of its own, no reuse), doing the same two calls. The service should beat it, not just match it.
const ordersUrl = process.env.ORDER_SERVICE_URL;
const primerUrl = process.env.PRIMER_API_URL;
const apiKey = process.env.PRIMER_API_KEY;

interface PeerCart {
  id: string;
  orderId?: string;
  currencyCode: string;
  countryCode: string;
  totalAmount: number;
  customer?: { id?: string; email?: string };
  items: { id: string; name: string; unitAmount: number; quantity: number }[];
}

serveSample(async (cartId) => {
  const { data: cart } = await axios.get<PeerCart>(`${ordersUrl}/carts/${String(cartId)}`);
  const { data: session } = await axios.post<SampleSession>(
    `${primerUrl}/client-session`,
    {
      orderId: cart.orderId ?? cart.id,
      currencyCode: cart.currencyCode,
      amount: cart.totalAmount,
      customerId: cart.customer?.id,
      order: {
        countryCode: cart.countryCode,
        lineItems: cart.items.map((item) => ({ itemId: item.id, description: item.name, amount: item.unitAmount, quantity: item.quantity })),
      },
      customer: { emailAddress: cart.customer?.email },
    },
    { headers: { 'X-Api-Key': apiKey, 'X-Api-Version': '2.4', 'Content-Type': 'application/json' } },
  );
  return session;
});
