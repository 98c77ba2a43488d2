/**
 * Benchmark of the intake service against the raw MongoDB driver, in one run on one machine.
 *
 *   bash tools/engines.sh start      # if the engines are not up
 *   TS_NODE_PROJECT=tsconfig.json node -r ts-node/register/transpile-only -r tsconfig-paths/register \
 *     tools/bench/intake-bench.ts [--n 500] [--population 100000] [--concurrency 16] [--checks 4]
 *
 * Runs in its own namespace (`bench`: databases waypoint_bench_*, topics bench.*), dropping
 * those databases first, so it never touches demo or test data. Starts the intake service as
 * its own process on a free port and stops it at the end. What each figure means:
 * docs/benchmarks.md.
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { MongoClient, type Collection, type Document } from 'mongodb';
import {
  assessmentCompletedV1,
  INTEREST_ITEM_IDS,
  participantRegisteredV1,
  type DuplicateCheckRequest,
  type DuplicateCheckResponse,
  type JobReadinessRequest,
  type RegisterParticipantRequest,
} from '@waypoint/contracts';
import { Audiences, baseConfigSchema, loadConfig, TokenSigner } from '@waypoint/platform';
import { startService, waitHealthy, type ServiceProcess } from '@waypoint/platform/testing';
import { copyIndexes, dropDatabases, engineInfo, ensureEngines, freePort, IntakeClient, log, progress, waitForIndexes } from './bench-setup';
import { fileKeysInBulk, findCandidatesWithDriver, IntakeDocuments, MATCH_KEYS_COLLECTION } from './intake-documents';
import { runAtConcurrency, summarise, type RunResult } from './load-runner';
import { duplicateQuestion, person } from './people';
import { formatTable, machineInfo, seconds, type Comparison } from './report';

const NAMESPACE = 'bench';
const DB_PREFIX = `waypoint_${NAMESPACE}_`;
const INTAKE_DB = `${DB_PREFIX}intake`;

interface Options {
  n: number;
  population: number;
  concurrency: number;
  /** Duplicate checks timed among the population (each way). */
  checks: number;
  /** Duplicate checks in flight at once (1: the latency of one search on an otherwise quiet service). */
  checkConcurrency: number;
  /** Assessments of each kind (job-readiness, interest-profile); default min(N, 100). */
  assessments: number;
  warmup: number;
}

const USAGE =
  'usage: intake-bench.ts [--n 500] [--population 100000] [--concurrency 16] [--checks 4] [--check-concurrency 1] [--assessments 100] [--warmup 50]';

function parseArgs(argv: string[]): Options {
  const given: Record<string, number> = {};
  for (let i = 0; i < argv.length; i += 2) {
    const key = argv[i].replace(/^--/, '').replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
    const value = Number(argv[i + 1]);
    if (!argv[i].startsWith('--') || !Number.isInteger(value) || value < 0) throw new Error(`${USAGE}\n(bad argument: ${argv[i]} ${argv[i + 1] ?? ''})`);
    given[key] = value;
  }
  const n = given.n ?? 500;
  const defaults: Options = { n, population: 100_000, concurrency: 16, checks: 4, checkConcurrency: 1, assessments: Math.min(n, 100), warmup: 50 };
  for (const key of Object.keys(given)) if (!(key in defaults)) throw new Error(`${USAGE}\n(unknown option --${key})`);
  const opts: Options = { ...defaults, ...given };
  if (opts.concurrency < 1 || opts.checkConcurrency < 1) throw new Error('concurrencies must be at least 1');
  return opts;
}

async function timed<T>(what: string, fn: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const t0 = performance.now();
  const value = await fn();
  const ms = performance.now() - t0;
  log(`${what}: ${seconds(ms)}`);
  return { value, ms };
}

function compare(operation: string, service: RunResult, driver: RunResult, driverLabel: string): Comparison {
  return { operation, service: summarise(service), driver: summarise(driver), driverLabel };
}

/** Pending outbox events, counted without the relay's help. */
const pendingEvents = (col: Collection): Promise<number> => col.countDocuments({ outboxPending: true });

async function main(): Promise<void> {
  const opts = parseArgs(process.argv.slice(2));
  const started = performance.now();
  const runTag = randomUUID().slice(0, 8);
  const config = loadConfig(baseConfigSchema, process.env);
  ensureEngines();

  const client = new MongoClient(config.MONGO_URL, { serverSelectionTimeoutMS: 10_000, maxPoolSize: Math.max(20, opts.concurrency * 2) });
  await client.connect();
  let intake: ServiceProcess | undefined;
  try {
    const dropped = await dropDatabases(client, DB_PREFIX);
    if (dropped.length) log(`dropped ${dropped.join(', ')}`);
    const db = client.db(INTAKE_DB);
    const engine = await engineInfo(db);

    const port = await freePort();
    intake = startService('intake', { WCM_NAMESPACE: NAMESPACE, INTAKE_PORT: String(port), LOG_LEVEL: 'warn' }, 'intake-bench');
    const service = intake;
    // Interrupted (Ctrl-C, a time-out): never leave the service running behind.
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      process.once(signal, () => {
        log(`${signal}: stopping the intake service`);
        void service.stop('SIGKILL').finally(() => process.exit(130));
      });
    }
    await timed('intake service healthy', () =>
      Promise.race([waitHealthy(service, `http://127.0.0.1:${port}/health`), service.exited.then((code) => Promise.reject(new Error(`intake exited (${code}); see ${service.logFile}`)))]),
    );
    const participants = db.collection('participants');
    const assessments = db.collection('assessments');
    const driverParticipants = db.collection('participants_driver');
    const driverAssessments = db.collection('assessments_driver');
    const participantIndexes = await waitForIndexes(participants, 2);
    await copyIndexes(participants, driverParticipants);
    log(`service indexes on participants (copied to participants_driver): ${participantIndexes.join(', ')}`);

    const signer = new TokenSigner(config.INTERNAL_TOKEN_SECRET);
    const token = signer.sign({ sub: 'u-bench', username: 'bench', roles: ['intake_worker', 'case_manager'] }, Audiences.internal, 24 * 3600);
    const api = new IntakeClient(`http://127.0.0.1:${port}`, token);
    const intakeDocs = new IntakeDocuments();
    const rows: Comparison[] = [];
    const notes: string[] = [];
    const C = opts.concurrency;
    const W = opts.warmup;

    // People 0..W-1 warm up, W..W+N-1 are measured; the population follows them.
    const people: RegisterParticipantRequest[] = Array.from({ length: W + opts.n }, (_, i) => person(i, runTag));

    // ---------------------------------------------------------------- registration
    log(`registering ${W} (warm-up) + ${opts.n} people through the service at concurrency ${C}`);
    const ids: string[] = new Array(people.length);
    const register = async (i: number): Promise<void> => {
      ids[i] = (await api.post<{ id: string }>('/participants', people[i], [201])).body.id;
    };
    await runAtConcurrency(W, C, register);
    const serviceRegistration = await runAtConcurrency(opts.n, C, (i) => register(W + i), progress('registered', opts.n));

    // The relay publishes in the background; measure its rate, then clear what is left so
    // the figures after this measure their own operation, not the relay's backlog.
    const pendingAtEnd = await pendingEvents(participants);
    const sampleMs = 10_000;
    await new Promise((r) => setTimeout(r, sampleMs));
    const pendingAfter = await pendingEvents(participants);
    const relayRate = (pendingAtEnd - pendingAfter) / (sampleMs / 1000);
    notes.push(
      `outbox relay: ${pendingAtEnd} of ${W + opts.n} registered events still unpublished when the last registration answered; ` +
        `it then published ${relayRate.toFixed(1)} events/s (${pendingAfter} left after ${sampleMs / 1000} s` +
        `${pendingAfter > 0 && relayRate > 0 ? `, about ${seconds((pendingAfter / relayRate) * 1000)} more to drain at that rate` : ''}). ` +
        'The benchmark then marked the rest published, so later figures do not include the relay catching up.',
    );
    await participants.updateMany({ outboxPending: true }, { $set: { outbox: [], outboxPending: false } });

    // The same database work with the driver: the candidate query, then insertOne of a copy
    // of the stored document (new id, its registered event back in the outbox).
    const stored = await participants.find({}).toArray();
    const byId = new Map(stored.map((d) => [d._id as unknown as string, d]));
    const driverIds = new Map<string, string>();
    const driverDocs = ids.map((id) => {
      const copy = asFreshInsert(byId.get(id) as Document);
      driverIds.set(id, copy._id as string);
      return copy;
    });
    const registrationKeys = people.map((p) => intakeDocs.duplicateKeys(duplicateQuestion(p)));
    const driverDirectory = db.collection(`${MATCH_KEYS_COLLECTION}_driver`);
    const driverRegister = async (i: number): Promise<void> => {
      await findCandidatesWithDriver(driverDirectory, driverParticipants, registrationKeys[i]);
      const id = driverDocs[i]._id as string;
      await Promise.all(registrationKeys[i].map((key) => driverDirectory.updateOne({ _id: key as never }, { $addToSet: { participantIds: id } }, { upsert: true })));
      await driverParticipants.insertOne(driverDocs[i]);
    };
    log(`the same with the driver: key lookups + key upserts + insertOne, at concurrency ${C}`);
    await runAtConcurrency(W, C, driverRegister);
    const driverRegistration = await runAtConcurrency(opts.n, C, (i) => driverRegister(W + i), progress('driver registered', opts.n));
    rows.push(compare('register a participant', serviceRegistration, driverRegistration, 'driver: key lookups by _id + key upserts + insertOne'));

    // ---------------------------------------------------------------- assessments
    const A = Math.min(opts.assessments, opts.n);
    if (A > 0) {
      await copyIndexes(assessments, driverAssessments).catch(() => []);
      for (const kind of ['job-readiness', 'interest-profile'] as const) {
        const body = kind === 'job-readiness' ? readinessBody() : interestBody();
        const assess = (i: number) => api.post(`/participants/${ids[i]}/assessments/${kind}`, body, [201]).then(() => undefined);
        log(`${kind}: ${Math.min(W, A)} (warm-up) + ${A} assessments through the service at concurrency ${C}`);
        await runAtConcurrency(Math.min(W, A), C, assess);
        const serviceRun = await runAtConcurrency(A, C, (i) => assess(W + i), progress(kind, A));
        await assessments.updateMany({ outboxPending: true }, { $set: { outbox: [], outboxPending: false } });
        if ((await driverAssessments.listIndexes().toArray()).length < 2) await copyIndexes(assessments, driverAssessments);

        const storedAssessments = await assessments.find({ kind }).toArray();
        const copies = new Map(storedAssessments.map((d) => [d.participantId as string, asFreshAssessment(d, driverIds.get(d.participantId) as string)]));
        const driverHeads = db.collection('assessment_series_driver');
        const driverAssess = async (i: number): Promise<void> => {
          const doc = copies.get(ids[i]) as Document;
          // What the service asks: the participant's office, the series head and its newest
          // assessment (all by _id), insert, move the head, supersede the previous (by _id).
          const headId = `${doc.participantId}|${kind}`;
          await driverParticipants.findOne({ _id: doc.participantId }, { projection: { office: 1 } });
          const head = await driverHeads.findOne({ _id: headId as never });
          if (head) await driverAssessments.findOne({ _id: head.latestId }, { projection: { outbox: 0 } });
          await driverAssessments.insertOne(doc);
          await driverHeads.findOne({ _id: headId as never });
          await driverHeads.updateOne({ _id: headId as never }, { $set: { number: doc.number, latestId: doc._id } }, { upsert: true });
          if (head) await driverAssessments.updateOne({ _id: head.latestId }, { $set: { latest: false } });
        };
        log(`${kind}: the same with the driver`);
        await runAtConcurrency(Math.min(W, A), C, driverAssess);
        const driverRun = await runAtConcurrency(A, C, (i) => driverAssess(W + i), progress(`driver ${kind}`, A));
        rows.push(compare(`${kind} assessment`, serviceRun, driverRun, 'driver: reads by _id + insertOne + head upsert'));
      }
    }

    // ---------------------------------------------------------------- duplicate search among the population
    const onFile = await participants.countDocuments({});
    const toLoad = Math.max(0, opts.population - onFile);
    const load = await timed(`loaded ${toLoad} more people with insertMany (population ${onFile + toLoad})`, async () => {
      const now = new Date();
      const report = progress('population loaded', toLoad);
      // The match-key directory entries of the loaded people, filed in bulk after them.
      const filed = new Map<string, string[]>();
      for (let done = 0; done < toLoad; ) {
        const batch = Array.from({ length: Math.min(1000, toLoad - done) }, (_, k) => intakeDocs.storedParticipant(person(W + opts.n + done + k, runTag), randomUUID(), now));
        for (const doc of batch) for (const key of intakeDocs.storedKeys(doc)) filed.set(key, [...(filed.get(key) ?? []), doc._id as string]);
        await participants.insertMany(batch, { ordered: false });
        done += batch.length;
        report(done);
      }
      await fileKeysInBulk(db.collection(MATCH_KEYS_COLLECTION), filed);
    });
    const population = onFile + toLoad;
    notes.push(`population: ${population} people in the service's collection (${onFile} registered above, ${toLoad} loaded with insertMany at ${Math.round(toLoad / (load.ms / 1000))} docs/s)`);

    const M = opts.checks;
    if (M > 0) {
      // Half ask about someone on file (the same person, answered as a worker would type them),
      // half about someone new; the same questions go to the service and to the driver.
      const questions: { q: DuplicateCheckRequest; planted: boolean }[] = Array.from({ length: M }, (_, k) => {
        const planted = k % 2 === 0;
        // Person numbers 0..population-1 are on file (registered, then loaded); later ones are not.
        const p = person(planted ? (k * 7_919) % population : population + 1_000 + k, runTag);
        return { q: duplicateQuestion(planted ? { ...p, firstName: p.firstName.toUpperCase(), lastName: ` ${p.lastName.toLowerCase()}` } : p), planted };
      });
      const questionKeys = questions.map(({ q }) => intakeDocs.duplicateKeys(q));
      const directory = db.collection(MATCH_KEYS_COLLECTION);
      let serviceFound = 0;
      let driverFound = 0;
      const check = async (k: number): Promise<void> => {
        const res = await api.post<DuplicateCheckResponse>('/participants/duplicate-check', questions[k].q, [200]);
        if (questions[k].planted && res.body.candidates.length > 0) serviceFound++;
      };
      const driverCheck = async (k: number): Promise<void> => {
        const docs = await findCandidatesWithDriver(directory, participants, questionKeys[k]);
        if (questions[k].planted && docs.length > 0) driverFound++;
      };
      const Cc = opts.checkConcurrency;
      log(`${M} duplicate checks among ${population} people through the service at concurrency ${Cc}`);
      await runAtConcurrency(1, 1, check);
      serviceFound = 0;
      const serviceChecks = await runAtConcurrency(M, Cc, check, progress('duplicate checks', M));
      log(`${M} candidate queries with the driver at concurrency ${Cc}`);
      await runAtConcurrency(1, 1, driverCheck);
      driverFound = 0;
      const driverChecks = await runAtConcurrency(M, Cc, driverCheck, progress('driver candidate queries', M));
      rows.push(compare(`duplicate check among ${population}`, serviceChecks, driverChecks, 'driver: the same key lookups and reads by _id'));
      const planted = questions.filter((x) => x.planted).length;
      notes.push(`duplicate check: found the person on file in ${serviceFound}/${planted} planted questions (service) and ${driverFound}/${planted} (driver); the other ${M - planted} asked about nobody on file`);
      if (engine.ferretdb) {
        const plan = (await directory.find({ _id: questionKeys[0][0] as never }).explain()) as Document;
        notes.push(`key lookup plan: filterPushdown=${String(plan.filterPushdown)} (${JSON.stringify(plan.queryPlanner?.Plan ?? plan.queryPlanner)})`);
      }
    }

    // The relay's idle poll, at this size: what one pass costs the database every OUTBOX_POLL_MS.
    const t = performance.now();
    await participants.find({ outboxPending: true }, { projection: { outbox: 1, outboxSeq: 1 } }).limit(100).toArray();
    notes.push(`outbox relay idle poll (find outboxPending: true) on ${population} people: ${(performance.now() - t).toFixed(0)} ms per pass (the relay sweeps every OUTBOX_POLL_MS, default 5 s, and at most a tenth of the time; written documents go at once by _id)`);

    printReport({ opts, engine: engine.description, ferretdb: engine.ferretdb, rows, notes, elapsed: performance.now() - started });
  } finally {
    await intake?.stop();
    await client.close();
  }
}

/**
 * An outbox entry of the size and shape the service writes (never published: nothing relays
 * the driver's collections, so it is not checked against the event contract).
 */
function outboxEntry(topic: string, type: string, participantId: string, data: unknown): Document[] {
  const envelope = { id: randomUUID(), type, version: 1, occurredAt: new Date().toISOString(), participantId, correlationId: randomUUID(), actor: { type: 'staff', id: 'u-bench' }, data };
  return [{ topic, envelope }];
}

/** A stored participant as the service inserts it: new id, and its registered event back in the outbox. */
function asFreshInsert(doc: Document): Document {
  const id = randomUUID();
  const { firstName, lastName, dateOfBirth, office, programsOfInterest, registeredAt, registeredBy } = doc;
  const data = { participantId: id, firstName, lastName, dateOfBirth, office, programsOfInterest, registeredAt, registeredBy };
  return { ...doc, _id: id as never, outbox: outboxEntry(participantRegisteredV1.topic, participantRegisteredV1.type, id, data), outboxPending: true, outboxSeq: 1 };
}

/** A stored assessment as the service inserts it, for the driver's copy of the participant. */
function asFreshAssessment(doc: Document, participantId: string): Document {
  const id = randomUUID();
  const { kind, number, schemaVersion, completedAt, reassessmentDueOn, summary } = doc;
  const data = { participantId, assessmentId: id, kind, number, schemaVersion, completedAt, reassessmentDueOn, summary };
  const outbox = outboxEntry(assessmentCompletedV1.topic, assessmentCompletedV1.type, participantId, data);
  return { ...doc, _id: id as never, participantId, outbox, outboxPending: true, outboxSeq: 1 };
}

const SOFT_SKILLS = ['attendance-punctuality', 'appearance', 'communication-attitude', 'performance-productivity'];

function readinessBody(): JobReadinessRequest {
  return {
    staffRatings: SOFT_SKILLS.map((criterionId) => ({ criterionId, rating: 3, evidence: 'Seen on the work crew this month' })),
    selfRatings: SOFT_SKILLS.map((criterionId) => ({ criterionId, rating: 4 })),
  };
}

function interestBody(): { answers: { itemId: string; rating: number }[]; jobZone: number } {
  return { answers: INTEREST_ITEM_IDS.map((itemId, i) => ({ itemId, rating: (i * 7) % 5 })), jobZone: 3 };
}

function printReport(r: { opts: Options; engine: string; ferretdb: boolean; rows: Comparison[]; notes: string[]; elapsed: number }): void {
  const out = [
    '',
    'Waypoint intake benchmark',
    `  engine:       ${r.engine}`,
    ...(r.ferretdb
      ? ['                FerretDB 1.x on SQLite pushes a filter down to SQL only for _id equality; other queries read and filter the whole collection (its indexes are not used as MongoDB would use them).']
      : []),
    `  machine:      ${machineInfo()}`,
    `  load:         N=${r.opts.n} after ${r.opts.warmup} warm-up, concurrency ${r.opts.concurrency}; assessments ${Math.min(r.opts.assessments, r.opts.n)} per kind; duplicate checks ${r.opts.checks} at concurrency ${r.opts.checkConcurrency}`,
    '  shared box:   the service, FerretDB, Kafka and this load generator (which also runs the driver half) share the machine',
    '',
    formatTable(r.rows),
    '',
    ...r.notes.map((n) => `  - ${n}`),
    `  - total run time: ${seconds(r.elapsed)}`,
    '',
  ];
  process.stdout.write(out.join('\n'));
}

main().catch((err) => {
  process.stderr.write(`benchmark failed: ${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
  process.exit(1);
});
