import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { assertFreshBuild, startService, type ServiceProcess } from './support/service-process';

const ROOT = path.resolve(__dirname, '../..');
const DEMO_DIST = path.join(ROOT, 'dist', 'demo') + path.sep;
const PRELOAD = path.join(__dirname, 'support', 'record-loaded-modules.js');
const PRODUCTION = { NODE_ENV: 'production', PRIMER_API_KEY: 'sk_test_modules_1a2b3c', ORDER_SERVICE_URL: 'http://127.0.0.1:9', PRIMER_API_URL: 'http://127.0.0.1:9' };

// The SDK, its exporters and resource detection: loaded only when spans are exported.
const OTEL_SDK = /@opentelemetry[/\\](sdk-trace|exporter-|otlp-|resources)/;
// The Redis client and its rate limit store: loaded only with REDIS_URL.
const REDIS_CLIENT = /node_modules[/\\](ioredis|rate-limit-redis)[/\\]/;
// What compiles a schema: the build compiles the cart's ahead of time (scripts/precompile-validators.mjs).
const SCHEMA_COMPILER = /node_modules[/\\](ajv|ajv-formats|@sinclair[/\\]typebox)[/\\]/;

// The production start's modules, recorded once for the checks that read them.
let production: string[];

beforeAll(async () => {
  assertFreshBuild();
  production = await modulesLoadedBy(PRODUCTION);
});

// Starts the built service with the recorder preloaded, sends one checkout request, stops it with SIGTERM and
// returns every module file it loaded.
async function modulesLoadedBy(env: Record<string, string>): Promise<string[]> {
  const workDir = mkdtempSync(path.join(tmpdir(), 'loaded-modules-'));
  try {
    const file = path.join(workDir, 'modules.txt');
    const service: ServiceProcess = await startService({ ...env, NODE_OPTIONS: `--require ${PRELOAD}`, LOADED_MODULES_FILE: file });
    await fetch(`${service.url}/checkout/session`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"cartId":"demo-gbp"}' });
    service.child.kill('SIGTERM');
    const { code } = await service.exited;
    expect(code).toBe(0);
    return readFileSync(file, 'utf8').split('\n');
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}

describe('modules the built process loads', () => {
  it('when it runs in production mode, then nothing under dist/demo, no Primer payload schema (only the emulator validates with them) and no checkout page package loads', () => {
    expect(production.some((file) => file.endsWith(path.join('dist', 'main.js')))).toBe(true);
    expect(production.filter((file) => file.startsWith(DEMO_DIST))).toEqual([]);
    expect(production.filter((file) => file.includes(`${path.sep}@primer-io${path.sep}`))).toEqual([]);
    expect(production.filter((file) => file.endsWith('client-session-request.js'))).toEqual([]);
  });

  it('when no OTLP endpoint is set, then neither the tracing SDK nor an exporter loads', () => {
    expect(production.filter((file) => OTEL_SDK.test(file))).toEqual([]);
  });

  it('when REDIS_URL is unset, then neither ioredis nor the Redis rate limit store loads', () => {
    expect(production.filter((file) => REDIS_CLIENT.test(file))).toEqual([]);
  });

  it('when REDIS_URL is set, then ioredis does load (so the check above can fail)', async () => {
    const loaded = await modulesLoadedBy({ ...PRODUCTION, REDIS_URL: 'redis://127.0.0.1:9' });

    expect(loaded.filter((file) => REDIS_CLIENT.test(file)).length).toBeGreaterThan(0);
  });

  it('when it runs in production mode, then neither Ajv nor TypeBox loads: the build compiled the cart validator ahead of time', () => {
    expect(production.filter((file) => SCHEMA_COMPILER.test(file))).toEqual([]);
  });

  it('when an OTLP endpoint is set, then the SDK and its exporter do load (so the check above can fail)', async () => {
    const loaded = await modulesLoadedBy({ ...PRODUCTION, OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:9' });

    expect(loaded.filter((file) => OTEL_SDK.test(file)).length).toBeGreaterThan(0);
  });

  it('when it runs in demo mode, then the recorder sees the demo wing load (so the check above can fail)', async () => {
    const loaded = await modulesLoadedBy({});

    expect(loaded.filter((file) => file.startsWith(DEMO_DIST)).length).toBeGreaterThan(0);
    // The demo world still reads its control and payment-event bodies with Ajv (so the schema compiler check above can fail).
    expect(loaded.filter((file) => SCHEMA_COMPILER.test(file)).length).toBeGreaterThan(0);
  });
});
