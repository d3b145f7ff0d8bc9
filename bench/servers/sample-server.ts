import express from 'express';

export interface SampleSession {
  clientToken: string;
  clientTokenExpirationDate: string;
}

// How the sample-style peers are served, as Primer's samples serve: Express with its defaults, the body parsed as JSON,
// the session's two fields answered (500 on any failure); /readyz for the bench, SIGTERM to stop.
export function serveSample(openSession: (cartId: unknown) => Promise<SampleSession>): void {
  const app = express();
  app.use(express.json());
  app.get('/readyz', (_req, res) => {
    res.json({ status: 'ready' });
  });
  app.post('/checkout/session', async (req, res) => {
    try {
      const session = await openSession(req.body.cartId);
      res.json({ clientToken: session.clientToken, clientTokenExpirationDate: session.clientTokenExpirationDate });
    } catch {
      res.status(500).json({ error: 'could not create a client session' });
    }
  });
  const server = app.listen(Number(process.env.PORT), '127.0.0.1');
  process.once('SIGTERM', () => {
    server.close(() => process.exit(0));
    server.closeAllConnections();
  });
}
