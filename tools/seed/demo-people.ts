import type { ProgramCode, RegisterParticipantRequest } from '../../libs/contracts/src';

const first = ['Ana', 'Marcus', 'Keisha', 'Tomás', 'Linh', 'Fatima', 'Jamal', 'Olga', 'Dwayne', 'Priya', 'Hector', 'Mei', 'Samuel', 'Ayesha', 'Brandon', 'Rosa', 'Khalid', 'Tanya', 'Victor', 'Grace'];
const last = ['Núñez', 'Johnson', 'Williams', 'García', 'Nguyen', 'Hassan', 'Brown', 'Kowalski', 'Davis', 'Patel', 'Ramírez', 'Chen', 'Okafor', 'Khan', 'Miller', 'Lopez', 'Ali', 'Smith', 'Petrov', 'Thompson'];
/** Sex assigned at birth per first name (the eligibility answers need it for Selective Service). */
const male = new Set(['Marcus', 'Tomás', 'Jamal', 'Dwayne', 'Hector', 'Samuel', 'Brandon', 'Khalid', 'Victor']);
/** Primary language per first name, where it is not English. */
const language: Record<string, string> = { Tomás: 'Spanish', Hector: 'Spanish', Rosa: 'Spanish', Linh: 'Vietnamese', Fatima: 'Somali', Khalid: 'Somali', Olga: 'Russian', Victor: 'Russian', Mei: 'Mandarin', Ayesha: 'Urdu', Priya: 'Hindi' };
const offices = ['north-ajc', 'downtown-ajc', 'riverside-ajc'];
const programSets: ProgramCode[][] = [['WIOA_ADULT'], ['WIOA_DISLOCATED_WORKER', 'TAA'], ['WIOA_YOUTH'], ['TANF_ES'], ['SNAP_ET', 'WAGNER_PEYSER'], ['WIOA_ADULT', 'SNAP_ET']];

/** Demo person number `index`: what the intake worker registers, and facts the later steps use. */
export interface DemoPerson {
  index: number;
  registration: RegisterParticipantRequest;
  sex: 'male' | 'female';
  primaryLanguage: string;
}

export function demoPerson(i: number): DemoPerson {
  const f = first[i % first.length];
  // Each round of first names meets a different last name, so no two demo people share a name.
  const l = last[(i * 7 + Math.floor(i / first.length) * 3) % last.length];
  const programsOfInterest = programSets[i % programSets.length];
  // People interested in WIOA Youth are 18 to 23 whenever the seed runs; the others 21 to 66.
  const year = programsOfInterest.includes('WIOA_YOUTH') ? new Date().getUTCFullYear() - 19 - (Math.floor(i / 6) % 5) : 1960 + ((i * 13) % 45);
  const month = String(1 + (i % 12)).padStart(2, '0');
  const day = String(1 + ((i * 5) % 28)).padStart(2, '0');
  return {
    index: i,
    sex: male.has(f) ? 'male' : 'female',
    primaryLanguage: language[f] ?? 'English',
    registration: {
      firstName: f,
      lastName: l,
      dateOfBirth: `${year}-${month}-${day}`,
      ...(i % 3 === 0 ? { phone: `(612) 555-${String(1000 + i).slice(-4)}` } : { email: `${f}.${l}.${i}@example.org`.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '') }),
      // Demo SSNs of valid shape (area 1xx, never 000/666/9xx; serial never 0000).
      ...(i % 4 === 0 ? { ssn: `${100 + i}-${String(10 + i).padStart(2, '0')}-${1000 + i * 37}` } : {}),
      office: offices[i % offices.length],
      programsOfInterest,
    },
  };
}
