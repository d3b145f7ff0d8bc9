import { windowFigures, type Answered } from '../../bench/harness/load-window';

const answer = (doneAtMs: number, latencyMs: number, ok = true): Answered => ({ doneAtMs, latencyMs, ok });

describe('windowFigures', () => {
  it('when requests were sent during the opening, then they count towards throughput once done in the window but not towards latency', () => {
    const answered = [answer(900, 900), answer(2500, 2400), answer(2600, 300), answer(3000, 200), answer(3500, 100, false)];

    const figures = windowFigures(answered, 2000, 2000);

    expect(figures.completed).toBe(4);
    expect(figures.requestsPerSecond).toBe(1.5);
    expect(figures.maxMs).toBe(300);
    expect(figures.p50Ms).toBe(200);
  });

  it('when there is no opening, then every answer counts and the p99 is the nearest rank', () => {
    const answered = Array.from({ length: 200 }, (_, index) => answer(10 + index, index + 1));

    const figures = windowFigures(answered, 0, 1000);

    expect(figures).toEqual({ requestsPerSecond: 200, p50Ms: 100, p99Ms: 198, maxMs: 200, completed: 200 });
  });

  it('when nothing was answered in the window, then the figures are zero rather than undefined', () => {
    expect(windowFigures([answer(500, 500)], 1000, 1000)).toEqual({ requestsPerSecond: 0, p50Ms: 0, p99Ms: 0, maxMs: 0, completed: 0 });
  });
});
