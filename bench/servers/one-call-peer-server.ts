import express from 'express';

// The one-call peer: a sample server as Primer's own quick starts write it (Express with its defaults, global `fetch`),
// one Primer call per request and nothing else: no cart, no checks, no reuse. The service's warm path, which answers
// from reuse without calling Primer at all, should cost no more than this.
const port = Number(process.env.PORT);
const primerUrl = process.env.PRIMER_API_URL;
const apiKey = process.env.PRIMER_API_KEY ?? '';

const app = express();
app.use(express.json());

app.get('/readyz', (_req, res) => {
  res.json({ status: 'ready' });
});

app.post('/checkout/session', async (req, res) => {
  try {
    const answer = await fetch(`${primerUrl}/client-session`, {
      method: 'POST',
      headers: { 'X-Api-Key': apiKey, 'X-Api-Version': '2.4', 'Content-Type': 'application/json' },
      body: JSON.stringify({
        orderId: req.body.cartId,
        currencyCode: 'GBP',
        amount: 1000,
        order: { countryCode: 'GB', lineItems: [{ itemId: 'item-1', description: 'Item', amount: 1000, quantity: 1 }] },
      }),
    });
    const session = (await answer.json()) as { clientToken: string; clientTokenExpirationDate: string };
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
