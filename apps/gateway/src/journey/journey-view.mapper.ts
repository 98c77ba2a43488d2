import { daysSinceLastService, type JourneyStateView } from '@waypoint/contracts';
import type { JourneyView } from '@waypoint/journey-workflows';

/**
 * The workflow's state as staff-web sees it: what a person's journey means today. The
 * workflow's own `asOf` and `daysSinceLastService` are workflow time (the last time it ran);
 * here the days count to the real `today`. Bookkeeping (applied event ids, counters,
 * services, follow-up marks) stays inside the workflow.
 */
export function toJourneyStateView(view: JourneyView, workflowId: string, today: string): JourneyStateView {
  return {
    live: true,
    participantId: view.participantId,
    workflowId,
    phase: view.phase,
    asOf: today,
    lastServiceOn: view.lastServiceOn ?? null,
    daysSinceLastService: daysSinceLastService(view.lastServiceOn, today),
    lastContactOn: view.lastContactOn ?? null,
    planSignedAt: view.planSignedAt ?? null,
    employmentStartOn: view.employmentStartOn ?? null,
    deadlines: [...(view.deadlines ?? [])].sort((a, b) => a.dueOn.localeCompare(b.dueOn)),
    openTasks: (view.openTasks ?? []).map((t) => ({
      taskId: t.taskId,
      kind: t.kind,
      title: t.title,
      dueOn: t.dueOn,
      audience: t.audience,
      ...(t.program ? { program: t.program } : {}),
      openedAt: t.openedAt,
    })),
    history: (view.history ?? []).map((h) => ({ sequence: h.sequence, phase: h.phase, at: h.at })),
    enrollments: (view.enrollments ?? []).map((e) => ({
      enrollmentId: e.enrollmentId,
      program: e.program,
      enrolledOn: e.enrolledOn,
      ...(e.exitedOn ? { exitedOn: e.exitedOn } : {}),
    })),
    exitProposal: view.exitProposal
      ? { exitOn: view.exitProposal.exitOn, lastServiceOn: view.exitProposal.lastServiceOn, programs: view.exitProposal.programs, proposedAt: view.exitProposal.proposedAt }
      : null,
    exit: view.exit
      ? {
          exitOn: view.exit.exitOn,
          reason: view.exit.reason,
          ...(view.exit.note ? { note: view.exit.note } : {}),
          confirmedBy: view.exit.confirmedBy,
          confirmedAt: view.exit.confirmedAt,
          followUpFrom: view.exit.followUpFrom,
          followUpEndsOn: view.exit.followUpEndsOn,
        }
      : null,
  };
}
