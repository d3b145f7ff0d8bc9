import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { readBenchOptions, type BenchOptions } from './bench-options';
import { cpuMsOf } from './harness/cpu-time';
import { driveLoad } from './harness/load';
import { startRedis } from './harness/redis-process';
import { sampleRss } from './harness/rss-sampler';
import { startServer, type RunningServer, type ServerSpec } from './harness/server-process';
import { ROOT, serviceSpec } from './harness/service-spec';
import { startUpstreams, type UpstreamsProcess } from './harness/upstreams-process';
import type { BenchReport, RunId, RunResult, ServerName } from './report/bench-report';
import { goalsFor } from './report/goals';
import { renderReport } from './report/render-table';

const SETTLE_MS = 300;
const WARM_CART = 'bench-warm';

function specs(upstreams: UpstreamsProcess, options: BenchOptions): Record<ServerName, ServerSpec> {
  const upstreamEnv = { PRIMER_API_URL: upstreams.primerUrl, ORDER_SERVICE_URL: upstreams.ordersUrl, PRIMER_API_KEY: 'bench-key' };
  return {
    service: serviceSpec(upstreams, options.service, options.logLevel),
    floor: { name: 'floor', script: path.join(__dirname, 'servers', 'floor-server.js'), env: upstreamEnv },
    peer: { name: 'peer', script: path.join(__dirname, 'servers', 'peer-server.js'), env: { ...upstreamEnv, NODE_ENV: 'production' } },
  };
}

class Bench {
  readonly runs: RunResult[] = [];
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

  async measure(id: RunId, server: RunningServer, cartPath: 'cold' | 'warm', connections: number, primerDelayMs: number): Promise<void> {
    progress(`running ${id} (${connections} connections, ${this.options.durationS} s)`);
    const before = await this.upstreams.counts();
    const cpuBefore = await cpuMsOf(server.pid);
    const rss = sampleRss(server.pid);
    const figures = await driveLoad({ url: server.url, connections, durationS: this.options.durationS, body: this.body(cartPath, id) });
    const peakRssBytes = await rss.stop();
    const cpuAfter = await cpuMsOf(server.pid);
    // Requests still in flight when the load stopped reach Primer during the settle.
    await sleep(SETTLE_MS + primerDelayMs);
    const after = await this.upstreams.counts();
    this.runs.push({
      id,
      server: server.name as ServerName,
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
    });
  }
}

async function main(): Promise<void> {
  const options = readBenchOptions(process.argv.slice(2));
  const upstreams = await startUpstreams(path.join(__dirname, 'fakes', 'main.js'));
  const servers = specs(upstreams, options);
  const bench = new Bench(options, upstreams);
  const { connections, realisticConnections, primerDelayMs } = options;
  const started: RunningServer[] = [];
  const launch = async (name: ServerName) => {
    const server = await startServer(servers[name], ROOT);
    started.push(server);
    return server;
  };
  try {
    const service = await launch('service');
    await bench.warmUp(service);
    await bench.measure('service-cold', service, 'cold', connections, 0);
    await bench.measure('service-warm', service, 'warm', connections, 0);
    await measureOnRedis(bench, servers.service, started, connections);

    const floor = await launch('floor');
    await bench.warmUp(floor);
    await bench.measure('floor-cold', floor, 'cold', connections, 0);
    await bench.measure('floor-warm', floor, 'warm', connections, 0);

    const peer = await launch('peer');
    await bench.warmUp(peer);
    await bench.measure('peer-cold', peer, 'cold', connections, 0);
    await peer.stop();

    await upstreams.setPrimerDelay(primerDelayMs);
    await bench.measure('service-realistic', service, 'cold', realisticConnections, primerDelayMs);
    await bench.measure('floor-realistic', floor, 'cold', realisticConnections, primerDelayMs);
    await floor.stop();
    await upstreams.setPrimerDelay(0);

    await bench.measure('service-cold-again', service, 'cold', connections, 0);
    await service.stop();

    const report: BenchReport = {
      machine: machine(),
      startToReadyMs: { service: service.startToReadyMs, floor: floor.startToReadyMs, peer: peer.startToReadyMs },
      runs: bench.runs,
      goals: goalsFor(bench.runs, service.startToReadyMs),
    };
    process.stdout.write(`${renderReport(report)}\n`);
    if (options.jsonFile) await writeFile(options.jsonFile, `${JSON.stringify(report, null, 2)}\n`);
  } finally {
    await Promise.all(started.map((server) => server.stop()));
    await upstreams.stop();
  }
}

// The warm path again with REDIS_URL set, on a second service process; the in-memory one sits idle meanwhile.
async function measureOnRedis(bench: Bench, service: ServerSpec, started: RunningServer[], connections: number): Promise<void> {
  const redis = await startRedis();
  if (!redis) return progress('redis-server not installed: no service-redis-warm row (apt-get install redis-server)');
  try {
    const onRedis = await startServer({ ...service, env: { ...service.env, REDIS_URL: redis.url } }, ROOT);
    started.push(onRedis);
    await bench.warmUp(onRedis);
    await bench.measure('service-redis-warm', onRedis, 'warm', connections, 0);
    await onRedis.stop();
  } finally {
    await redis.stop();
  }
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
