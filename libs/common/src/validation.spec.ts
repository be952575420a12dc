import { checkRequestInput, MAX_JSON_DEPTH } from './validation';

/** An array nested `depth` levels deep (the outer one is level 1). */
function nested(depth: number): unknown {
  let value: unknown = 'x';
  for (let i = 0; i < depth; i++) value = [value];
  return value;
}

describe('checkRequestInput', () => {
  it('passes ordinary text, astral characters (surrogate pairs) and other control characters', () => {
    expect(
      checkRequestInput({ name: 'Zoë 😀', metadata: { k: 'a\u0001\u200b\ufffe' }, n: [1, null, true] }, 'body'),
    ).toBe(undefined);
  });

  it('names every string with NUL or an unpaired surrogate, and the object whose key has one', () => {
    const error = checkRequestInput(
      { a: 'x\u0000', b: { c: ['ok', '\ud800'], 'd\udc00': 'v' }, e: '\ud83d\ude00' },
      'body',
    );
    expect(error?.code).toBe('invalid_request');
    const fields = (error?.details.fields as Array<{ field: string }>).map((f) => f.field).sort();
    expect(fields).toEqual(['a', 'b', 'b.c.1']);
    expect(checkRequestInput({ 'k\u0000': 'v' }, 'query')?.details.fields).toEqual([
      { field: 'query', message: expect.stringContaining('keys') },
    ]);
  });

  it(`refuses objects and arrays nested more than ${MAX_JSON_DEPTH} levels, at any depth without recursing`, () => {
    expect(checkRequestInput(nested(MAX_JSON_DEPTH), 'body')).toBe(undefined);
    expect(checkRequestInput(nested(MAX_JSON_DEPTH + 1), 'body')?.details).toEqual({ max_depth: MAX_JSON_DEPTH });
    expect(checkRequestInput({ a: nested(1_000_000) }, 'body')?.details).toEqual({ max_depth: MAX_JSON_DEPTH });
  });
});
