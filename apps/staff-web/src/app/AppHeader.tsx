import type { MouseEvent } from 'react';
import type { StaffUserView } from '@waypoint/contracts';
import { Button } from '@waypoint/ui';
import { roleLabel } from '../features/auth/roles';
import { useReference } from '../features/reference/ReferenceContext';
import { hrefs, Route } from './routes';

export interface AppHeaderProps {
  user: StaffUserView;
  route: Route;
  onSignOut: () => void;
}

export function focusMainHeading(): void {
  document.querySelector<HTMLElement>('#main h1')?.focus();
}

export function AppHeader({ user, route, onSignOut }: AppHeaderProps) {
  const reference = useReference();
  const onParticipants = route.name === 'participants';
  const skip = (event: MouseEvent<HTMLAnchorElement>) => {
    // The address holds the route, so the skip link moves focus instead of changing the hash.
    event.preventDefault();
    focusMainHeading();
  };
  return (
    <header className="app-header">
      <a className="skip-link" href="#main" onClick={skip}>
        Skip to main content
      </a>
      <div className="app-header__inner">
        <a className="app-header__brand" href={hrefs.participants()}>
          Waypoint
        </a>
        <nav aria-label="Main" className="app-header__nav">
          <ul>
            <li>
              <a href={hrefs.participants()} aria-current={onParticipants ? 'page' : undefined}>
                Participants
              </a>
            </li>
          </ul>
        </nav>
        <div className="app-header__user">
          <p className="app-header__identity">
            <span className="app-header__name" data-testid="current-user">
              {user.displayName}
            </span>
            <span className="app-header__meta">
              <span data-testid="current-role">{user.roles.map(roleLabel).join(', ')}</span>
              <span aria-hidden="true"> · </span>
              <span className="wp-visually-hidden">, </span>
              <span data-testid="current-office">{reference.officeName(user.office)}</span>
            </span>
          </p>
          <Button variant="quiet" onClick={onSignOut}>
            Sign out
          </Button>
        </div>
      </div>
    </header>
  );
}
