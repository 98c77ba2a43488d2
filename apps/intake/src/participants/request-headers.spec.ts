import { BadRequestException } from '@nestjs/common';
import { idempotencyKeyOf, versionOfIfMatch } from './request-headers';

describe('versionOfIfMatch', () => {
  it.each([
    ['"3"', 3],
    ['W/"12"', 12],
    ['7', 7],
    [' "2" ', 2],
    [undefined, undefined],
    ['', undefined],
  ])('reads %p as %p', (header, expected) => {
    expect(versionOfIfMatch(header)).toBe(expected);
  });

  it.each(['"0"', '*', '"abc"', '"3", "4"', '-1'])('refuses %p with 400 on If-Match', (header) => {
    expect(() => versionOfIfMatch(header)).toThrow(BadRequestException);
  });
});

describe('idempotencyKeyOf', () => {
  it('accepts 8-128 letters, digits, - or _, and no header at all', () => {
    expect(idempotencyKeyOf('form-1234_abcd')).toBe('form-1234_abcd');
    expect(idempotencyKeyOf(undefined)).toBeUndefined();
  });
  it.each(['short', 'with space 12345', 'x'.repeat(129)])('refuses %p', (key) => {
    expect(() => idempotencyKeyOf(key)).toThrow(BadRequestException);
  });
});
