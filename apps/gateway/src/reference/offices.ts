/** Demo offices until offices become administrator configuration (issue 3). */
export const DEMO_OFFICES = [
  { code: 'north-ajc', name: 'North American Job Center' },
  { code: 'downtown-ajc', name: 'Downtown American Job Center' },
  { code: 'riverside-ajc', name: 'Riverside Career Hub' },
];
