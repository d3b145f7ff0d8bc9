import { assertFreshBuild, parseLine, startService, stopService, type ServiceProcess } from './support/service-process';

let service: ServiceProcess | undefined;

beforeAll(() => assertFreshBuild());

afterEach(async () => {
  await stopService(service);
  service = undefined;
});

describe('demo mode in the built process', () => {
  it('when started with no key and no order service, then one warning says the tokens are not real and demo carts get tokens', async () => {
    service = await startService({});

    const res = await fetch(`${service.url}/checkout/session`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"cartId":"demo-kwd"}' });

    expect(res.status).toBe(200);
    expect(Object.keys((await res.json()) as object).sort()).toEqual(['clientToken', 'clientTokenExpirationDate']);
    const warnings = service.lines.map(parseLine).filter((line) => line?.level === 'warn');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.msg).toMatch(/demo mode.*not real/);
  });

  it('when NODE_ENV=production and nothing else is set, then it refuses to start instead of falling back to demo mode', async () => {
    await expect(startService({ NODE_ENV: 'production' }, 3_000)).rejects.toThrow(/PRIMER_API_KEY: required[\s\S]*ORDER_SERVICE_URL: required/);
  });
});
