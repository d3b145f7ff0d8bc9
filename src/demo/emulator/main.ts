import pino from 'pino';
import { startEmulator } from './start-emulator';
import type { WebhookTarget } from './webhooks/webhook-sender';

// `npm run emulator`: Primer's client-session API on its own, e.g. as a docker-compose service.
const logger = pino({ level: process.env.LOG_LEVEL ?? 'info' });

async function main(): Promise<void> {
  const port = Number(process.env.PORT ?? 4010);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    logger.fatal({ variable: 'PORT' }, 'PORT must be a port number');
    process.exit(1);
  }
  const webhook = webhookTarget(process.env);
  const emulator = await startEmulator({
    host: process.env.HOST ?? '0.0.0.0',
    port,
    control: process.env.EMULATOR_CONTROL === 'true',
    logger,
    ...(process.env.EMULATOR_API_KEY ? { apiKey: process.env.EMULATOR_API_KEY } : {}),
    ...(webhook ? { webhook } : {}),
  });
  logger.info(
    { url: emulator.url, control: process.env.EMULATOR_CONTROL === 'true', apiKeyRequired: Boolean(process.env.EMULATOR_API_KEY), webhookUrl: webhook?.url },
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

// EMULATOR_WEBHOOK_URL and EMULATOR_WEBHOOK_SECRET together, or neither; EMULATOR_WEBHOOK_PREVIOUS_SECRET plays a rotation.
function webhookTarget(env: NodeJS.ProcessEnv): WebhookTarget | undefined {
  const { EMULATOR_WEBHOOK_URL: url, EMULATOR_WEBHOOK_SECRET: secret, EMULATOR_WEBHOOK_PREVIOUS_SECRET: previousSecret } = env;
  if (!url && !secret) return undefined;
  if (!url || !/^https?:\/\//.test(url) || !secret) {
    logger.fatal({ variables: ['EMULATOR_WEBHOOK_URL', 'EMULATOR_WEBHOOK_SECRET'] }, 'EMULATOR_WEBHOOK_URL (an http(s) URL) and EMULATOR_WEBHOOK_SECRET go together');
    process.exit(1);
  }
  return { url, secret, ...(previousSecret ? { previousSecret } : {}) };
}

main().catch((error: unknown) => {
  logger.fatal({ err: error }, 'Primer emulator could not start');
  process.exit(1);
});
