import { ROOT_CONTEXT } from '@opentelemetry/api';
import { openStep } from '../../../src/service/upstream/call-step';

describe('openStep', () => {
  it('when a step is opened, then it keeps the request id and trace and ends one budget from now', () => {
    const step = openStep({ requestId: 'req-1', trace: ROOT_CONTEXT }, 10_000, 1_000_000);

    expect(step).toEqual({ requestId: 'req-1', trace: ROOT_CONTEXT, deadline: 1_010_000 });
  });
});
