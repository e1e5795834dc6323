import { createContext, useContext, type ReactNode } from 'react';
import type { User } from '@kefu/contracts';

const MeContext = createContext<User | null>(null);

/** The signed-in user, for every screen of the desk. */
export function MeProvider({ user, children }: { user: User; children: ReactNode }) {
  return <MeContext.Provider value={user}>{children}</MeContext.Provider>;
}

export function useMe(): User {
  const me = useContext(MeContext);
  if (!me) throw new Error('useMe outside MeProvider');
  return me;
}
