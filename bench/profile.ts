import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { readBenchOptions } from './bench-options';
import { driveLoad } from './harness/load';
import { startServer } from './harness/server-process';
import { ROOT, serviceSpec } from './harness/service-spec';
import { startUpstreams } from './harness/upstreams-process';
import { renderProfile } from './profile/render-profile';
import { summariseProfile, type CpuProfile } from './profile/summarise-profile';

// `node build/bench/profile.js [--cart cold|warm] [--load normal|realistic] [--duration 8] [--log-level info]
// [--service dist/main.js]`: a CPU profile of the service on the cold path (a new cart every request) or the warm one
// (one cart, answered from reuse), at the normal load or the realistic one, summarised by owner and by function.
async function main(): Promise<void> {
  const options = readBenchOptions(process.argv.slice(2));
  const profileDir = await mkdtemp(path.join(os.tmpdir(), 'checkout-cpu-prof-'));
  const upstreams = await startUpstreams(path.join(__dirname, 'fakes', 'main.js'));
  try {
    const realistic = options.load === 'realistic';
    const connections = realistic ? options.realisticConnections : options.connections;
    if (realistic) await upstreams.setPrimerDelay(options.primerDelayMs);
    const service = await startServer(serviceSpec(upstreams, options.service, options.logLevel, ['--cpu-prof', '--cpu-prof-dir', profileDir]), ROOT);
    let counter = 0;
    const body = options.cart === 'warm' ? () => '{"cartId":"profile-warm"}' : () => `{"cartId":"profile-${(counter += 1)}"}`;
    const figures = await driveLoad({ url: service.url, connections, durationS: options.durationS, body });
    // The profile is written when the process exits: SIGTERM lets the graceful shutdown end it with 0.
    await service.stop();
    const file = (await readdir(profileDir)).find((name) => name.endsWith('.cpuprofile'));
    if (!file) throw new Error(`no .cpuprofile in ${profileDir}`);
    const profile = JSON.parse(await readFile(path.join(profileDir, file), 'utf8')) as CpuProfile;
    const delay = realistic ? `, Primer at ${options.primerDelayMs} ms` : '';
    const settings = `${connections} connections${delay}, ${options.durationS} s, LOG_LEVEL=${options.logLevel}`;
    process.stdout.write(`${options.cart} path, ${settings}: ${figures.requestsPerSecond.toFixed(0)} req/s under the profiler\n`);
    process.stdout.write(`profile: ${path.join(profileDir, file)} (open in Chrome DevTools → Performance)\n\n`);
    process.stdout.write(`${renderProfile(summariseProfile(profile))}\n`);
  } finally {
    await upstreams.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`profile failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
