import { startEmulator, type RunningEmulator } from '../../../src/demo/emulator/start-emulator';
import { BROKEN_POST_BODIES } from './support/broken-client-session-bodies';
import { emulatorClient, GBP_SESSION } from './support/emulator-client';

describe('broken POST /client-session bodies', () => {
  let emulator: RunningEmulator;
  beforeAll(async () => {
    emulator = await startEmulator();
  });
  afterAll(() => emulator.close());

  it.each(BROKEN_POST_BODIES)('when the body has %s, then the emulator answers 422 naming those fields', async (_name, body, paths) => {
    const response = await emulatorClient(emulator.url).post('/client-session', body);

    expect(response.status).toBe(422);
    expect(response.data.error).toMatchObject({ errorId: 'RequestValidationError', diagnosticsId: expect.any(String) });
    expect(response.data.error.validationErrors).toHaveLength(1);
    expect(response.data.error.validationErrors[0].model).toBe('ClientSessionAPIRequest');
    expect(response.data.error.validationErrors[0].errors.map((error: { path: string }) => error.path).sort()).toEqual([...paths].sort());
  });

  it('when a PATCH body carries a wrong type, then the emulator answers 422 for the update model', async () => {
    const client = emulatorClient(emulator.url);
    const created = await client.post('/client-session', GBP_SESSION);

    const response = await client.patch('/client-session', { clientToken: created.data.clientToken, amount: -1, order: { lineItems: [{}] } });

    expect(response.status).toBe(422);
    expect(response.data.error.validationErrors).toEqual([
      {
        model: 'ClientSessionUpdateAPIRequest',
        errors: expect.arrayContaining([
          { path: '$.amount', description: expect.any(String) },
          { path: '$.order.lineItems[0].amount', description: expect.any(String) },
        ]),
      },
    ]);
  });
});
