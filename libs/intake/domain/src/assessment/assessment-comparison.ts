import type {
  InterestProfileComparison,
  InterestProfileResult,
  JobReadinessComparison,
  JobReadinessResult,
} from '@waypoint/contracts';
import { RIASEC_AREAS } from './riasec';

const round2 = (n: number) => Math.round(n * 100) / 100;
const delta = (from?: number, to?: number) => (from === undefined || to === undefined ? undefined : round2(to - from));

/** Score change per RIASEC area (to minus from) and whether the primary interest or job zone changed. */
export function compareInterestProfiles(
  from: { result: InterestProfileResult; jobZone: number },
  to: { result: InterestProfileResult; jobZone: number },
): InterestProfileComparison {
  const scoreDeltas = Object.fromEntries(RIASEC_AREAS.map((a) => [a, to.result.scores[a] - from.result.scores[a]])) as InterestProfileComparison['scoreDeltas'];
  return {
    scoreDeltas,
    primaryChanged: from.result.primary !== to.result.primary,
    fromPrimary: from.result.primary,
    toPrimary: to.result.primary,
    fromHollandCode: from.result.hollandCode,
    toHollandCode: to.result.hollandCode,
    jobZoneChanged: from.jobZone !== to.jobZone,
  };
}

/**
 * Change of each criterion's staff and self rating between two readiness assessments, in the
 * order of the later one, then criteria only the earlier one had (dropped hard skills).
 */
export function compareReadinessResults(from: JobReadinessResult, to: JobReadinessResult): JobReadinessComparison {
  const before = new Map(from.criteria.map((c) => [c.criterionId, c]));
  const ids = [...to.criteria.map((c) => c.criterionId), ...from.criteria.map((c) => c.criterionId).filter((id) => !to.criteria.some((c) => c.criterionId === id))];
  const after = new Map(to.criteria.map((c) => [c.criterionId, c]));
  return {
    criteria: ids.map((criterionId) => {
      const a = before.get(criterionId);
      const b = after.get(criterionId);
      return {
        criterionId,
        label: (b ?? a)?.label ?? criterionId,
        fromStaff: a?.staff,
        toStaff: b?.staff,
        staffChange: delta(a?.staff, b?.staff),
        fromSelf: a?.self,
        toSelf: b?.self,
        selfChange: delta(a?.self, b?.self),
        fromGap: a?.gap,
        toGap: b?.gap,
      };
    }),
    staffAverageChange: delta(from.staffAverage, to.staffAverage),
    selfAverageChange: delta(from.selfAverage, to.selfAverage),
  };
}
