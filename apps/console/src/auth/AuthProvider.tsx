import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { LoginInput, User } from '@kefu/contracts';
import { endSession, refreshSession, setAccessToken, setRefreshedHandler, setUnauthorizedHandler } from '../api/client';
import { deskApi } from '../api/desk-api';

type AuthState =
  | { status: 'restoring' }
  | { status: 'offline' }
  | { status: 'anonymous' }
  /** `token`: the access token the session started with (the socket's first handshake); api/client keeps the current one. */
  | { status: 'authenticated'; token: string; user: User };

interface Auth {
  state: AuthState;
  login(input: LoginInput): Promise<void>;
  logout(): void;
  retryRestore(): void;
}

const AuthContext = createContext<Auth | null>(null);

/** Where consoles before issue 13 kept the access token: removed wherever it is still found. */
const LEGACY_TOKEN_KEY = 'kefu.accessToken';

export function AuthProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<AuthState>({ status: 'restoring' });
  const [attempt, setAttempt] = useState(0);

  const logout = useCallback(() => {
    void endSession();
    setState({ status: 'anonymous' });
  }, []);

  // A 401 that a refresh could not cure ends the session; a refresh may bring a changed user.
  useEffect(() => {
    setUnauthorizedHandler(logout);
    setRefreshedHandler(({ user }) => setState((s) => (s.status === 'authenticated' ? { ...s, user } : s)));
    return () => {
      setUnauthorizedHandler(null);
      setRefreshedHandler(null);
    };
  }, [logout]);

  // On load: the refresh cookie (httpOnly, so only the server reads it) restores the session.
  const restoring = state.status === 'restoring';
  useEffect(() => {
    if (!restoring) return;
    try {
      localStorage.removeItem(LEGACY_TOKEN_KEY);
    } catch {
      // no storage: nothing to remove
    }
    let current = true;
    refreshSession()
      .then((session) => {
        if (current) setState(session ? { status: 'authenticated', token: session.accessToken, user: session.user } : { status: 'anonymous' });
      })
      .catch(() => {
        if (current) setState({ status: 'offline' });
      });
    return () => {
      current = false;
    };
  }, [restoring, attempt]);

  const login = useCallback(async (input: LoginInput) => {
    const result = await deskApi.login(input);
    setAccessToken(result.accessToken);
    setState({ status: 'authenticated', token: result.accessToken, user: result.user });
  }, []);

  const retryRestore = useCallback(() => {
    setState((s) => (s.status === 'offline' ? { status: 'restoring' } : s));
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
