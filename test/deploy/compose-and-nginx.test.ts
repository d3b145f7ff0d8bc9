import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { loadConfig } from '../../src/service/config';
import { SHUTDOWN_OVERRUN_MS } from '../../src/service/lifecycle/graceful-shutdown';

const ROOT = path.resolve(__dirname, '../..');

interface ComposeService {
  environment?: Record<string, string | null>;
  ports?: string[];
  stop_grace_period?: string;
}

const composeFiles = ['docker-compose.yml', 'docker-compose.replicas.yml'];
const bffOf = (file: string): ComposeService =>
  (parse(readFileSync(path.join(ROOT, file), 'utf8'), { merge: true }) as { services: Record<string, ComposeService> }).services['bff']!;

// The environment compose hands bff with no .env and an empty shell: `${X:-default}` is its default, a bare name is unset.
function composedEnvironment(service: ComposeService): Record<string, string> {
  const entries = Object.entries(service.environment ?? {}).flatMap(([name, value]) => {
    if (value === null) return [];
    return [[name, value.replace(/\$\{[A-Z_]+:-([^}]*)\}/g, '$1')]];
  });
  return Object.fromEntries(entries) as Record<string, string>;
}

const seconds = (duration: string | undefined) => Number(/^(\d+)s$/.exec(duration ?? '')?.[1] ?? NaN);

describe.each(composeFiles)('%s', (file) => {
  const bff = bffOf(file);
  const config = loadConfig(composedEnvironment(bff));

  it('when bff is stopped, then stop_grace_period outlasts SHUTDOWN_DELAY_MS, SHUTDOWN_TIMEOUT_MS and the cleanup margin', () => {
    expect(seconds(bff.stop_grace_period) * 1000).toBeGreaterThanOrEqual(config.shutdownDelayMs + config.shutdownTimeoutMs + SHUTDOWN_OVERRUN_MS);
  });

  it('when bff starts, then it is production with the order service (no built-in carts), and publishes at most the API port', () => {
    expect(config).toMatchObject({ production: true, demoMode: false });
    expect(config.orders.url).toBeDefined();
    expect(config.metricsPort).not.toBe(config.port);
    expect((bff.ports ?? []).filter((port) => !port.endsWith(`:${config.port}`))).toEqual([]);
  });
});

describe('deploy/nginx/checkout-session.conf', () => {
  const conf = readFileSync(path.join(ROOT, 'deploy/nginx/checkout-session.conf'), 'utf8').replace(/#.*$/gm, '');
  // Each `location … {` with its body (the conf nests no blocks inside a location).
  const locations = [...conf.matchAll(/location\s+([^{]+?)\s*\{([^}]*)\}/g)].map(([, match = '', body = '']) => ({ match, body }));
  // The location nginx picks for a URI: an exact match, else the first matching regex, else the longest prefix.
  const chosen = (uri: string) => {
    const parsed = locations.map((location) => {
      const [modifier, pattern = ''] = location.match.includes(' ') ? location.match.split(/\s+/) : ['', location.match];
      return { ...location, modifier, pattern };
    });
    const prefixes = parsed.filter((location) => location.modifier === '' && uri.startsWith(location.pattern)).sort((a, b) => b.pattern.length - a.pattern.length);
    return (
      parsed.find((location) => location.modifier === '=' && location.pattern === uri) ??
      parsed.find((location) => location.modifier === '~' && new RegExp(location.pattern).test(uri)) ??
      prefixes[0]
    );
  };
  const resent = (uri: string) => /proxy_next_upstream\s[^;]*non_idempotent/.test(chosen(uri)?.body ?? '');

  it('when a replica dies mid-request, then the idempotent POST routes, and only they, are sent again to another replica, within bounded tries and time', () => {
    expect(['/checkout/session', '/checkout/payment', '/webhooks/primer'].filter((uri) => !resent(uri))).toEqual([]);
    expect(['/', '/checkout/session/x', '/checkout', '/webhooks/other', '/demo/carts/demo-gbp/lines/1'].filter(resent)).toEqual([]);
    expect(conf).toMatch(/proxy_next_upstream_tries\s+[2-5];/);
    expect(conf).toMatch(/proxy_next_upstream_timeout\s+\d+s;/);
    expect(conf).not.toMatch(/proxy_next_upstream\s[^;]*http_50[234]/);
  });

  it('when anything is proxied, then it goes to the replicas API port, never their metrics port, and /metrics is answered 404 by nginx itself', () => {
    const { port, metricsPort } = loadConfig(composedEnvironment(bffOf('docker-compose.replicas.yml')));
    const metrics = chosen('/metrics')?.body ?? '';

    expect([...conf.matchAll(/set \$bff http:\/\/bff:(\d+);/g)].map((match) => Number(match[1]))).toEqual([port]);
    expect(conf).not.toContain(`:${metricsPort}`);
    expect(metrics).toMatch(/return 404 /);
    expect(metrics).not.toMatch(/proxy_pass/);
  });
});
