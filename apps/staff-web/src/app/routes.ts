/** Hash routes of the staff web: `#/participants`, `#/participants/new`, `#/participants/:id`. */
export type Route =
  | { name: 'participants'; q: string }
  | { name: 'register' }
  | { name: 'participant'; id: string }
  | { name: 'not-found'; path: string };

export const hrefs = {
  participants: (q?: string) => (q ? `#/participants?q=${encodeURIComponent(q)}` : '#/participants'),
  register: () => '#/participants/new',
  participant: (id: string) => `#/participants/${encodeURIComponent(id)}`,
};

export function parseHash(hash: string): Route {
  const raw = hash.replace(/^#/, '');
  const [pathPart, queryPart = ''] = raw.split('?', 2);
  const segments = pathPart.split('/').filter(Boolean).map(safeDecode);
  if (segments.length === 0) return { name: 'participants', q: '' };
  if (segments[0] === 'participants') {
    if (segments.length === 1) return { name: 'participants', q: new URLSearchParams(queryPart).get('q') ?? '' };
    if (segments.length === 2 && segments[1] === 'new') return { name: 'register' };
    if (segments.length === 2) return { name: 'participant', id: segments[1] };
  }
  return { name: 'not-found', path: pathPart };
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
