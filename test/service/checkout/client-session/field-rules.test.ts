import { CartNotPayableError } from '../../../../src/service/checkout/client-session/cart-not-payable-error';
import {
  assignDefined,
  boundedText,
  codePointLength,
  descriptiveText,
  isEmailAddress,
  requireIdentifier,
  truncateCodePoints,
} from '../../../../src/service/checkout/client-session/field-rules';

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

describe('descriptiveText', () => {
  it('when the text is absent or blank, then the field is omitted without a warning', () => {
    const warnings: string[] = [];

    expect([undefined, '', '   '].map((value) => descriptiveText(value, 'name', warnings))).toEqual([undefined, undefined, undefined]);
    expect(warnings).toEqual([]);
  });

  it('when the text is over 255 characters, then it is cut and the field named in a warning', () => {
    const warnings: string[] = [];

    expect(descriptiveText('x'.repeat(300), 'items[0].name', warnings)).toBe('x'.repeat(255));
    expect(warnings).toEqual(['items[0].name cut to 255 characters']);
  });
});

describe('boundedText', () => {
  it('when a code fits its limit, then it is kept as it is', () => {
    expect(boundedText('SKU-1', 'sku', [])).toBe('SKU-1');
  });

  it('when a code is over its limit, then it is left out rather than cut, and the field named in a warning', () => {
    const warnings: string[] = [];

    expect(boundedText('u'.repeat(11), 'pageUrl', warnings, 10)).toBeUndefined();
    expect(warnings).toEqual(['pageUrl left out: longer than 10 characters']);
  });
});

describe('requireIdentifier', () => {
  it('when an identifier is present and at most 255 characters, then it is kept', () => {
    expect(requireIdentifier('🎁'.repeat(255), 'id')).toBe('🎁'.repeat(255));
  });

  it.each(['', '  ', 'i'.repeat(256)])('when an identifier is %p, then the cart is not payable, naming the field', (value) => {
    expect(() => requireIdentifier(value, 'orderId')).toThrow(expect.objectContaining({ reason: 'invalid_identifier', detail: 'orderId' }));
    expect(() => requireIdentifier(value, 'orderId')).toThrow(CartNotPayableError);
  });
});

describe('isEmailAddress', () => {
  it.each(['ada@example.com', 'a.b+c@sub.example.co.uk'])('accepts %p', (value) => {
    expect(isEmailAddress(value)).toBe(true);
  });

  it.each(['ada', '@example.com', 'ada@', 'ada@example', `${'a'.repeat(65)}@example.com`, `a@${'b'.repeat(250)}.com`])('refuses %p', (value) => {
    expect(isEmailAddress(value)).toBe(false);
  });
});

describe('assignDefined', () => {
  it('sets a key with a value and leaves the key absent without one', () => {
    const target: { a?: number; b?: number } = {};

    assignDefined(target, 'a', 1);
    assignDefined(target, 'b', undefined);

    expect(target).toEqual({ a: 1 });
    expect('b' in target).toBe(false);
  });
});
