import { createContext, useContext } from 'react';
import type { WaypointApi } from './waypoint-api';

export const ApiContext = createContext<WaypointApi | null>(null);

export function useApi(): WaypointApi {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi must be used inside <ApiContext.Provider>');
  return api;
}
