/* global fetch, AbortSignal */
// Used by smoke.sh on the host and, piped to `docker exec -i … node -`, inside a container (which holds no tests):
//   node post-sessions.mjs BASE_URL CART_ID [COUNT] [CONCURRENCY] [X-Forwarded-For]
// sends COUNT POST /checkout/session for one cart, CONCURRENCY at a time, and prints one JSON line:
// {"statuses": {"200": 18, "429": 2}, "tokens": [the distinct client tokens]}.
const [baseUrl, cartId, count = '1', concurrency = '1', forwardedFor] = process.argv.slice(2);
if (!baseUrl || !cartId) {
  process.stderr.write('usage: post-sessions.mjs BASE_URL CART_ID [COUNT] [CONCURRENCY] [X-Forwarded-For]\n');
  process.exit(2);
}

const headers = { 'Content-Type': 'application/json', ...(forwardedFor ? { 'X-Forwarded-For': forwardedFor } : {}) };
const statuses = {};
const tokens = new Set();
let left = Number(count);

async function postOne() {
  const response = await fetch(`${baseUrl}/checkout/session`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ cartId }),
    signal: AbortSignal.timeout(20_000),
  });
  const body = await response.json().catch(() => ({}));
  statuses[response.status] = (statuses[response.status] ?? 0) + 1;
  if (response.status === 200) tokens.add(body.clientToken);
}

// Each worker sends one request at a time until COUNT are sent; a failed connection counts as status 0.
async function worker() {
  while (left > 0) {
    left -= 1;
    await postOne().catch(() => {
      statuses[0] = (statuses[0] ?? 0) + 1;
    });
  }
}

await Promise.all(Array.from({ length: Number(concurrency) }, worker));
process.stdout.write(`${JSON.stringify({ statuses, tokens: [...tokens] })}\n`);
