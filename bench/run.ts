import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { readBenchOptions, type BenchOptions } from './bench-options';
import { cpuMsOf } from './harness/cpu-time';
import { driveLoad } from './harness/load';
import { startRedis, type RedisProcess } from './harness/redis-process';
import { sampleRss } from './harness/rss-sampler';
import { startServer, type RunningServer, type ServerSpec } from './harness/server-process';
import { ROOT, serviceSpec } from './harness/service-spec';
import { startUpstreams, type UpstreamsProcess } from './harness/upstreams-process';
import type { BenchReport, RunId, RunResult, ServerName } from './report/bench-report';
import { combineRounds, median } from './report/combine-rounds';
import { goalsFor } from './report/goals';
import { chosenRows, lastRunOf, RUN_PLAN } from './plan';
import { renderReport } from './report/render-table';

const SETTLE_MS = 300;
const WARM_CART = 'bench-warm';

// Every server a plan row may name; a variant of the service (another env) is one more entry.
function specs(upstreams: UpstreamsProcess, options: BenchOptions, redis: RedisProcess | undefined): Record<ServerName, ServerSpec> {
  const upstreamEnv = { PRIMER_API_URL: upstreams.primerUrl, ORDER_SERVICE_URL: upstreams.ordersUrl, PRIMER_API_KEY: 'bench-key' };
  const service = serviceSpec(upstreams, options.service, options.logLevel);
  return {
    service,
    // The cost of tracing with no endpoint and of the request lines: the same service without each.
    'service-tracing-off': { ...service, name: 'service-tracing-off', env: { ...service.env, OTEL_SDK_DISABLED: 'true' } },
    'service-quiet-log': { ...service, name: 'service-quiet-log', env: { ...service.env, LOG_LEVEL: 'warn' } },
    ...(redis ? { 'service-redis': { ...service, name: 'service-redis', env: { ...service.env, REDIS_URL: redis.url } } } : {}),
    floor: { name: 'floor', script: path.join(__dirname, 'servers', 'floor-server.js'), env: upstreamEnv },
    peer: { name: 'peer', script: path.join(__dirname, 'servers', 'peer-server.js'), env: { ...upstreamEnv, NODE_ENV: 'production' } },
    'one-call-peer': { name: 'one-call-peer', script: path.join(__dirname, 'servers', 'one-call-peer-server.js'), env: { ...upstreamEnv, NODE_ENV: 'production' } },
  };
}

class Bench {
  private cartCounter = 0;

  constructor(
    private readonly options: BenchOptions,
    private readonly upstreams: UpstreamsProcess,
  ) {}

  // A new cart id for every request (each one creates a Primer session), or the one warm cart (reuse answers).
  private body(cartPath: 'cold' | 'warm', prefix: string): () => string {
    if (cartPath === 'warm') return () => `{"cartId":"${WARM_CART}"}`;
    return () => `{"cartId":"${prefix}-${(this.cartCounter += 1)}"}`;
  }

  async warmUp(server: RunningServer): Promise<void> {
    progress(`warming up ${server.name}`);
    await driveLoad({ url: server.url, connections: this.options.connections, durationS: this.options.warmupS, body: this.body('cold', `warmup-${server.name}`) });
    // The warm cart's session exists before the warm run starts.
    await driveLoad({ url: server.url, connections: 1, durationS: 0.2, body: this.body('warm', '') });
    await sleep(SETTLE_MS);
  }

  // The peak RSS, the errors and Primer calls/req cover the opening too; req/s, latency and CPU/req the window after it.
  async measure(id: RunId, server: RunningServer, cartPath: 'cold' | 'warm', connections: number, primerDelayMs: number, openingS: number): Promise<RunResult> {
    progress(`running ${id} (${connections} connections, ${openingS > 0 ? `${openingS} s opening, ` : ''}${this.options.durationS} s)`);
    const before = await this.upstreams.counts();
    const rss = sampleRss(server.pid);
    const load = driveLoad({ url: server.url, connections, durationS: this.options.durationS, openingS, body: this.body(cartPath, id) });
    const cpuBefore = await sleep(openingS * 1000).then(() => cpuMsOf(server.pid));
    const figures = await load;
    const peakRssBytes = await rss.stop();
    const cpuAfter = await cpuMsOf(server.pid);
    // Requests still in flight when the load stopped reach Primer during the settle.
    await sleep(SETTLE_MS + primerDelayMs);
    const after = await this.upstreams.counts();
    return {
      id,
      server: server.name,
      path: cartPath,
      connections,
      primerDelayMs,
      durationS: this.options.durationS,
      requestsPerSecond: figures.requestsPerSecond,
      p50Ms: figures.p50Ms,
      p99Ms: figures.p99Ms,
      maxMs: figures.maxMs,
      errors: figures.errors,
      peakRssBytes,
      cpuMsPerRequest: cpuBefore === undefined || cpuAfter === undefined || figures.completed === 0 ? undefined : (cpuAfter - cpuBefore) / figures.completed,
      primerCallsPerRequest: figures.sent === 0 ? 0 : (after.primer - before.primer) / figures.sent,
    };
  }
}

async function main(): Promise<void> {
  const options = readBenchOptions(process.argv.slice(2));
  const upstreams = await startUpstreams(path.join(__dirname, 'fakes', 'main.js'));
  const redis = await startRedis();
  if (!redis) progress('redis-server not installed: no service-redis-warm row (apt-get install redis-server)');
  const servers = specs(upstreams, options, redis);
  const bench = new Bench(options, upstreams);
  const running = new Map<ServerName, RunningServer>();
  const startToReadyMs: Record<string, number> = {};
  const plan = chosenRows(RUN_PLAN, options.rows);
  const lastRun = lastRunOf(plan);
  // Each row's figures, one per round: the rows alternate, so a burst of other work on the machine hits them alike.
  const rounds = plan.map((): RunResult[] => []);
  let primerDelayMs = 0;
  try {
    for (let round = 1; round <= options.rounds; round += 1) {
      progress(`round ${round} of ${options.rounds}`);
      for (const [index, planned] of plan.entries()) {
        let server = running.get(planned.server);
        if (!server) {
          const spec = servers[planned.server];
          if (!spec && planned.server === 'service-redis') continue;
          if (!spec) throw new Error(`plan row ${planned.id} names an unknown server ${planned.server}`);
          server = await startServer(spec, ROOT);
          running.set(planned.server, server);
          startToReadyMs[planned.server] = server.startToReadyMs;
          await bench.warmUp(server);
        }
        const realistic = planned.load === 'realistic';
        const wantedDelayMs = realistic ? options.primerDelayMs : 0;
        if (wantedDelayMs !== primerDelayMs) await upstreams.setPrimerDelay((primerDelayMs = wantedDelayMs));
        const connections = realistic ? options.realisticConnections : options.connections;
        rounds[index]?.push(await bench.measure(planned.id, server, planned.cart, connections, primerDelayMs, realistic ? options.realisticOpeningS : 0));
        if (round === options.rounds && lastRun.get(planned.server) === index) {
          await server.stop();
          running.delete(planned.server);
        }
      }
    }
    startToReadyMs['npm start'] = await timeNpmStart(servers.service, options.rounds);

    const runs = rounds.filter((row) => row.length > 0).map(combineRounds);
    const report: BenchReport = { machine: machine(), startToReadyMs, runs, goals: goalsFor(runs, startToReadyMs['npm start']) };
    process.stdout.write(`${renderReport(report)}\n`);
    if (options.jsonFile) await writeFile(options.jsonFile, `${JSON.stringify(report, null, 2)}\n`);
  } finally {
    await Promise.all([...running.values()].map((server) => server.stop()));
    await redis?.stop();
    await upstreams.stop();
  }
}

// Production's start, `npm start` (the built entry, no compile), timed alone once every run is done: the middle of
// one start per round.
async function timeNpmStart(service: ServerSpec | undefined, times: number): Promise<number> {
  if (!service) throw new Error('no service spec to start through npm start');
  const readyMs: number[] = [];
  for (let start = 1; start <= times; start += 1) {
    progress(`timing npm start (${start} of ${times})`);
    const server = await startServer({ ...service, viaNpmStart: true }, ROOT);
    await server.stop();
    readyMs.push(server.startToReadyMs);
  }
  return median(readyMs);
}

function machine(): BenchReport['machine'] {
  return {
    cores: os.availableParallelism(),
    cpu: os.cpus()[0]?.model.trim() ?? 'unknown',
    memoryGb: Math.round(os.totalmem() / 1024 ** 3),
    node: process.versions.node,
    platform: `${os.platform()} ${os.release()}`,
  };
}

function progress(message: string): void {
  process.stderr.write(`bench: ${message}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
