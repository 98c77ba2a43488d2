import { duplicateCheckRequest, emptyRegisterForm, fromServerErrors, orderedErrors, toRequestInput, validateRegisterForm } from './register-participant.form';

const filled = () => ({
  ...emptyRegisterForm('DTW'),
  firstName: '  Avery ',
  lastName: 'Jones',
  dateOfBirth: '1990-04-15',
  phone: '614-555-0100',
  programsOfInterest: ['WIOA_ADULT'],
});

describe('register participant form values', () => {
  it('trims answers and leaves out an empty e-mail and an all-empty address', () => {
    expect(toRequestInput(filled())).toEqual({
      firstName: 'Avery',
      lastName: 'Jones',
      dateOfBirth: '1990-04-15',
      phone: '614-555-0100',
      office: 'DTW',
      programsOfInterest: ['WIOA_ADULT'],
    });
  });

  it('sends a partly filled address, so the missing parts are reported', () => {
    const result = validateRegisterForm({ ...filled(), city: 'Columbus' });

    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors).toMatchObject({
      'address.line1': 'Street address is required',
      'address.state': 'State must be a two-letter code',
      'address.postalCode': 'ZIP code must be 12345 or 12345-6789',
    });
  });

  it.each([
    ['', 'Enter the date of birth'],
    ['1890-01-01', 'Date of birth must give an age between 14 and 110'],
    [`${new Date().getFullYear() - 5}-01-01`, 'Date of birth must give an age between 14 and 110'],
    ['1990-02-30', 'Date of birth must be a real date in the form YYYY-MM-DD'],
  ])('rejects the date of birth %p with %p', (dateOfBirth, message) => {
    const result = validateRegisterForm({ ...filled(), dateOfBirth });

    expect(!result.ok && result.errors.dateOfBirth).toBe(message);
  });

  it('accepts a complete registration and returns the request', () => {
    const result = validateRegisterForm({ ...filled(), line1: '1 Main St', city: 'Columbus', state: 'oh', postalCode: '43215' });

    expect(result.ok && result.request.address).toEqual({ line1: '1 Main St', city: 'Columbus', state: 'OH', postalCode: '43215' });
  });

  it('maps server paths to form fields and keeps unknown ones for the summary', () => {
    const errors = fromServerErrors({ 'programsOfInterest.1': 'Unknown program', 'address.postalCode': 'Bad ZIP', nickname: 'Unrecognized key' });

    expect(errors).toEqual({ programsOfInterest: 'Unknown program', 'address.postalCode': 'Bad ZIP', nickname: 'Unrecognized key' });
    expect(orderedErrors(errors).map((e) => [e.field, e.controlId])).toEqual([
      ['address.postalCode', 'address-postalCode'],
      ['programsOfInterest', 'programsOfInterest'],
      ['nickname', null],
    ]);
  });

  it.each([
    ['no search without a last name', { lastName: ' ' }, '', null],
    ['no search for a birth date the form rejects', { dateOfBirth: '1890-01-01' }, '', null],
    ['no search for a half-typed birth date', { dateOfBirth: '1990-04' }, '', null],
    ['name and birth date, trimmed; the phone when valid', {}, '', { firstName: 'Avery', lastName: 'Jones', dateOfBirth: '1990-04-15', phone: '614-555-0100' }],
    ['a half-typed phone and e-mail are left out', { phone: '614', email: 'avery@' }, '', { firstName: 'Avery', lastName: 'Jones', dateOfBirth: '1990-04-15' }],
    ['a complete SSN is searched with', { phone: '' }, ' 123456789 ', { firstName: 'Avery', lastName: 'Jones', dateOfBirth: '1990-04-15', ssn: '123456789' }],
    ['a partial SSN is not', { phone: '' }, '123-45', { firstName: 'Avery', lastName: 'Jones', dateOfBirth: '1990-04-15' }],
  ])('duplicate check request: %s', (_name, change, ssn, expected) => {
    expect(duplicateCheckRequest({ ...filled(), ...change }, ssn)).toEqual(expected);
  });

  it('sends the SSN and the duplicate review with the registration when given', () => {
    const review = { confirmedNotDuplicate: true as const, reviewedCandidateIds: ['p-9'] };
    const result = validateRegisterForm(filled(), '123-45-6789', review);

    expect(result.ok && result.request).toMatchObject({ ssn: '123-45-6789', duplicateReview: review });
  });
});
