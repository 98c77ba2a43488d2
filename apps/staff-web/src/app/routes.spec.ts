import { hrefs, parseHash } from './routes';

describe('hash routes', () => {
  it.each([
    ['', { name: 'participants', q: '' }],
    ['#/', { name: 'participants', q: '' }],
    ['#/participants', { name: 'participants', q: '' }],
    ['#/participants?q=o%27brien', { name: 'participants', q: "o'brien" }],
    ['#/participants/new', { name: 'register' }],
    ['#/participants/p-42', { name: 'participant', id: 'p-42' }],
    ['#/participants/a%2Fb', { name: 'participant', id: 'a/b' }],
    ['#/reports', { name: 'not-found', path: '/reports' }],
  ])('reads %p', (hash, route) => {
    expect(parseHash(hash)).toEqual(route);
  });

  it('builds addresses that read back to the same route', () => {
    expect(parseHash(hrefs.participant('a/b c'))).toEqual({ name: 'participant', id: 'a/b c' });
    expect(parseHash(hrefs.participants('Smith & Co'))).toEqual({ name: 'participants', q: 'Smith & Co' });
  });
});
