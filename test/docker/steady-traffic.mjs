/* global fetch, AbortSignal */
// Used by smoke.sh on the host: node steady-traffic.mjs BASE_URL CLIENTS SECONDS
// CLIENTS closed-loop clients each send POST /checkout/session (demo carts in turn) until SECONDS are over; one JSON line:
// {"requests": 4210, "statuses": {"200": 4210}, "errors": {}, "failed": 0, "slowestMs": 2113}.
// A failed request is any answer but 200, or no answer at all.
const [baseUrl, clients = '8', seconds = '20'] = process.argv.slice(2);
if (!baseUrl) {
  process.stderr.write('usage: steady-traffic.mjs BASE_URL CLIENTS SECONDS\n');
  process.exit(2);
}

const CARTS = ['demo-gbp', 'demo-jpy', 'demo-kwd', 'demo-unicode'];
const endsAt = Date.now() + Number(seconds) * 1000;
const statuses = {};
const errors = {};
let requests = 0;
let slowestMs = 0;

async function client(n) {
  for (let i = 0; Date.now() < endsAt; i += 1) {
    const started = Date.now();
    requests += 1;
    try {
      const response = await fetch(`${baseUrl}/checkout/session`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ cartId: CARTS[(n + i) % CARTS.length] }),
        signal: AbortSignal.timeout(40_000),
      });
      await response.arrayBuffer();
      statuses[response.status] = (statuses[response.status] ?? 0) + 1;
    } catch (error) {
      const code = error.cause?.code ?? error.name;
      errors[code] = (errors[code] ?? 0) + 1;
    }
    slowestMs = Math.max(slowestMs, Date.now() - started);
  }
}

await Promise.all(Array.from({ length: Number(clients) }, (_, n) => client(n)));
const failed = requests - (statuses[200] ?? 0);
process.stdout.write(`${JSON.stringify({ requests, statuses, errors, failed, slowestMs })}\n`);
