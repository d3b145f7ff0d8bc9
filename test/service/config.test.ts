import { ConfigError, loadConfig } from '../../src/service/config';
import { assertFreshBuild, spawnService } from '../edge/support/service-process';

function problemsOf(env: Record<string, string>): readonly string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

const SECRET = 'sk live 8c1f0e5d3b2a';

const BAD_ENV = {
  PORT: '70000',
  PRIMER_API_KEY: SECRET,
  PRIMER_API_URL: 'ftp://primer.example',
  PRIMER_API_VERSION: 'latest',
  PRIMER_TIMEOUT_MS: 'soon',
  RATE_LIMIT_PER_MINUTE: '-1',
  CORS_ORIGINS: 'https://shop.example.com/, *',
  TRUST_PROXY: 'everyone',
  SHUTDOWN_TIMEOUT_MS: '1e4',
  LOG_LEVEL: 'loud',
  REDIS_URL: 'http://:8c1f0e5d3b2a@redis.internal:6379',
  REDIS_TIMEOUT_MS: '0',
  PRIMER_WEBHOOK_SECRETS: 'whsec_8c1f0e5d3b2a,,whsec_old',
  PRIMER_WEBHOOK_TOLERANCE_S: '0',
};

describe('loadConfig', () => {
  it('when nothing is set, then the contract defaults apply and demo mode is on', () => {
    const config = loadConfig({});

    expect(config).toMatchObject({
      port: 8080,
      host: '0.0.0.0',
      demoMode: true,
      corsOrigins: [],
      rateLimitPerMinute: 60,
      trustProxy: false,
      shutdownDelayMs: 0,
      shutdownTimeoutMs: 15_000,
      metricsPort: 9464,
      logLevel: 'info',
      primer: { apiUrl: 'https://api.sandbox.primer.io', apiVersion: '2.4', timeoutMs: 10_000, maxRetries: 2 },
      redis: { url: undefined, keyPrefix: 'checkout-session:', timeoutMs: 200 },
      webhooks: { secrets: [], toleranceS: 300 },
    });
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('when the edge settings are given, then they are parsed', () => {
    const config = loadConfig({ CORS_ORIGINS: 'https://shop.example.com, http://localhost:3000', RATE_LIMIT_PER_MINUTE: '0', TRUST_PROXY: '1', SHUTDOWN_TIMEOUT_MS: '2500' });

    expect(config.corsOrigins).toEqual(['https://shop.example.com', 'http://localhost:3000']);
    expect(config.rateLimitPerMinute).toBe(0);
    expect(config.trustProxy).toBe(1);
    expect(config.shutdownTimeoutMs).toBe(2500);
  });

  it.each([
    ['true', true],
    ['loopback', 'loopback'],
    ['10.0.0.0/8, 192.168.1.7', '10.0.0.0/8,192.168.1.7'],
  ])('when TRUST_PROXY is %s, then Express gets %p', (raw, expected) => {
    expect(loadConfig({ TRUST_PROXY: raw }).trustProxy).toEqual(expected);
  });

  it.each(['redis://:p4ss@redis.internal:6379/2', 'rediss://checkout:p4ss@redis.internal:6380'])('when REDIS_URL is %s, then it is taken as it is', (url) => {
    expect(loadConfig({ REDIS_URL: url, REDIS_KEY_PREFIX: 'shop-eu:', REDIS_TIMEOUT_MS: '150' }).redis).toEqual({ url, keyPrefix: 'shop-eu:', timeoutMs: 150 });
  });

  it.each(['redis.internal:6379', 'https://redis.internal', 'redis://', 'not a url'])('when REDIS_URL is %s, then start-up stops on it', (url) => {
    expect(problemsOf({ REDIS_URL: url }).map((problem) => problem.split(':')[0])).toEqual(['REDIS_URL']);
  });

  it('when the Redis key prefix has a space, then start-up stops on it', () => {
    expect(problemsOf({ REDIS_KEY_PREFIX: 'shop eu:' }).map((problem) => problem.split(':')[0])).toEqual(['REDIS_KEY_PREFIX']);
  });

  it('when webhook secrets are given during a rotation, then both are kept in order, trimmed', () => {
    expect(loadConfig({ PRIMER_WEBHOOK_SECRETS: ' whsec_new , whsec_old', PRIMER_WEBHOOK_TOLERANCE_S: '60' }).webhooks).toEqual({ secrets: ['whsec_new', 'whsec_old'], toleranceS: 60 });
  });

  it.each(['whsec_new,', ',whsec_new', 'whsec_new,,whsec_old', ' , ', 'whsec new'])('when PRIMER_WEBHOOK_SECRETS is %p, then start-up stops on it without echoing it', (raw) => {
    const problems = problemsOf({ PRIMER_WEBHOOK_SECRETS: raw });

    expect(problems.map((problem) => problem.split(':')[0])).toEqual(['PRIMER_WEBHOOK_SECRETS']);
    expect(problems.join('\n')).not.toContain('whsec');
  });

  it.each(['0', '3601', '-5', '5m'])('when PRIMER_WEBHOOK_TOLERANCE_S is %s, then start-up stops on it', (raw) => {
    expect(problemsOf({ PRIMER_WEBHOOK_TOLERANCE_S: raw }).map((problem) => problem.split(':')[0])).toEqual(['PRIMER_WEBHOOK_TOLERANCE_S']);
  });

  it('when many variables are bad, then every one is reported at once, one line each, by name', () => {
    const problems = problemsOf(BAD_ENV);

    const named = problems.map((problem) => problem.split(':')[0]);
    expect(named.sort()).toEqual(Object.keys(BAD_ENV).sort());
  });

  it('when a secret is bad, then its value appears in no problem line', () => {
    const problems = problemsOf(BAD_ENV);

    expect(problems.join('\n')).not.toContain('8c1f0e5d3b2a');
    expect(problems.some((problem) => problem.startsWith('PRIMER_API_KEY:'))).toBe(true);
  });

  it('when the order-service token and the connection bound are given, then they are taken; unset, there is no token and 256 connections', () => {
    expect(loadConfig({ ORDER_SERVICE_TOKEN: 'ost_abc.123', UPSTREAM_MAX_CONNECTIONS: '32' })).toMatchObject({ orders: { token: 'ost_abc.123' }, upstreamMaxConnections: 32 });
    expect(loadConfig({})).toMatchObject({ orders: { token: undefined }, upstreamMaxConnections: 256 });
  });

  it('when the order-service token has a space or the connection bound is 0, then both are reported and the token is not echoed', () => {
    const problems = problemsOf({ ORDER_SERVICE_TOKEN: 'ost secret-77e1', UPSTREAM_MAX_CONNECTIONS: '0' });

    expect(problems.map((problem) => problem.split(':')[0]).sort()).toEqual(['ORDER_SERVICE_TOKEN', 'UPSTREAM_MAX_CONNECTIONS']);
    expect(problems.join('\n')).not.toContain('secret-77e1');
  });

  it('when NODE_ENV is production without the Primer key and order service, then both are reported', () => {
    const problems = problemsOf({ NODE_ENV: 'production' });

    expect(problems.map((problem) => problem.split(':')[0]).sort()).toEqual(['ORDER_SERVICE_URL', 'PRIMER_API_KEY']);
  });

  it('when the Primer key is set without an order service, then start-up stops on ORDER_SERVICE_URL', () => {
    expect(problemsOf({ PRIMER_API_KEY: 'sk_test_real_key' })).toEqual(['ORDER_SERVICE_URL: required when PRIMER_API_KEY is set, unless DEMO_CARTS=true']);
  });

  it('when the Primer key is set without an order service but DEMO_CARTS=true, then the built-in carts are allowed', () => {
    const config = loadConfig({ PRIMER_API_KEY: 'sk_test_real_key', DEMO_CARTS: 'true' });

    expect(config).toMatchObject({ demoMode: false, orders: { url: undefined } });
  });

  it('when NODE_ENV is production and DEMO_CARTS=true, then start-up stops on DEMO_CARTS and still on ORDER_SERVICE_URL', () => {
    const problems = problemsOf({ NODE_ENV: 'production', PRIMER_API_KEY: 'sk_live_key', DEMO_CARTS: 'true' });

    expect(problems.map((problem) => problem.split(':')[0]).sort()).toEqual(['DEMO_CARTS', 'ORDER_SERVICE_URL']);
  });

  it('when the shutdown and metrics settings are given, then they are parsed, and bad ones are named', () => {
    expect(loadConfig({ SHUTDOWN_DELAY_MS: '5000', METRICS_PORT: '9100' })).toMatchObject({ shutdownDelayMs: 5000, metricsPort: 9100 });
    expect(problemsOf({ SHUTDOWN_DELAY_MS: '-1', METRICS_PORT: '65536', DEMO_CARTS: 'yes' }).map((problem) => problem.split(':')[0])).toEqual(['DEMO_CARTS', 'SHUTDOWN_DELAY_MS', 'METRICS_PORT']);
  });
});

describe('node dist/main.js with a bad environment', () => {
  beforeAll(() => assertFreshBuild());

  it('when variables are bad, then it exits 1 with one stderr line per bad variable and no secret', async () => {
    const service = spawnService(BAD_ENV);

    const { code } = await service.exited;

    expect(code).toBe(1);
    const lines = service.stderr().trim().split('\n');
    expect(lines).toHaveLength(Object.keys(BAD_ENV).length);
    for (const name of Object.keys(BAD_ENV)) expect(lines.filter((line) => line.includes(`${name}:`))).toHaveLength(1);
    expect(service.stderr() + service.lines.join('\n')).not.toContain('8c1f0e5d3b2a');
  });

  it('when a real Primer key comes without ORDER_SERVICE_URL or DEMO_CARTS, then it exits 1 with one line naming ORDER_SERVICE_URL', async () => {
    const service = spawnService({ PRIMER_API_KEY: 'sk_live_fail_closed_9d8c' });

    const { code } = await service.exited;

    expect(code).toBe(1);
    expect(service.stderr().trim().split('\n')).toEqual(['config: ORDER_SERVICE_URL: required when PRIMER_API_KEY is set, unless DEMO_CARTS=true']);
    expect(service.lines).toEqual([]);
  });
});
