import { DEMO_CARTS } from '../../src/demo/orders/demo-carts';
import { startFakeOrderService, type FakeOrderService } from './fake-order-service';
import { startFakePrimer, type FakePrimer } from './fake-primer';
import { buildTestApp, type TestApp } from './test-app';

export interface FakeUpstreams {
  primer: FakePrimer;
  orders: FakeOrderService;
}

export interface ComponentStack extends FakeUpstreams {
  subject: TestApp;
}

// Per test: a fake Primer and a fake order service serving the demo carts, both on real sockets.
export function useFakeUpstreams(): FakeUpstreams {
  const upstreams = {} as FakeUpstreams;
  beforeEach(async () => {
    upstreams.primer = await startFakePrimer();
    upstreams.orders = await startFakeOrderService(DEMO_CARTS);
  });
  afterEach(async () => {
    await upstreams.primer.close();
    await upstreams.orders.close();
  });
  return upstreams;
}

// Per test: the fake upstreams and the app wired to them.
export function useComponentStack(env: Record<string, string> = {}): ComponentStack {
  const stack = useFakeUpstreams() as ComponentStack;
  beforeEach(() => {
    stack.subject = buildTestApp({ PRIMER_API_URL: stack.primer.url, ORDER_SERVICE_URL: stack.orders.url, ...env });
  });
  return stack;
}
