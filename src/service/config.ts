import { isIP } from 'node:net';

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
export type TrustProxy = boolean | number | string;

export interface Config {
  readonly port: number;
  readonly host: string;
  readonly production: boolean;
  // Which world runs is decided here once, and main.ts and compose-app.ts follow it (README.md, "Configuration").
  // No Primer key outside production: run against the in-process emulator.
  readonly demoMode: boolean;
  // The demo checkout page at / (DEMO_PAGE).
  readonly demoPage: boolean;
  // The order service at ORDER_SERVICE_URL, or the built-in demo carts (demo mode, or DEMO_CARTS=true).
  readonly carts: 'order-service' | 'built-in';
  // The demo wing (src/demo) runs when it stands in for Primer or the order service, or serves the page.
  readonly demoWorld: boolean;
  // SESSION_REUSE_MIN_TTL_S=0 turns reuse off: no token is cached, and each replica calls Primer itself.
  readonly tokenReuse: boolean;
  readonly primer: {
    readonly apiKey: string | undefined;
    readonly apiUrl: string;
    readonly apiVersion: string;
    readonly timeoutMs: number;
    readonly maxRetries: number;
    readonly breakerFailures: number;
    readonly breakerResetMs: number;
  };
  readonly orders: {
    readonly url: string | undefined;
    readonly timeoutMs: number;
    // Bearer token sent on payment notifications; a secret, never logged.
    readonly token: string | undefined;
  };
  // Open connections per upstream (Primer, the order service); a call finding all busy waits within its budget.
  // The default of 256 is argued in docs/resilience.md, "Connections".
  readonly upstreamMaxConnections: number;
  // Primer's signed webhooks (docs/payments.md); no secrets turns POST /webhooks/primer off.
  readonly webhooks: {
    readonly secrets: readonly string[];
    readonly toleranceS: number;
  };
  readonly corsOrigins: readonly string[];
  readonly rateLimitPerMinute: number;
  readonly trustProxy: TrustProxy;
  readonly sessionReuseMinTtlS: number;
  // After SIGTERM/SIGINT: how long the listener keeps accepting, then the drain budget once it closed (docs/operations.md, "Shutdown").
  readonly shutdownDelayMs: number;
  readonly shutdownTimeoutMs: number;
  // The listener that serves /metrics; equal to a non-zero `port`, the one listener serves both.
  readonly metricsPort: number;
  readonly logLevel: LogLevel;
  // Shared state for several replicas (docs/deployment.md, "Several replicas"); no URL keeps it in process memory.
  readonly redis: {
    readonly url: string | undefined;
    readonly keyPrefix: string;
    readonly timeoutMs: number;
  };
}

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`invalid configuration:\n${problems.join('\n')}`);
    this.name = 'ConfigError';
  }
}

type Env = Readonly<Record<string, string | undefined>>;

const LOG_LEVELS: readonly LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];
const API_VERSION = /^(\d+\.\d+|\d{4}-\d{2}-\d{2})$/;
const ORIGIN = /^https?:\/\/[A-Za-z0-9.-]+(:\d{1,5})?$/;
const TRUST_PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

// Reads every variable, collects every problem, and only then fails: one line per bad variable, never a value.
export function loadConfig(env: Env): Config {
  const problems: string[] = [];
  const read = <T>(name: string, fallback: T, parse: (raw: string) => T | undefined, rule: string): T => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const value = parse(raw.trim());
    if (value === undefined) problems.push(`${name}: ${rule}`);
    return value ?? fallback;
  };
  const int = (min: number, max: number) => (raw: string) => {
    const value = /^\d+$/.test(raw) ? Number(raw) : NaN;
    return Number.isSafeInteger(value) && value >= min && value <= max ? value : undefined;
  };

  const production = env['NODE_ENV'] === 'production';
  const apiKey = read('PRIMER_API_KEY', undefined, (raw) => (/^\S+$/.test(raw) ? raw : undefined), 'must not contain white space');
  const ordersUrl = read('ORDER_SERVICE_URL', undefined, httpUrl, 'must be an http(s) URL');
  if (production && !apiKey) problems.push('PRIMER_API_KEY: required when NODE_ENV=production');
  if (production && !ordersUrl) problems.push('ORDER_SERVICE_URL: required when NODE_ENV=production');
  // Fail closed (README.md, "Configuration"): a real key prices the built-in demo carts only when asked to, and never in production.
  const demoCarts = read('DEMO_CARTS', false, bool, 'must be true or false');
  if (production && demoCarts) problems.push('DEMO_CARTS: not allowed when NODE_ENV=production');
  if (!production && apiKey && !ordersUrl && !demoCarts) problems.push('ORDER_SERVICE_URL: required when PRIMER_API_KEY is set, unless DEMO_CARTS=true');

  const demoMode = !production && !apiKey;
  const settings: Omit<Config, 'demoWorld' | 'tokenReuse'> = {
    port: read('PORT', 8080, int(0, 65535), 'must be an integer from 0 to 65535'),
    host: read('HOST', '0.0.0.0', (raw) => (isIP(raw) || /^[A-Za-z0-9.-]+$/.test(raw) ? raw : undefined), 'must be an IP address or host name'),
    production,
    demoMode,
    demoPage: read('DEMO_PAGE', demoMode, bool, 'must be true or false'),
    carts: ordersUrl ? 'order-service' : 'built-in',
    primer: {
      apiKey,
      apiUrl: read('PRIMER_API_URL', 'https://api.sandbox.primer.io', httpUrl, 'must be an http(s) URL'),
      apiVersion: read('PRIMER_API_VERSION', '2.4', (raw) => (API_VERSION.test(raw) ? raw : undefined), 'must look like 2.4 or a YYYY-MM-DD date'),
      timeoutMs: read('PRIMER_TIMEOUT_MS', 10_000, int(100, 120_000), 'must be an integer from 100 to 120000 (ms)'),
      maxRetries: read('PRIMER_MAX_RETRIES', 2, int(0, 10), 'must be an integer from 0 to 10'),
      breakerFailures: read('PRIMER_BREAKER_FAILURES', 5, int(0, 1000), 'must be an integer from 0 to 1000 (0 turns the breaker off)'),
      breakerResetMs: read('PRIMER_BREAKER_RESET_MS', 30_000, int(100, 3_600_000), 'must be an integer from 100 to 3600000 (ms)'),
    },
    orders: {
      url: ordersUrl,
      timeoutMs: read('ORDER_SERVICE_TIMEOUT_MS', 3_000, int(50, 60_000), 'must be an integer from 50 to 60000 (ms)'),
      token: read('ORDER_SERVICE_TOKEN', undefined, (raw) => (/^[\x21-\x7e]+$/.test(raw) ? raw : undefined), 'must be printable characters without spaces'),
    },
    upstreamMaxConnections: read('UPSTREAM_MAX_CONNECTIONS', 256, int(1, 10_000), 'must be an integer from 1 to 10000'),
    webhooks: {
      secrets: read('PRIMER_WEBHOOK_SECRETS', [], webhookSecrets, 'must be a comma-separated list of secrets, none empty or containing white space'),
      toleranceS: read('PRIMER_WEBHOOK_TOLERANCE_S', 300, int(1, 3_600), 'must be an integer from 1 to 3600 (s)'),
    },
    corsOrigins: read('CORS_ORIGINS', [], origins, 'must be a comma-separated list of origins such as https://shop.example.com'),
    rateLimitPerMinute: read('RATE_LIMIT_PER_MINUTE', 60, int(0, 1_000_000), 'must be an integer from 0 to 1000000 (0 turns it off)'),
    trustProxy: read('TRUST_PROXY', false, trustProxy, 'must be true, false, a hop count, or a comma-separated list of IPs, subnets or loopback/linklocal/uniquelocal'),
    sessionReuseMinTtlS: read('SESSION_REUSE_MIN_TTL_S', 3_600, int(0, 86_400), 'must be an integer from 0 to 86400 (s; 0 turns reuse off)'),
    shutdownDelayMs: read('SHUTDOWN_DELAY_MS', 0, int(0, 600_000), 'must be an integer from 0 to 600000 (ms)'),
    // Covers the default order-service (3 s) and Primer (10 s) budgets together, so a drain never cuts a checkout short.
    shutdownTimeoutMs: read('SHUTDOWN_TIMEOUT_MS', 15_000, int(0, 600_000), 'must be an integer from 0 to 600000 (ms)'),
    metricsPort: read('METRICS_PORT', 9464, int(0, 65535), 'must be an integer from 0 to 65535'),
    logLevel: read('LOG_LEVEL', 'info', (raw) => LOG_LEVELS.find((level) => level === raw), `must be one of ${LOG_LEVELS.join(', ')}`),
    redis: {
      url: read('REDIS_URL', undefined, redisUrl, 'must be a redis:// or rediss:// URL with a host'),
      keyPrefix: read('REDIS_KEY_PREFIX', 'checkout-session:', (raw) => (/^[\x21-\x7e]{1,64}$/.test(raw) ? raw : undefined), 'must be 1 to 64 printable characters without spaces'),
      timeoutMs: read('REDIS_TIMEOUT_MS', 200, int(10, 10_000), 'must be an integer from 10 to 10000 (ms)'),
    },
  };

  if (problems.length > 0) throw new ConfigError(problems);
  const { demoPage, carts, sessionReuseMinTtlS } = settings;
  return Object.freeze({ ...settings, demoWorld: demoMode || demoPage || carts === 'built-in', tokenReuse: sessionReuseMinTtlS > 0 });
}

function httpUrl(raw: string): string | undefined {
  try {
    const url = new URL(raw);
    return (url.protocol === 'http:' || url.protocol === 'https:') && !url.username && !url.password ? raw.replace(/\/+$/, '') : undefined;
  } catch {
    return undefined;
  }
}

// User and password may sit in the URL; the problem line names the variable only, never the value.
function redisUrl(raw: string): string | undefined {
  try {
    const url = new URL(raw);
    return (url.protocol === 'redis:' || url.protocol === 'rediss:') && url.hostname !== '' ? raw : undefined;
  } catch {
    return undefined;
  }
}

function bool(raw: string): boolean | undefined {
  return raw === 'true' ? true : raw === 'false' ? false : undefined;
}

function origins(raw: string): string[] | undefined {
  const list = raw.split(',').map((origin) => origin.trim()).filter(Boolean);
  return list.every((origin) => ORIGIN.test(origin)) ? list : undefined;
}

// During a rotation both the new and the old secret are listed; an empty entry is a typo, not a secret.
function webhookSecrets(raw: string): string[] | undefined {
  const list = raw.split(',').map((secret) => secret.trim());
  return list.every((secret) => /^\S+$/.test(secret)) ? list : undefined;
}

function trustProxy(raw: string): TrustProxy | undefined {
  if (raw === 'true' || raw === 'false') return raw === 'true';
  if (/^\d{1,2}$/.test(raw)) return Number(raw);
  const entries = raw.split(',').map((entry) => entry.trim());
  const valid = entries.every((entry) => TRUST_PROXY_NAMES.has(entry) || isIP(entry.split('/')[0] ?? '') !== 0);
  return valid ? entries.join(',') : undefined;
}
