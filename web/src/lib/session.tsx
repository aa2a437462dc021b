import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { api, ApiError } from './api';

export type Role = 'citizen' | 'super_admin' | 'triage_admin' | 'opd_admin' | 'opd_officer' | 'executive' | 'auditor' | (string & {});

export interface Me {
  id: string;
  role: Role;
  fullName: string;
  email: string | null;
  phone: string | null;
  opdId: number | null;
  nik: string | null;
  /** An admin chose the password: nothing works until the owner replaces it (/ganti-sandi). */
  passwordChangeRequired: boolean;
}

interface SessionValue {
  /** undefined while the first check runs; null when nobody is logged in. */
  user: Me | null | undefined;
  refresh(): Promise<void>;
  setUser(user: Me | null): void;
  logout(): Promise<void>;
}

const SessionContext = createContext<SessionValue>({ user: undefined, refresh: async () => {}, setUser: () => {}, logout: async () => {} });
// Remembered so the offline app shell still knows who is using it; the cookie stays the authority.
const KEY = 'khidmat.me';

export function SessionProvider({ children }: { children: ReactNode }) {
  const [user, setUserState] = useState<Me | null | undefined>(undefined);
  const setUser = useCallback((u: Me | null) => {
    if (u) localStorage.setItem(KEY, JSON.stringify(u));
    else localStorage.removeItem(KEY);
    setUserState(u);
  }, []);
  const refresh = useCallback(async () => {
    try {
      setUser(await api<Me>('GET', '/auth/me'));
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) setUser(null);
      else {
        const cached = localStorage.getItem(KEY);
        setUserState(cached ? (JSON.parse(cached) as Me) : null);
      }
    }
  }, [setUser]);
  const logout = useCallback(async () => {
    await api('POST', '/auth/logout').catch(() => undefined);
    setUser(null);
  }, [setUser]);
  useEffect(() => {
    void refresh();
  }, [refresh]);
  return <SessionContext.Provider value={{ user, refresh, setUser, logout }}>{children}</SessionContext.Provider>;
}

export function useSession() {
  return useContext(SessionContext);
}
