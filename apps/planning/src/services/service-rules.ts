import type { FieldError, RecordServiceRequest, ServiceStatus } from '@waypoint/contracts';

// The rules of recording a service and changing its status: pure functions of the request,
// the service as stored and today's date (UTC), so they are tested by table.
// (They move to libs/planning/domain when the planning issue creates it.)

/** Which status a service may move to from each status. Delivered and cancelled are final. */
export const SERVICE_TRANSITIONS: Record<ServiceStatus, readonly ServiceStatus[]> = {
  scheduled: ['in_progress', 'delivered', 'cancelled'],
  in_progress: ['delivered', 'cancelled'],
  delivered: [],
  cancelled: [],
};

const LABEL: Record<ServiceStatus, string> = {
  scheduled: 'scheduled',
  in_progress: 'in progress',
  delivered: 'delivered',
  cancelled: 'cancelled',
};

/** The dates of a service in a given status. */
export interface ServiceDates {
  status: ServiceStatus;
  startOn: string;
  endOn?: string;
}

/**
 * What is wrong with these dates for this status, as of `today` (all YYYY-MM-DD):
 * delivered and in-progress services did not start in the future, a delivered one did not
 * end in the future either, a scheduled one is not in the past, and no service ends before
 * it starts. Cancelled services keep the dates they had.
 */
export function serviceDateRefusals(s: ServiceDates, today: string): FieldError[] {
  const refusals: FieldError[] = [];
  if ((s.status === 'delivered' || s.status === 'in_progress') && s.startOn > today) {
    refusals.push({ field: 'startOn', message: `A service ${LABEL[s.status]} cannot start in the future (${s.startOn}); schedule it instead` });
  }
  if (s.status === 'scheduled' && s.startOn < today) {
    refusals.push({ field: 'startOn', message: `A scheduled service cannot start in the past (${s.startOn}); record it as delivered or in progress` });
  }
  if (s.status === 'delivered' && s.endOn !== undefined && s.endOn > today) {
    refusals.push({ field: 'endOn', message: `A delivered service cannot end in the future (${s.endOn})` });
  }
  if (s.endOn !== undefined && s.endOn < s.startOn) {
    refusals.push({ field: 'endOn', message: `The service cannot end (${s.endOn}) before it starts (${s.startOn})` });
  }
  return refusals;
}

/** A new service's refusals. */
export function newServiceRefusals(input: Pick<RecordServiceRequest, 'status' | 'startOn' | 'endOn'>, today: string): FieldError[] {
  return serviceDateRefusals(input, today);
}

export interface StatusChange {
  status: ServiceStatus;
  startOn?: string;
  endOn?: string;
}

/**
 * A status change's outcome: the dates after it, or what it breaks. The start date stays
 * unless given; the end date too, except that an in-progress service delivered without one
 * ends today (or on its planned end, if that has passed). A transition not in
 * SERVICE_TRANSITIONS is refused by name.
 *
 * The same status again is a correction (or, for a scheduled service, a new date): it must
 * change a date and say why (`note`), and goes into the history like any change. Cancelled
 * services are not corrected.
 */
export function applyStatusChange(
  current: ServiceDates,
  change: StatusChange & { note?: string },
  today: string,
): { ok: true; next: ServiceDates } | { ok: false; refusals: FieldError[] } {
  if (change.status === current.status) return applyCorrection(current, change, today);
  if (!SERVICE_TRANSITIONS[current.status].includes(change.status)) {
    const allowed = SERVICE_TRANSITIONS[current.status];
    const then = allowed.length ? `it can become ${allowed.map((s) => LABEL[s]).join(', ')}` : 'its status is final';
    return {
      ok: false,
      refusals: [{ field: 'status', message: `A ${LABEL[current.status]} service cannot become ${LABEL[change.status]}: ${then}` }],
    };
  }
  let endOn = change.endOn ?? current.endOn;
  // An in-progress service delivered without an end date ends today, unless it already ended.
  if (change.endOn === undefined && current.status === 'in_progress' && change.status === 'delivered' && (endOn === undefined || endOn > today)) {
    endOn = today;
  }
  const next: ServiceDates = { status: change.status, startOn: change.startOn ?? current.startOn, ...(endOn !== undefined ? { endOn } : {}) };
  const refusals = serviceDateRefusals(next, today);
  return refusals.length ? { ok: false, refusals } : { ok: true, next };
}

function applyCorrection(
  current: ServiceDates,
  change: StatusChange & { note?: string },
  today: string,
): { ok: true; next: ServiceDates } | { ok: false; refusals: FieldError[] } {
  if (current.status === 'cancelled') return { ok: false, refusals: [{ field: 'status', message: 'A cancelled service is not corrected: record the service again' }] };
  const endOn = change.endOn ?? current.endOn;
  const next: ServiceDates = { status: current.status, startOn: change.startOn ?? current.startOn, ...(endOn !== undefined ? { endOn } : {}) };
  const refusals: FieldError[] = [];
  if (next.startOn === current.startOn && next.endOn === current.endOn) {
    refusals.push({ field: 'status', message: `The service is already ${LABEL[current.status]}: give the corrected startOn or endOn` });
  }
  if (!change.note) refusals.push({ field: 'note', message: 'Say why the dates are corrected' });
  refusals.push(...serviceDateRefusals(next, today));
  return refusals.length ? { ok: false, refusals } : { ok: true, next };
}
