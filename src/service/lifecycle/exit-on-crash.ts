import type { Logger } from '../observability/logger';

export interface CrashOptions {
  logger: Logger;
  exit: (code: number) => void;
  events?: NodeJS.EventEmitter;
}

// A rejection nobody handled or an exception nobody caught leaves the process in an unknown state: log the stack, exit 1.
export function exitOnCrash(options: CrashOptions): void {
  const events = options.events ?? process;
  const crash = (what: string) => (error: unknown) => {
    options.logger.fatal({ err: error }, `${what}: exiting`);
    options.exit(1);
  };
  events.on('unhandledRejection', crash('unhandled rejection'));
  events.on('uncaughtException', crash('uncaught exception'));
}
