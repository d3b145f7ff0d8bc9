import { serveSample, type SampleSession } from './sample-server';

// The one-call peer: a sample server as Primer's own quick starts write it (Express with its defaults, global `fetch`),
// one Primer call per request and nothing else: no cart, no checks, no reuse. The service's warm path, which answers
// from reuse without calling Primer at all, should cost no more than this.
const primerUrl = process.env.PRIMER_API_URL;
const apiKey = process.env.PRIMER_API_KEY ?? '';

serveSample(async (cartId) => {
  const answer = await fetch(`${primerUrl}/client-session`, {
    method: 'POST',
    headers: { 'X-Api-Key': apiKey, 'X-Api-Version': '2.4', 'Content-Type': 'application/json' },
    body: JSON.stringify({
      orderId: cartId,
      currencyCode: 'GBP',
      amount: 1000,
      order: { countryCode: 'GB', lineItems: [{ itemId: 'item-1', description: 'Item', amount: 1000, quantity: 1 }] },
    }),
  });
  return (await answer.json()) as SampleSession;
});
