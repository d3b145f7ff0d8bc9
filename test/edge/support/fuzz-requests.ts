import { gzipSync } from 'node:zlib';

export interface FuzzRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: Buffer | undefined;
  // True only when every part is what the contract accepts; anything else must never reach an upstream.
  wellFormed: boolean;
  note: string;
}

// mulberry32: small, fast, and the same sequence for the same seed on every machine.
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CART_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$/;
const ROUTE_PATHS = ['/checkout/session', '/checkout/session/', '/checkout/session?debug=1', '/CHECKOUT/SESSION'];
const OTHER_PATHS = ['/checkout', '/checkout/session/x', '/checkout//session', '/checkout/session/..', '/%2e%2e/checkout/session', '/checkout%2Fsession', '/healthz', '/readyz', '/metrics', '/', '/admin', '/carts/demo-gbp', '/.env', '/checkout/session%00'];
const METHODS = ['GET', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD', 'SEARCH', 'PROPFIND', 'TRACE', 'LOCK'];
const JSON_TYPES = ['application/json', 'application/json; charset=utf-8', 'Application/JSON'];
const OTHER_TYPES = ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=zz', 'application/json; charset=iso-8859-1', 'application/jsonx', 'application/xml', 'text/json', '*/*', ';;;', 'application/json, text/html'];
const GOOD_CART_IDS = ['demo-gbp', 'demo-jpy', 'demo-kwd', 'demo-unicode', 'demo-empty', 'demo-mismatch', 'no-such-cart', 'A', 'x_1-2'];
const HOSTILE_PIECES = ['..', '/', '\\', '%2e', '%2F', '?', '#', '\u0000', '\n', ' ', 'é', '💳', '<', '"', "'", '${', '{{', ';', '&', '=', '*', '@', ':', '.'];

export function fuzzRequests(seed: number, count: number): FuzzRequest[] {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const chance = (p: number) => random() < p;
  const text = (length: number, alphabet: string) => Array.from({ length }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');

  const cartId = (): { value: unknown; good: boolean } => {
    const roll = random();
    if (roll < 0.45) return { value: pick(GOOD_CART_IDS), good: true };
    if (roll < 0.75) {
      const value = pick(GOOD_CART_IDS).slice(0, 1 + Math.floor(random() * 6)) + pick(HOSTILE_PIECES) + text(Math.floor(random() * 6), 'ab-_9');
      return { value, good: CART_ID.test(value) };
    }
    if (roll < 0.8) {
      const value = 'a'.repeat(120 + Math.floor(random() * 20));
      return { value, good: CART_ID.test(value) };
    }
    return { value: pick<unknown>([42, -1, null, true, [], ['demo-gbp'], { id: 'demo-gbp' }, '', 1e308]), good: false };
  };

  const jsonValue = (depth: number): unknown => {
    const roll = random();
    if (depth > 4 || roll < 0.3) return pick<unknown>([0, -0.5, 'x', '', null, false, 1e21, '\u2028', text(8, 'az09%$')]);
    if (roll < 0.65) return Array.from({ length: Math.floor(random() * 4) }, () => jsonValue(depth + 1));
    return Object.fromEntries(Array.from({ length: Math.floor(random() * 4) }, () => [pick(['cartId', 'amount', '__proto__', 'constructor', text(4, 'abc')]), jsonValue(depth + 1)]));
  };

  const body = (): { bytes: Buffer | undefined; good: boolean; note: string } => {
    const roll = random();
    if (roll < 0.55) {
      const id = cartId();
      const extra = chance(0.3) ? { amount: 1, currencyCode: 'USD', lineItems: [{ amount: 1 }] } : {};
      return { bytes: Buffer.from(JSON.stringify({ ...extra, cartId: id.value })), good: id.good, note: `cartId ${JSON.stringify(id.value)}` };
    }
    if (roll < 0.7) return { bytes: Buffer.from(JSON.stringify(jsonValue(0))), good: false, note: 'random JSON' };
    if (roll < 0.78) return { bytes: Buffer.from(text(1 + Math.floor(random() * 64), '{}[]",:abc\\0 \u00ff')), good: false, note: 'junk' };
    if (roll < 0.83) return { bytes: Buffer.from(`{"cartId":"demo-gbp","pad":"${'x'.repeat(16 * 1024)}"}`), good: false, note: 'over 16 KiB' };
    if (roll < 0.88) {
      const depth = 1 + Math.floor(random() * 7000);
      return { bytes: Buffer.from(`{"cartId":"demo-gbp","n":${'['.repeat(depth)}${']'.repeat(depth)}}`), good: depth * 2 + 30 <= 16 * 1024, note: `nesting ${depth}` };
    }
    if (roll < 0.93) return { bytes: Buffer.alloc(0), good: false, note: 'empty' };
    return { bytes: undefined, good: false, note: 'no body' };
  };

  const headers = (): Record<string, string> => {
    const out: Record<string, string> = {};
    if (chance(0.5)) out['X-Request-Id'] = pick(['req-fuzz-0000001', 'x', 'a'.repeat(200), '<svg onload=1>', text(12, 'abc-_.:/ ')]);
    if (chance(0.3)) out['Cookie'] = `sid=${text(16, 'abcdef0123456789')}`;
    if (chance(0.3)) out['Authorization'] = pick(['Bearer abc', 'Basic Zm9vOmJhcg==', 'x'.repeat(500)]);
    if (chance(0.2)) out['X-Forwarded-For'] = pick(['203.0.113.9', 'not-an-ip', '1.1.1.1, 2.2.2.2', '::1']);
    if (chance(0.2)) out['Origin'] = pick(['https://shop.example.com', 'null', 'https://evil.example']);
    if (chance(0.1)) out['Accept'] = pick(['text/html', '*/*', 'application/problem+json']);
    return out;
  };

  return Array.from({ length: count }, () => {
    const onRoute = chance(0.8);
    const path = onRoute ? pick(ROUTE_PATHS) : pick(OTHER_PATHS);
    const method = chance(0.75) ? 'POST' : pick(METHODS);
    const jsonType = chance(0.8);
    const made = body();
    const out = headers();
    let bytes = made.bytes;
    let encodingGood = true;
    if (bytes !== undefined && chance(0.05)) {
      const encoding = pick(['gzip', 'gzip-junk', 'br', 'x-custom']);
      out['Content-Encoding'] = encoding === 'gzip-junk' ? 'gzip' : encoding;
      if (encoding === 'gzip') bytes = gzipSync(bytes);
      encodingGood = encoding === 'gzip';
    }
    if (bytes !== undefined && chance(0.95)) out['Content-Type'] = jsonType ? pick(JSON_TYPES) : pick(OTHER_TYPES);
    const typed = out['Content-Type'] !== undefined && jsonType;
    const wellFormed = onRoute && method === 'POST' && typed && made.good && encodingGood;
    const note = `${method} ${path} type=${out['Content-Type'] ?? '-'} encoding=${out['Content-Encoding'] ?? '-'} ${made.note}`;
    return { method, path, headers: out, body: bytes, wellFormed, note };
  });
}
