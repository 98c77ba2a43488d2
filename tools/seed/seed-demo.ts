/**
 * Seeds demo participants through the gateway API, as an intake worker would, so the demo
 * data goes through the same validation, duplicate check, outbox, events and journeys as
 * real data: every fourth person with an SSN (stored encrypted; the UI shows the last four),
 * the last four people registered in a group intake session, and a consent for the first.
 * No two demo people look alike (distinct names, birthdays, e-mails and phones), so none
 * needs a duplicate review. Idempotent: does nothing if the agency already has participants.
 *   node -r ts-node/register/transpile-only tools/seed/seed-demo.ts [gatewayUrl] [count]
 */
import type {
  IntakeSessionSummary,
  Page,
  ParticipantDetail,
  ParticipantSummary,
  ProgramCode,
  RecordConsentRequest,
  RegisterParticipantRequest,
} from '../../libs/contracts/src';

const gateway = process.argv[2] ?? 'http://127.0.0.1:3000';
const count = Number(process.argv[3] ?? 40);

const first = ['Ana', 'Marcus', 'Keisha', 'Tomás', 'Linh', 'Fatima', 'Jamal', 'Olga', 'Dwayne', 'Priya', 'Hector', 'Mei', 'Samuel', 'Ayesha', 'Brandon', 'Rosa', 'Khalid', 'Tanya', 'Victor', 'Grace'];
const last = ['Núñez', 'Johnson', 'Williams', 'García', 'Nguyen', 'Hassan', 'Brown', 'Kowalski', 'Davis', 'Patel', 'Ramírez', 'Chen', 'Okafor', 'Khan', 'Miller', 'Lopez', 'Ali', 'Smith', 'Petrov', 'Thompson'];
const offices = ['north-ajc', 'downtown-ajc', 'riverside-ajc'];
const programSets: ProgramCode[][] = [['WIOA_ADULT'], ['WIOA_DISLOCATED_WORKER', 'TAA'], ['WIOA_YOUTH'], ['TANF_ES'], ['SNAP_ET', 'WAGNER_PEYSER'], ['WIOA_ADULT', 'SNAP_ET']];

function person(i: number): RegisterParticipantRequest {
  const f = first[i % first.length];
  // Each round of first names meets a different last name, so no two demo people share a name.
  const l = last[(i * 7 + Math.floor(i / first.length) * 3) % last.length];
  const year = 1960 + ((i * 13) % 45);
  const month = String(1 + (i % 12)).padStart(2, '0');
  const day = String(1 + ((i * 5) % 28)).padStart(2, '0');
  return {
    firstName: f,
    lastName: l,
    dateOfBirth: `${year}-${month}-${day}`,
    ...(i % 3 === 0 ? { phone: `(612) 555-${String(1000 + i).slice(-4)}` } : { email: `${f}.${l}.${i}@example.org`.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '') }),
    // Demo SSNs of valid shape (area 1xx, never 000/666/9xx; serial never 0000).
    ...(i % 4 === 0 ? { ssn: `${100 + i}-${String(10 + i).padStart(2, '0')}-${1000 + i * 37}` } : {}),
    office: offices[i % offices.length],
    programsOfInterest: programSets[i % programSets.length],
  };
}

/** People from this index on are registered in the demo group intake session. */
const SESSION_FROM = count - 4;

async function main(): Promise<void> {
  const login = await fetch(`${gateway}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'intake.worker', password: 'Waypoint-demo-1' }),
  });
  if (!login.ok) throw new Error(`demo sign-in failed: ${login.status} ${await login.text()}`);
  const { accessToken } = (await login.json()) as { accessToken: string };
  const headers = { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' };
  const existing = (await (await fetch(`${gateway}/api/participants?limit=1`, { headers })).json()) as Page<ParticipantSummary>;
  if (existing.items.length > 0) {
    console.log('demo participants already present; nothing seeded');
    return;
  }
  const post = async <T>(path: string, body: unknown, what: string, status = 201): Promise<T> => {
    const res = await fetch(`${gateway}/api${path}`, { method: 'POST', headers, body: JSON.stringify(body) });
    if (res.status !== status) throw new Error(`seeding ${what} failed: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };
  let session: IntakeSessionSummary | undefined;
  let firstId = '';
  for (let i = 0; i < count; i++) {
    if (i === SESSION_FROM) {
      const startsAt = new Date(Date.now() - 2 * 3600_000).toISOString();
      session = await post<IntakeSessionSummary>('/sessions', { office: 'north-ajc', title: 'Monday group orientation', startsAt }, 'the intake session');
    }
    const path = session ? `/sessions/${session.id}/registrations` : '/participants';
    const body = session ? { ...person(i), office: session.office } : person(i);
    const created = await post<ParticipantDetail>(path, body, `participant ${i}`);
    if (i === 0) firstId = created.id;
  }
  if (session) await post(`/sessions/${session.id}/close`, undefined, 'closing the intake session', 200);
  if (firstId) {
    const today = new Date().toISOString().slice(0, 10);
    const consent: RecordConsentRequest = {
      partner: 'Riverside Housing Trust',
      purpose: 'Coordinate housing support with the case manager',
      scopes: ['contact', 'enrollment', 'barriers'],
      grantedOn: today,
      expiresOn: `${Number(today.slice(0, 4)) + 1}${today.slice(4)}`.replace('-02-29', '-02-28'),
      signedBy: 'participant',
    };
    await post(`/participants/${firstId}/consents`, consent, 'a consent');
  }
  console.log(`seeded ${count} demo participants (${count - SESSION_FROM} in a group intake session) and a consent`);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
