import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { LoginInput, User } from '@kefu/contracts';
import { ApiRequestError, isAbort, setAccessToken, setUnauthorizedHandler } from '../api/client';
import { deskApi } from '../api/desk-api';
import { loadToken, saveToken } from './token-storage';

type AuthState =
  | { status: 'restoring'; token: string }
  | { status: 'offline'; token: string }
  | { status: 'anonymous' }
  | { status: 'authenticated'; token: string; user: User };

interface Auth {
  state: AuthState;
  login(input: LoginInput): Promise<void>;
  logout(): void;
  retryRestore(): void;
}

const AuthContext = createContext<Auth | null>(null);

function initialState(): AuthState {
  const token = loadToken();
  setAccessToken(token);
  return token ? { status: 'restoring', token } : { status: 'anonymous' };
}

export function AuthProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<AuthState>(initialState);
  const [attempt, setAttempt] = useState(0);

  const logout = useCallback(() => {
    saveToken(null);
    setAccessToken(null);
    setState({ status: 'anonymous' });
  }, []);

  // A 401 from any call ends the session.
  useEffect(() => {
    setUnauthorizedHandler(logout);
    return () => setUnauthorizedHandler(null);
  }, [logout]);

  // A token kept from an earlier visit: check it and load the user behind it.
  const restoringToken = state.status === 'restoring' ? state.token : null;
  useEffect(() => {
    if (!restoringToken) return;
    const ctrl = new AbortController();
    deskApi
      .me(ctrl.signal)
      .then((user) => setState({ status: 'authenticated', token: restoringToken, user }))
      .catch((err: unknown) => {
        if (isAbort(err)) return;
        if (err instanceof ApiRequestError && err.statusCode === 401) return; // logout() already ran
        setState({ status: 'offline', token: restoringToken });
      });
    return () => ctrl.abort();
  }, [restoringToken, attempt]);

  const login = useCallback(async (input: LoginInput) => {
    const result = await deskApi.login(input);
    saveToken(result.accessToken);
    setAccessToken(result.accessToken);
    setState({ status: 'authenticated', token: result.accessToken, user: result.user });
  }, []);

  const retryRestore = useCallback(() => {
    setState((s) => (s.status === 'offline' ? { status: 'restoring', token: s.token } : s));
    setAttempt((n) => n + 1);
  }, []);

  const value = useMemo(() => ({ state, login, logout, retryRestore }), [state, login, logout, retryRestore]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): Auth {
  const auth = useContext(AuthContext);
  if (!auth) throw new Error('useAuth outside AuthProvider');
  return auth;
}
