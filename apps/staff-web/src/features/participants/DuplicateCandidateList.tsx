import type { DuplicateCandidate, DuplicateLevelName } from '@waypoint/contracts';
import { Tag, type TagTone } from '@waypoint/ui';
import { hrefs } from '../../app/routes';
import { formatCalendarDate, fullName } from './participant-format';

const LEVELS: Record<DuplicateLevelName, { text: string; tone: TagTone }> = {
  certain: { text: 'Certain match', tone: 'error' },
  likely: { text: 'Likely match', tone: 'warning' },
  possible: { text: 'Possible match', tone: 'info' },
};

export interface DuplicateCandidateListProps {
  candidates: readonly DuplicateCandidate[];
  officeName: (code: string) => string;
  /** Prefix of element ids, so two lists on one page never share ids. */
  idPrefix: string;
}

/**
 * People already on file who may be the person being registered: who they are, how sure
 * the match is (score 0-100 and level), why, and the way to their record (the "link"
 * choice: work with the existing person instead of creating a second record).
 */
export function DuplicateCandidateList({ candidates, officeName, idPrefix }: DuplicateCandidateListProps) {
  return (
    <ul className="candidates">
      {candidates.map(({ participant: p, score, level, reasons }) => {
        const nameId = `${idPrefix}-${p.id}-name`;
        return (
          <li key={p.id} className="candidate" data-candidate-id={p.id}>
            <div className="candidate__head">
              <h3 id={nameId} className="candidate__name">
                {fullName(p)}
              </h3>
              <Tag tone={LEVELS[level].tone} testId={`match-level-${p.id}`}>
                {LEVELS[level].text}
              </Tag>
              <span className="candidate__score" data-testid={`match-score-${p.id}`}>
                Score {score} of 100
              </span>
            </div>
            <p className="candidate__facts">
              Born <time dateTime={p.dateOfBirth}>{formatCalendarDate(p.dateOfBirth)}</time> · {officeName(p.office)}
            </p>
            {reasons.length > 0 && (
              <ul className="candidate__reasons" aria-label={`Why ${fullName(p)} may be the same person`}>
                {reasons.map((r, i) => (
                  <li key={`${r.rule}-${i}`}>{r.detail}</li>
                ))}
              </ul>
            )}
            <a className="candidate__open" href={hrefs.participant(p.id)}>
              Open this record<span className="wp-visually-hidden"> of {fullName(p)}</span>
            </a>
          </li>
        );
      })}
    </ul>
  );
}
