import { chosenRows, lastRunOf, RUN_PLAN, type PlannedRun } from '../../bench/plan';

describe('the bench plan', () => {
  it('gives every run its own id', () => {
    expect(new Set(RUN_PLAN.map((run) => run.id)).size).toBe(RUN_PLAN.length);
  });

  it('holds every run a goal divides by, so no goal ratio is left unknown', () => {
    const ids = new Set(RUN_PLAN.map((run) => run.id));
    const named = [
      'service-cold',
      'service-warm',
      'service-cold-tracing-off',
      'service-warm-tracing-off',
      'service-cold-quiet-log',
      'floor-cold',
      'floor-warm',
      'peer-cold',
      'one-call-peer',
      'service-realistic',
      'floor-realistic',
      'service-cold-again',
    ];

    expect(named.filter((id) => !ids.has(id))).toEqual([]);
  });

  it('when a server is used by several runs, then it stops after its last one', () => {
    const plan: PlannedRun[] = [
      { id: 'a', server: 'service', cart: 'cold', load: 'normal' },
      { id: 'b', server: 'floor', cart: 'cold', load: 'normal' },
      { id: 'c', server: 'service', cart: 'warm', load: 'normal' },
    ];

    expect(lastRunOf(plan)).toEqual(new Map([['service', 2], ['floor', 1]]));
  });

  it('when --rows names some rows, then only those run, in the plan\'s order', () => {
    expect(chosenRows(RUN_PLAN, ['service-redis-warm', 'service-warm']).map((run) => run.id)).toEqual(['service-warm', 'service-redis-warm']);
    expect(chosenRows(RUN_PLAN, undefined)).toBe(RUN_PLAN);
  });

  it('when --rows names a row the plan does not have, then the bench refuses to start', () => {
    expect(() => chosenRows(RUN_PLAN, ['service-warm', 'service-lukewarm'])).toThrow('--rows names no planned row: service-lukewarm');
  });
});
