import { BadRequestException } from '@nestjs/common';
import { registerParticipantSchema } from '@waypoint/contracts';
import { ZodValidationPipe } from './zod-validation.pipe';

const valid = {
  firstName: 'Ana',
  lastName: 'Núñez',
  dateOfBirth: '1990-04-02',
  phone: '(612) 555-0134',
  office: 'north-ajc',
  programsOfInterest: ['WIOA_ADULT'],
};

function errorsOf(body: unknown): { field: string; message: string }[] {
  try {
    new ZodValidationPipe(registerParticipantSchema).transform(body);
  } catch (err) {
    expect(err).toBeInstanceOf(BadRequestException);
    return ((err as BadRequestException).getResponse() as { errors: { field: string; message: string }[] }).errors;
  }
  throw new Error('expected a 400');
}

describe('ZodValidationPipe with the registration contract', () => {
  it('passes a valid registration through, trimmed', () => {
    expect(new ZodValidationPipe(registerParticipantSchema).transform({ ...valid, firstName: ' Ana ' })).toMatchObject({ firstName: 'Ana' });
  });

  it.each([
    [{ dateOfBirth: '1990-02-30' }, 'dateOfBirth', /real date/],
    [{ dateOfBirth: '2020-01-01' }, 'dateOfBirth', /age between 14 and 110/],
    [{ programsOfInterest: ['WIOA_ADULT', 'bogus program'] }, 'programsOfInterest.1', /upper-case letters/],
    [{ programsOfInterest: [] }, 'programsOfInterest', /at least one program/],
    [{ address: { line1: '1 Main', city: 'X', state: 'Minnesota', postalCode: '55401' } }, 'address.state', /two-letter/],
    [{ nickname: 'Annie' }, 'nickname', /Unknown field/],
    [{ firstName: undefined }, 'firstName', /Required/],
  ])('rejects %j at %s', (patch, field, message) => {
    const errors = errorsOf({ ...valid, ...patch });
    expect(errors).toContainEqual({ field, message: expect.stringMatching(message) });
  });

  it('asks for a way to reach the person', () => {
    const { phone: _phone, ...noContact } = valid;
    expect(errorsOf(noContact)).toContainEqual({ field: 'email', message: expect.stringMatching(/e-mail address or a phone/) });
  });
});
