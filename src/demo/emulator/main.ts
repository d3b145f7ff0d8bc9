import pino from 'pino';
import { startEmulator } from './start-emulator';

// `npm run emulator`: Primer's client-session API on its own, e.g. as a docker-compose service.
const logger = pino({ level: process.env.LOG_LEVEL ?? 'info' });

async function main(): Promise<void> {
  const port = Number(process.env.PORT ?? 4010);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    logger.fatal({ variable: 'PORT' }, 'PORT must be a port number');
    process.exit(1);
  }
  const emulator = await startEmulator({
    host: process.env.HOST ?? '0.0.0.0',
    port,
    control: process.env.EMULATOR_CONTROL === 'true',
    logger,
    ...(process.env.EMULATOR_API_KEY ? { apiKey: process.env.EMULATOR_API_KEY } : {}),
  });
  logger.info(
    { url: emulator.url, control: process.env.EMULATOR_CONTROL === 'true', apiKeyRequired: Boolean(process.env.EMULATOR_API_KEY) },
    'Primer emulator listening: its client tokens are not real Primer tokens',
  );
  const stop = () => {
    emulator.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((error: unknown) => {
  logger.fatal({ err: error }, 'Primer emulator could not start');
  process.exit(1);
});
