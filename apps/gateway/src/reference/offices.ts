/** Demo offices until offices become administrator configuration (issue 3). */
export const DEMO_OFFICES = [
  { code: 'north-ajc', name: 'North American Job Center' },
  { code: 'downtown-ajc', name: 'Downtown American Job Center' },
  { code: 'riverside-ajc', name: 'Riverside Career Hub' },
];

/** Demo programs until the reference lists are read from intake's configuration (issue 3). */
export const DEMO_PROGRAMS = [
  { code: 'WIOA_ADULT', label: 'WIOA Adult' },
  { code: 'WIOA_DISLOCATED_WORKER', label: 'WIOA Dislocated Worker' },
  { code: 'WIOA_YOUTH', label: 'WIOA Youth' },
  { code: 'WAGNER_PEYSER', label: 'Wagner-Peyser' },
  { code: 'TAA', label: 'Trade Adjustment Assistance' },
  { code: 'TANF_ES', label: 'TANF employment services' },
  { code: 'SNAP_ET', label: 'SNAP E&T' },
];
