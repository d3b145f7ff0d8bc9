import 'dotenv/config';
import { composeApp, type PrimerEndpoint } from './compose-app';
import { ConfigError, loadConfig, type Config } from './config';
import { startEmulator } from './emulator/start-emulator';
import { installGracefulShutdown } from './graceful-shutdown';
import { createLogger, type Logger } from './logger';

// The composition root: config → logger → adapters → app → listen → shutdown.
async function main(): Promise<void> {
  const config = readConfig();
  const logger = createLogger(config.logLevel);
  const primer = await primerEndpoint(config, logger);
  if (!config.orders.url) logger.warn('ORDER_SERVICE_URL unset: serving the built-in demo carts');
  const { app, readiness } = composeApp(config, logger, primer);
  const server = app.listen(config.port, config.host, () => {
    logger.info({ host: config.host, port: config.port, demoMode: config.demoMode, primerApiVersion: config.primer.apiVersion }, 'listening');
  });
  installGracefulShutdown({ server, readiness, logger, timeoutMs: config.shutdownTimeoutMs, cleanup: primer.close, exit: (code) => process.exit(code) });
}

function readConfig(): Config {
  try {
    return loadConfig(process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.problems.map((problem) => `config: ${problem}`).join('\n')}\n`);
    process.exit(1);
  }
}

// Demo mode talks to the emulator on a loopback port; production never starts it.
async function primerEndpoint(config: Config, logger: Logger): Promise<PrimerEndpoint & { close: () => Promise<void> }> {
  if (!config.demoMode) return { url: config.primer.apiUrl, apiKey: config.primer.apiKey ?? '', close: async () => {} };
  const emulator = await startEmulator({ host: '127.0.0.1', port: 0 });
  logger.warn({ emulatorUrl: emulator.url }, 'demo mode: PRIMER_API_KEY unset, client tokens come from the built-in Primer emulator and are not real');
  return { url: emulator.url, apiKey: 'demo', close: () => emulator.close() };
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
