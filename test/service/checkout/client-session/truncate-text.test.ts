import { codePointLength, truncateCodePoints } from '../../../../src/service/checkout/client-session/truncate-text';

describe('truncateCodePoints', () => {
  it('leaves text within the limit untouched', () => {
    expect(truncateCodePoints('Tea', 3)).toBe('Tea');
  });

  it('cuts ASCII text to the limit', () => {
    expect(truncateCodePoints('a'.repeat(300), 255)).toBe('a'.repeat(255));
  });

  it('counts an emoji as one character and never splits its surrogate pair', () => {
    const text = `${'a'.repeat(254)}🎁🎁`;

    const cut = truncateCodePoints(text, 255);

    expect(cut).toBe(`${'a'.repeat(254)}🎁`);
    // A lone surrogate would not survive a round trip through UTF-8.
    expect(Buffer.from(cut, 'utf8').toString('utf8')).toBe(cut);
  });

  it('cuts between code points of non-Latin scripts', () => {
    expect(truncateCodePoints('茶碗茶碗', 3)).toBe('茶碗茶');
  });
});

describe('codePointLength', () => {
  it('counts code points, not UTF-16 units', () => {
    expect(codePointLength('🎁')).toBe(1);
    expect(codePointLength('Zoë')).toBe(3);
  });
});
