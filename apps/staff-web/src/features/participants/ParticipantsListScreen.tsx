import { KeyboardEvent, MouseEvent, useEffect, useRef, useState } from 'react';
import type { ParticipantSummary } from '@waypoint/contracts';
import { Alert, Button, PhaseBadge, Tag } from '@waypoint/ui';
import { hrefs } from '../../app/routes';
import { DeadlineDate } from '../journey/DeadlineDate';
import { deadlineText, formatDaysSince, localToday } from '../journey/journey-format';
import { useReference } from '../reference/ReferenceContext';
import { listSearch } from './list-search.store';
import { formatCalendarDate, formatInstantDate } from './participant-format';
import { useParticipantList } from './useParticipantList';

export interface ParticipantsListScreenProps {
  userId: string;
  /** A search given in the address (`#/participants?q=…`); otherwise the user's last search. */
  initialQuery: string;
  canRegister: boolean;
  navigate: (href: string) => void;
}

const SEARCH_DELAY_MS = 250;

export function ParticipantsListScreen({ userId, initialQuery, canRegister, navigate }: ParticipantsListScreenProps) {
  const [start] = useState(() => initialQuery || listSearch.get(userId));
  const [input, setInput] = useState(start);
  const [query, setQuery] = useState(start.trim());
  const list = useParticipantList(query);
  const searchRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    document.title = 'Participants – Waypoint';
  }, []);

  // Search as the user types, after a short pause.
  useEffect(() => {
    const next = input.trim();
    if (next === query) return;
    const timer = window.setTimeout(() => setQuery(next), SEARCH_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [input, query]);

  useEffect(() => {
    listSearch.set(userId, query);
  }, [userId, query]);

  // "/" jumps to the search box from anywhere on the screen that is not a text field.
  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey) return;
      const target = event.target as HTMLElement | null;
      if (target && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))) return;
      event.preventDefault();
      searchRef.current?.focus();
      searchRef.current?.select();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  const showTable = list.status === 'ready' && list.items.length > 0;

  return (
    <>
      <div className="page-heading">
        <h1 tabIndex={-1}>Participants</h1>
        {canRegister && (
          <Button variant="primary" onClick={() => navigate(hrefs.register())}>
            Register participant
          </Button>
        )}
      </div>

      <form
        role="search"
        className="search"
        onSubmit={(event) => {
          event.preventDefault();
          setQuery(input.trim());
        }}
      >
        <label htmlFor="participant-search" className="search__label">
          Search by name
        </label>
        <div className="search__row">
          <input
            id="participant-search"
            ref={searchRef}
            type="search"
            className="wp-input search__input"
            value={input}
            onChange={(event) => setInput(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Escape' && input) {
                event.preventDefault();
                setInput('');
                setQuery('');
              }
            }}
            aria-describedby="participant-search-hint"
            aria-keyshortcuts="/"
            autoComplete="off"
            spellCheck={false}
          />
          <Button type="submit">Search</Button>
        </div>
        <p id="participant-search-hint" className="wp-field__hint">
          First or last name. Press / to come back here, Escape to clear.
        </p>
      </form>

      <p className="list-status" role="status" aria-live="polite">
        {listStatusText(list.status, list.items.length, list.nextCursor !== null, query, list.refreshing, list.lastAdded)}
      </p>

      {list.status === 'error' && (
        <Alert tone="error" title="Participants could not be loaded" actions={<Button onClick={list.reload}>Try again</Button>}>
          {list.error}
        </Alert>
      )}

      {list.status === 'ready' && list.items.length === 0 && (
        <div className="empty-state">
          {query ? (
            <p>
              No participants match <strong>“{query}”</strong>. Check the spelling, or search by last name only.
            </p>
          ) : (
            <p>No participants are registered yet.</p>
          )}
          {canRegister && (
            <Button onClick={() => navigate(hrefs.register())} variant="secondary">
              Register a new participant
            </Button>
          )}
        </div>
      )}

      {showTable && <ParticipantsTable items={list.items} busy={list.refreshing} navigate={navigate} />}

      {list.loadMoreError && (
        <Alert tone="error" actions={<Button onClick={list.loadMore}>Try again</Button>}>
          {list.loadMoreError}
        </Alert>
      )}

      {showTable && list.nextCursor && (
        <div className="load-more">
          <Button onClick={list.loadMore} busy={list.loadingMore}>
            Load more
          </Button>
        </div>
      )}
    </>
  );
}

function listStatusText(
  status: 'loading' | 'ready' | 'error',
  count: number,
  hasMore: boolean,
  query: string,
  refreshing: boolean,
  lastAdded: number | null,
): string {
  if (status === 'loading' || refreshing) return 'Loading participants…';
  if (status === 'error') return '';
  if (count === 0) return query ? 'No matches.' : '';
  const what = count === 1 ? '1 participant' : `${count} participants`;
  const added = lastAdded !== null ? `Loaded ${lastAdded} more. ` : '';
  return `${added}Showing ${what}${query ? ` matching “${query}”` : ''}${hasMore ? '; more are available' : ''}.`;
}

interface ParticipantsTableProps {
  items: ParticipantSummary[];
  busy: boolean;
  navigate: (href: string) => void;
}

/**
 * One row per participant. Rows use a roving tab stop: Tab enters the table once,
 * arrow keys (and Home/End) move between rows, Enter opens the participant.
 */
function ParticipantsTable({ items, busy, navigate }: ParticipantsTableProps) {
  const reference = useReference();
  const [active, setActive] = useState(0);
  const rowRefs = useRef<(HTMLTableRowElement | null)[]>([]);
  const activeIndex = Math.min(active, items.length - 1);
  const today = localToday();

  const focusRow = (index: number) => {
    const clamped = Math.max(0, Math.min(items.length - 1, index));
    setActive(clamped);
    rowRefs.current[clamped]?.focus();
  };

  const onRowKeyDown = (event: KeyboardEvent<HTMLTableRowElement>, index: number, id: string) => {
    switch (event.key) {
      case 'Enter':
        event.preventDefault();
        navigate(hrefs.participant(id));
        break;
      case 'ArrowDown':
        event.preventDefault();
        focusRow(index + 1);
        break;
      case 'ArrowUp':
        event.preventDefault();
        focusRow(index - 1);
        break;
      case 'Home':
        event.preventDefault();
        focusRow(0);
        break;
      case 'End':
        event.preventDefault();
        focusRow(items.length - 1);
        break;
    }
  };

  const onRowClick = (event: MouseEvent<HTMLTableRowElement>, id: string) => {
    // Let the name link handle its own clicks (new tab, copy link); ignore text selection.
    if ((event.target as HTMLElement).closest('a')) return;
    if (window.getSelection()?.toString()) return;
    navigate(hrefs.participant(id));
  };

  return (
    <div className="table-wrap">
      <table className="data-table" aria-label="Participants" aria-busy={busy || undefined}>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Date of birth</th>
            <th scope="col">Office</th>
            <th scope="col">Programs</th>
            <th scope="col">Journey phase</th>
            <th scope="col">Days since last service</th>
            <th scope="col">Next deadline</th>
            <th scope="col">Registered</th>
          </tr>
        </thead>
        <tbody>
          {items.map((p, index) => (
            <tr
              key={p.id}
              ref={(el) => {
                rowRefs.current[index] = el;
              }}
              className="data-table__row"
              tabIndex={index === activeIndex ? 0 : -1}
              onFocus={() => setActive(index)}
              onKeyDown={(event) => onRowKeyDown(event, index, p.id)}
              onClick={(event) => onRowClick(event, p.id)}
              data-participant-id={p.id}
            >
              <th scope="row" className="data-table__name">
                <a href={hrefs.participant(p.id)} tabIndex={-1}>
                  {p.lastName}, {p.firstName}
                </a>
              </th>
              <td>
                <time dateTime={p.dateOfBirth}>{formatCalendarDate(p.dateOfBirth)}</time>
              </td>
              <td>{reference.officeName(p.office)}</td>
              <td>{p.programsOfInterest.map((code) => reference.programLabel(code)).join(', ')}</td>
              <td>
                <PhaseBadge phase={p.phase} testId={`phase-${p.id}`} />
              </td>
              <td data-testid={`days-since-${p.id}`}>
                {p.daysSinceLastService != null ? formatDaysSince(p.daysSinceLastService) : <span className="muted">{formatDaysSince(null)}</span>}
              </td>
              <td data-testid={`next-deadline-${p.id}`}>
                <NextDeadline participant={p} today={today} programLabel={reference.programLabel} />
              </td>
              <td>
                <time dateTime={p.registeredAt}>{formatInstantDate(p.registeredAt)}</time>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The journey's soonest deadline, "Overdue" once past, and the "Exit proposed" flag. */
function NextDeadline({ participant: p, today, programLabel }: { participant: ParticipantSummary; today: string; programLabel: (code: string) => string }) {
  const d = p.nextDeadline;
  return (
    <>
      {d ? (
        <span className="next-deadline">
          {deadlineText(d, programLabel)}: <DeadlineDate dueOn={d.dueOn} today={today} testId={`overdue-${p.id}`} />
        </span>
      ) : (
        <span className="muted">None</span>
      )}
      {p.exitProposedOn && (
        <>
          {' '}
          <Tag tone="warning" testId={`exit-proposed-${p.id}`}>
            Exit proposed
          </Tag>
        </>
      )}
    </>
  );
}
