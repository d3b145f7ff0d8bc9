import { startFakeUpstreams, type FakeUpstreams } from '../../bench/fakes/fake-upstreams';

describe('fake upstreams', () => {
  let upstreams: FakeUpstreams;

  beforeEach(async () => {
    upstreams = await startFakeUpstreams();
  });

  afterEach(async () => {
    await upstreams.close();
  });

  const createSession = () => fetch(`${upstreams.primerUrl}/client-session`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"orderId":"o-1"}' });

  it('serves a cart for any cart id', async () => {
    const response = await fetch(`${upstreams.ordersUrl}/carts/never-seen-before`);
    expect(response.status).toBe(200);
    expect(((await response.json()) as { id: string }).id).toBe('never-seen-before');
  });

  it('issues a new client token per session, with the expiry written as Primer does: UTC without a zone, a day ahead', async () => {
    const first = (await (await createSession()).json()) as { clientToken: string; clientTokenExpirationDate: string };
    const second = (await (await createSession()).json()) as { clientToken: string };
    expect(first.clientToken).not.toBe(second.clientToken);
    expect(first.clientTokenExpirationDate).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}$/);
    const expiresInMs = Date.parse(`${first.clientTokenExpirationDate.slice(0, 23)}Z`) - Date.now();
    expect(expiresInMs).toBeGreaterThan(23 * 3600_000);
    expect(expiresInMs).toBeLessThanOrEqual(24 * 3600_000);
  });

  it('when a Primer delay is set, then sessions are answered no sooner than that', async () => {
    upstreams.setPrimerDelay(150);
    const started = performance.now();
    expect((await createSession()).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(145);
  });

  it('counts the calls each upstream answered, so a run can tell creates from reuse', async () => {
    await createSession();
    await fetch(`${upstreams.ordersUrl}/carts/a`);
    await fetch(`${upstreams.ordersUrl}/carts/b`);
    await fetch(`${upstreams.primerUrl}/elsewhere`);
    expect(upstreams.counts()).toEqual({ primer: 1, orders: 2 });
  });
});
