import { useCallback, useState } from 'react';
import { ApiRequestError, type ApiFile } from '../api/client';

/** Hands a downloaded file to the browser as a download. */
export function saveFile(file: ApiFile, fallbackName: string): void {
  const url = URL.createObjectURL(file.blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = file.filename ?? fallbackName;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  // Give the browser a moment to start reading it.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A download button's state: one download at a time, its error kept until the next try. */
export function useDownload() {
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<ApiRequestError | null>(null);
  const download = useCallback(async (id: string, fetchFile: () => Promise<ApiFile>, fallbackName: string) => {
    setBusy(id);
    setError(null);
    try {
      saveFile(await fetchFile(), fallbackName);
    } catch (err) {
      setError(err instanceof ApiRequestError ? err : new ApiRequestError(0, String(err)));
    } finally {
      setBusy(null);
    }
  }, []);
  return { busy, error, download, clearError: useCallback(() => setError(null), []) };
}
