import { issuedTokenOf, MAX_CLIENT_TOKEN_BYTES, MAX_TOKEN_LIFETIME_MS } from '../../../src/service/primer/issued-token';

const NOW = Date.parse('2026-11-25T14:53:51.578Z');
const primerTime = (epochMs: number) => new Date(epochMs).toISOString().slice(0, -1);
const answer = (clientToken: unknown, expiresAt: number) => ({ clientToken, clientTokenExpirationDate: primerTime(expiresAt) });

describe('issuedTokenOf', () => {
  it('when Primer issues a token that lives 24 hours, then it is taken with its expiry', () => {
    expect(issuedTokenOf(answer('token-1', NOW + 86_400_000), NOW)).toEqual({ clientToken: 'token-1', expiresAt: NOW + 86_400_000 });
  });

  it('when the token is 8 KiB exactly, then it is taken; one byte more, then it is not', () => {
    expect(issuedTokenOf(answer('t'.repeat(MAX_CLIENT_TOKEN_BYTES), NOW + 1_000), NOW)).toMatchObject({ clientToken: expect.any(String) });
    expect(issuedTokenOf(answer('t'.repeat(MAX_CLIENT_TOKEN_BYTES + 1), NOW + 1_000), NOW)).toEqual({ unusable: 'clientToken over 8 KiB' });
  });

  it('when the token is short in characters but over 8 KiB in UTF-8, then it is not taken', () => {
    expect(issuedTokenOf(answer('é'.repeat(MAX_CLIENT_TOKEN_BYTES / 2 + 1), NOW + 1_000), NOW)).toEqual({ unusable: 'clientToken over 8 KiB' });
  });

  it('when the expiry is now or past, then it is not taken', () => {
    expect(issuedTokenOf(answer('token-1', NOW), NOW)).toEqual({ unusable: 'clientTokenExpirationDate already past' });
    expect(issuedTokenOf(answer('token-1', NOW - 3_600_000), NOW)).toEqual({ unusable: 'clientTokenExpirationDate already past' });
  });

  it('when the expiry is 48 hours ahead, then it is taken; a millisecond more, or the year 9999, then it is not', () => {
    expect(issuedTokenOf(answer('token-1', NOW + MAX_TOKEN_LIFETIME_MS), NOW)).toMatchObject({ clientToken: 'token-1' });
    expect(issuedTokenOf(answer('token-1', NOW + MAX_TOKEN_LIFETIME_MS + 1), NOW)).toEqual({ unusable: 'clientTokenExpirationDate more than 48 hours ahead' });
    expect(issuedTokenOf({ clientToken: 'token-1', clientTokenExpirationDate: '9999-12-31T23:59:59.999999' }, NOW)).toEqual({ unusable: 'clientTokenExpirationDate more than 48 hours ahead' });
  });

  it.each([
    ['no token', { clientTokenExpirationDate: primerTime(NOW + 1_000) }],
    ['an empty token', answer('', NOW + 1_000)],
    ['a token that is not a string', answer(42, NOW + 1_000)],
    ['an unreadable expiry', { clientToken: 'token-1', clientTokenExpirationDate: 'tomorrow' }],
  ])('when the answer has %s, then it is not taken', (_case, body) => {
    expect(issuedTokenOf(body, NOW)).toEqual({ unusable: 'answer without a usable clientToken and clientTokenExpirationDate' });
  });
});
