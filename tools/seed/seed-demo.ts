/**
 * Seeds demo participants through the gateway API, as an intake worker would, so the demo
 * data goes through the same validation, outbox, events and journeys as real data.
 * Idempotent: does nothing if the agency already has participants.
 *   node -r ts-node/register/transpile-only tools/seed/seed-demo.ts [gatewayUrl] [count]
 */
import type { Page, ParticipantSummary, ProgramCode, RegisterParticipantRequest } from '../../libs/contracts/src';

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
    office: offices[i % offices.length],
    programsOfInterest: programSets[i % programSets.length],
  };
}

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
  for (let i = 0; i < count; i++) {
    const res = await fetch(`${gateway}/api/participants`, { method: 'POST', headers, body: JSON.stringify(person(i)) });
    if (res.status !== 201) throw new Error(`seeding participant ${i} failed: ${res.status} ${await res.text()}`);
  }
  console.log(`seeded ${count} demo participants`);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
