import { readBenchOptions } from '../../bench/bench-options';

describe('readBenchOptions', () => {
  it('when no flags are given, then the profile drives the normal load and realistic rows open for 2 s before they are measured', () => {
    expect(readBenchOptions([])).toMatchObject({ load: 'normal', realisticOpeningS: 2, realisticConnections: 1000, primerDelayMs: 250 });
  });

  it('when --load realistic and --opening are given, then they are read', () => {
    expect(readBenchOptions(['--load', 'realistic', '--opening', '0'])).toMatchObject({ load: 'realistic', realisticOpeningS: 0 });
  });

  it('when --load names another kind, then it is refused', () => {
    expect(() => readBenchOptions(['--load', 'heavy'])).toThrow('--load must be normal or realistic, got heavy');
  });
});
