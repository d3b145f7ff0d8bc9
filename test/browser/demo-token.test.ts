import { DemoTokenError, isPrimerIssuedToken, refusingDemoTokens } from '../../src/browser/demo/demo-token';
import type { PaymentForm } from '../../src/browser/payment-form';

const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
const tokenNaming = (configurationUrl: string) => `${part({ alg: 'none' })}.${part({ configurationUrl })}.sig`;

describe('demo tokens', () => {
  it('knows a token whose configuration URL is a Primer host', () => {
    expect(isPrimerIssuedToken(tokenNaming('https://api.sandbox.primer.io/client-sdk/configuration'))).toBe(true);
  });

  it.each([
    ['an emulator token', 'q2V8l0mYy6bXf1nq2V8l0mYy6bXf1nq2V8l0mYy6bXf'],
    ['a token naming another host', tokenNaming('https://primer.io.evil.example/configuration')],
    ['a token naming no URL', `${part({})}.${part({ configurationUrl: 42 })}.sig`],
  ])('refuses %s', (_name, token) => {
    expect(isPrimerIssuedToken(token)).toBe(false);
  });

  it('never hands a demo token to the SDK', async () => {
    const shown: string[] = [];
    const form: PaymentForm = { sdk: 'universal-checkout', show: async (t) => void shown.push(t), refresh: async () => {}, replaceToken: async (t) => void shown.push(t), teardown: () => {} };
    const guarded = refusingDemoTokens(form);
    await expect(guarded.show('emulator-token')).rejects.toBeInstanceOf(DemoTokenError);
    await expect(guarded.replaceToken('emulator-token')).rejects.toBeInstanceOf(DemoTokenError);
    const real = tokenNaming('https://api.sandbox.primer.io/client-sdk/configuration');
    await guarded.show(real);
    expect(shown).toEqual([real]);
  });
});
