import { EventEmitter } from 'node:events';
import { exitOnCrash } from '../../../src/service/lifecycle/exit-on-crash';
import { createLogger } from '../../../src/service/observability/logger';

describe('exit on crash', () => {
  function crashSubject() {
    const events = new EventEmitter();
    const logs: string[] = [];
    const exits: number[] = [];
    exitOnCrash({ logger: createLogger('info', { write: (line: string) => void logs.push(line) }), exit: (code) => exits.push(code), events });
    return { events, exits, lines: () => logs.map((line) => JSON.parse(line) as { level: string; msg: string; err?: { stack?: string } }) };
  }

  function failDeepInside(): Error {
    return new Error('the ledger is gone');
  }

  it('when a rejection goes unhandled, then it is logged as fatal with its stack and the exit is 1', () => {
    const { events, exits, lines } = crashSubject();

    events.emit('unhandledRejection', failDeepInside(), Promise.resolve());

    expect(exits).toEqual([1]);
    expect(lines()[0]).toMatchObject({ level: 'fatal', msg: 'unhandled rejection: exiting' });
    expect(lines()[0]?.err?.stack).toContain('failDeepInside');
  });

  it('when an exception goes uncaught, then it is logged as fatal with its stack and the exit is 1', () => {
    const { events, exits, lines } = crashSubject();

    events.emit('uncaughtException', failDeepInside());

    expect(exits).toEqual([1]);
    expect(lines()[0]).toMatchObject({ level: 'fatal', msg: 'uncaught exception: exiting' });
    expect(lines()[0]?.err?.stack).toContain('the ledger is gone');
  });
});
