import type { FieldError } from '@waypoint/contracts';
import { applyStatusChange, newServiceRefusals, type ServiceDates, type StatusChange } from './service-rules';

const today = '2026-06-15';
const fields = (refusals: FieldError[]) => refusals.map((r) => r.field);

describe('recording a service', () => {
  it.each([
    ['delivered today', { status: 'delivered', startOn: today }, []],
    ['delivered last month over a week', { status: 'delivered', startOn: '2026-05-01', endOn: '2026-05-07' }, []],
    ['delivered tomorrow', { status: 'delivered', startOn: '2026-06-16' }, ['startOn']],
    ['delivered, ending tomorrow', { status: 'delivered', startOn: '2026-06-10', endOn: '2026-06-16' }, ['endOn']],
    ['in progress since yesterday, ending next month', { status: 'in_progress', startOn: '2026-06-14', endOn: '2026-07-15' }, []],
    ['in progress from tomorrow', { status: 'in_progress', startOn: '2026-06-16' }, ['startOn']],
    ['scheduled today', { status: 'scheduled', startOn: today }, []],
    ['scheduled next week', { status: 'scheduled', startOn: '2026-06-22', endOn: '2026-06-26' }, []],
    ['scheduled yesterday', { status: 'scheduled', startOn: '2026-06-14' }, ['startOn']],
    ['ending before it starts', { status: 'scheduled', startOn: '2026-06-22', endOn: '2026-06-21' }, ['endOn']],
    ['ending before it starts, in the future', { status: 'delivered', startOn: '2026-06-20', endOn: '2026-06-18' }, ['startOn', 'endOn', 'endOn']],
  ] as [string, ServiceDates & { status: 'scheduled' | 'in_progress' | 'delivered' }, string[]][])(
    '%s',
    (_name, input, refused) => {
      expect(fields(newServiceRefusals(input, today))).toEqual(refused);
    },
  );
});

describe('changing a service status', () => {
  const scheduled: ServiceDates = { status: 'scheduled', startOn: '2026-06-10' };
  const scheduledLater: ServiceDates = { status: 'scheduled', startOn: '2026-06-20' };
  const inProgress: ServiceDates = { status: 'in_progress', startOn: '2026-06-01', endOn: '2026-06-30' };
  const delivered: ServiceDates = { status: 'delivered', startOn: '2026-06-01' };
  const cancelled: ServiceDates = { status: 'cancelled', startOn: '2026-06-01' };

  it.each([
    ['scheduled → in progress', scheduled, { status: 'in_progress' }, { status: 'in_progress', startOn: '2026-06-10' }],
    ['scheduled → delivered', scheduled, { status: 'delivered' }, { status: 'delivered', startOn: '2026-06-10' }],
    ['scheduled → cancelled', scheduledLater, { status: 'cancelled' }, { status: 'cancelled', startOn: '2026-06-20' }],
    ['scheduled for later, delivered early (start given)', scheduledLater, { status: 'delivered', startOn: today }, { status: 'delivered', startOn: today }],
    ['in progress → delivered, ends today', inProgress, { status: 'delivered' }, { status: 'delivered', startOn: '2026-06-01', endOn: today }],
    ['in progress → delivered on a given day', inProgress, { status: 'delivered', endOn: '2026-06-12' }, { status: 'delivered', startOn: '2026-06-01', endOn: '2026-06-12' }],
    ['in progress → cancelled', inProgress, { status: 'cancelled' }, { status: 'cancelled', startOn: '2026-06-01', endOn: '2026-06-30' }],
  ] as [string, ServiceDates, StatusChange, ServiceDates][])('%s', (_name, current, change, next) => {
    expect(applyStatusChange(current, change, today)).toEqual({ ok: true, next });
  });

  it.each([
    ['in progress → scheduled', inProgress, 'in_progress', 'scheduled', /in progress service cannot become scheduled: it can become delivered, cancelled/],
    ['delivered → cancelled', delivered, 'delivered', 'cancelled', /delivered service cannot become cancelled: its status is final/],
    ['cancelled → delivered', cancelled, 'cancelled', 'delivered', /cancelled service cannot become delivered/],
    ['delivered → in progress', delivered, 'delivered', 'in_progress', /cannot become in progress/],
  ] as [string, ServiceDates, string, StatusChange['status'], RegExp][])('refuses %s by name', (_name, current, _from, to, message) => {
    const outcome = applyStatusChange(current, { status: to }, today);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) {
      expect(outcome.refusals).toEqual([{ field: 'status', message: expect.stringMatching(message) }]);
    }
  });

  it.each([
    ['a scheduled service started before its day, without saying when', scheduledLater, { status: 'in_progress' }, ['startOn']],
    ['delivered with an end in the future', scheduled, { status: 'delivered', endOn: '2026-06-16' }, ['endOn']],
    ['delivered with an end before its start', inProgress, { status: 'delivered', endOn: '2026-05-30' }, ['endOn']],
  ] as [string, ServiceDates, StatusChange, string[]][])('refuses %s', (_name, current, change, refused) => {
    const outcome = applyStatusChange(current, change, today);
    expect(outcome.ok ? [] : fields(outcome.refusals)).toEqual(refused);
  });

  it.each([
    ['moves a scheduled service to another day', scheduledLater, { status: 'scheduled', startOn: '2026-06-25', note: 'Rescheduled' }, { status: 'scheduled', startOn: '2026-06-25' }],
    ['corrects the day a delivered service was given', delivered, { status: 'delivered', startOn: '2026-05-30', note: 'Wrong day entered' }, { status: 'delivered', startOn: '2026-05-30' }],
    ['corrects the expected end of one in progress', inProgress, { status: 'in_progress', endOn: '2026-07-10', note: 'Course extended' }, { status: 'in_progress', startOn: '2026-06-01', endOn: '2026-07-10' }],
  ] as [string, ServiceDates, StatusChange & { note: string }, ServiceDates][])('%s (a correction)', (_name, current, change, next) => {
    expect(applyStatusChange(current, change, today)).toEqual({ ok: true, next });
  });

  it.each([
    ['a correction that changes nothing', delivered, { status: 'delivered', note: 'Oops' }, ['status']],
    ['a correction without a reason', delivered, { status: 'delivered', startOn: '2026-05-30' }, ['note']],
    ['a correction into the future', delivered, { status: 'delivered', startOn: '2026-06-16', note: 'Typo' }, ['startOn']],
    ['a rescheduling into the past', scheduledLater, { status: 'scheduled', startOn: '2026-06-01', note: 'Moved' }, ['startOn']],
    ['correcting a cancelled service', cancelled, { status: 'cancelled', startOn: '2026-05-01', note: 'x' }, ['status']],
  ] as [string, ServiceDates, StatusChange & { note?: string }, string[]][])('refuses %s', (_name, current, change, refused) => {
    const outcome = applyStatusChange(current, change, today);
    expect(outcome.ok ? [] : fields(outcome.refusals)).toEqual(refused);
  });
});
