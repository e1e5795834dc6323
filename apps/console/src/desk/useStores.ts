import { useEffect, useMemo, useState } from 'react';
import type { Store } from '@kefu/contracts';
import { isAbort } from '../api/client';
import { deskApi } from '../api/desk-api';

/** The stores the current user may see, by id (for names, platforms and SLA policies). */
export function useStores() {
  const [stores, setStores] = useState<Store[] | null>(null);

  useEffect(() => {
    const ctrl = new AbortController();
    deskApi
      .stores(ctrl.signal)
      .then((page) => setStores([...page.items].sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'))))
      .catch((err: unknown) => {
        if (!isAbort(err)) {
          console.error('Could not load stores', err);
          setStores([]);
        }
      });
    return () => ctrl.abort();
  }, []);

  const byId = useMemo(() => new Map((stores ?? []).map((s) => [s.id, s])), [stores]);
  return { stores: stores ?? [], storesLoaded: stores !== null, storeById: byId };
}
