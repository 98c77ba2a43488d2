import type { RecordContactRequest, RecordServiceRequest } from '../../libs/contracts/src';
import type { DemoClient } from './demo-api';
import { daysAgo } from './demo-dates';

/**
 * The casework a case manager, trainer or job developer records for an enrolled demo person
 * in planning: the services that move their journey (and its 90-day exit clock) and the
 * monthly contact. Every demo enrollment begins on the day of the seed, so every date here is
 * today or later: the demo never shows a service before the person was enrolled.
 */
export interface DemoCasework {
  services: { by: 'caseManager' | 'trainer' | 'jobDeveloper'; body: RecordServiceRequest }[];
  contact?: RecordContactRequest;
}

const inDays = (days: number) => daysAgo(-days);

export function caseworkPlan(i: number, program: string): DemoCasework {
  const services: DemoCasework['services'] = [
    { by: 'caseManager', body: { program, category: 'career_service', service: 'Comprehensive assessment interview', status: 'delivered', startOn: daysAgo(0) } },
  ];
  if (i % 3 === 0) {
    services.push({
      by: 'trainer',
      body: { program, category: 'training', service: 'Certified Nursing Assistant course', status: 'in_progress', startOn: daysAgo(0), endOn: inDays(56) },
    });
  }
  if (i % 3 === 1) {
    services.push({
      by: 'caseManager',
      body: { program, category: 'supportive_service', service: 'Monthly bus pass', status: 'scheduled', startOn: inDays(7), note: 'Pick up at the front desk' },
    });
  }
  if (i % 4 === 2) {
    services.push({ by: 'jobDeveloper', body: { program, category: 'job_search_assistance', service: 'Job club and employer introductions', status: 'delivered', startOn: daysAgo(0) } });
  }
  // Information-only: recorded, but it neither resets nor holds the exit clock.
  if (i % 5 === 0) services.push({ by: 'caseManager', body: { program, category: 'information_only', service: 'Labour-market information handout', status: 'delivered', startOn: daysAgo(0) } });
  const contact: RecordContactRequest | undefined =
    i % 2 === 0 ? { contactType: i % 4 === 0 ? 'in_person' : 'phone', contactOn: daysAgo(0), program, summary: 'Reviewed next steps and the service schedule' } : undefined;
  return { services, ...(contact ? { contact } : {}) };
}

/**
 * Planning learns of a person from intake's registration event, a moment after intake answers:
 * a 404 right after registration means "not yet", so ask again for a few seconds.
 */
export async function whenPlanningKnows<T>(what: string, call: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (err) {
      if (attempt >= 40 || !/answered 404/.test((err as Error).message)) throw err;
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}

export async function recordCasework(
  staff: Record<DemoCasework['services'][number]['by'], DemoClient>,
  participantId: string,
  plan: DemoCasework,
  label: string,
): Promise<{ services: number; contacts: number }> {
  for (const s of plan.services) {
    await whenPlanningKnows(label, () => staff[s.by].post(`/participants/${participantId}/services`, s.body, `${s.body.service} for ${label}`));
  }
  if (plan.contact) {
    const contact = plan.contact;
    await whenPlanningKnows(label, () => staff.caseManager.post(`/participants/${participantId}/contacts`, contact, `a contact with ${label}`));
  }
  return { services: plan.services.length, contacts: plan.contact ? 1 : 0 };
}
