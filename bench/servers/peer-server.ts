import axios from 'axios';
import express from 'express';

// The peer: written the way Primer's sample servers are (Express with its defaults, axios with its defaults and no
// agent of its own, no reuse), doing the same two calls. The service should beat it, not just match it.
const port = Number(process.env.PORT);
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

const app = express();
app.use(express.json());

app.get('/readyz', (_req, res) => {
  res.json({ status: 'ready' });
});

app.post('/checkout/session', async (req, res) => {
  try {
    const { data: cart } = await axios.get<PeerCart>(`${ordersUrl}/carts/${req.body.cartId}`);
    const { data: session } = await axios.post(
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
    res.json({ clientToken: session.clientToken, clientTokenExpirationDate: session.clientTokenExpirationDate });
  } catch {
    res.status(500).json({ error: 'could not create a client session' });
  }
});

const server = app.listen(port, '127.0.0.1');
process.once('SIGTERM', () => {
  server.close(() => process.exit(0));
  server.closeAllConnections();
});
