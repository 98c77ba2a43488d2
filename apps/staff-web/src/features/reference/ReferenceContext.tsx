import { createContext, ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { ApiError, isAbortError, ReferenceData, SessionExpiredError, useApi } from '../../api';

export interface Reference {
  status: 'loading' | 'ready' | 'error';
  error: string | null;
  offices: ReferenceData['offices'];
  programs: ReferenceData['programs'];
  officeName: (code: string) => string;
  programLabel: (code: string) => string;
  retry: () => void;
}

const ReferenceContext = createContext<Reference | null>(null);

/** Offices and programs, loaded once per signed-in session and shared by every screen. */
export function ReferenceProvider({ children }: { children: ReactNode }) {
  const api = useApi();
  const [data, setData] = useState<ReferenceData | null>(null);
  const [status, setStatus] = useState<Reference['status']>('loading');
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    setStatus('loading');
    api
      .reference(controller.signal)
      .then((result) => {
        setData(result);
        setStatus('ready');
        setError(null);
      })
      .catch((e: unknown) => {
        if (isAbortError(e) || e instanceof SessionExpiredError) return;
        setStatus('error');
        setError(e instanceof ApiError ? e.message : 'Offices and programs could not be loaded.');
      });
    return () => controller.abort();
  }, [api, attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);

  const value = useMemo<Reference>(() => {
    const offices = data?.offices ?? [];
    const programs = data?.programs ?? [];
    const officeNames = new Map(offices.map((o) => [o.code, o.name]));
    const programLabels = new Map<string, string>(programs.map((p) => [p.code, p.label]));
    return {
      status,
      error,
      offices,
      programs,
      officeName: (code) => officeNames.get(code) ?? code,
      programLabel: (code) => programLabels.get(code) ?? code,
      retry,
    };
  }, [data, status, error, retry]);

  return <ReferenceContext.Provider value={value}>{children}</ReferenceContext.Provider>;
}

export function useReference(): Reference {
  const reference = useContext(ReferenceContext);
  if (!reference) throw new Error('useReference must be used inside <ReferenceProvider>');
  return reference;
}
