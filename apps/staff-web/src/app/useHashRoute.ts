import { useCallback, useMemo, useSyncExternalStore } from 'react';
import { parseHash, Route } from './routes';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

const readHash = () => window.location.hash;

export interface HashRoute {
  route: Route;
  hash: string;
  /** Go to a `#/...` address (adds a history entry). */
  navigate: (href: string) => void;
}

export function useHashRoute(): HashRoute {
  const hash = useSyncExternalStore(subscribe, readHash, () => '');
  const route = useMemo(() => parseHash(hash), [hash]);
  const navigate = useCallback((href: string) => {
    if (window.location.hash === href) window.dispatchEvent(new HashChangeEvent('hashchange'));
    else window.location.hash = href;
  }, []);
  return { route, hash, navigate };
}
