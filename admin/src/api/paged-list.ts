import { useCallback, useEffect, useState } from 'react';
import type { ListResponse } from '../../../shared/contracts/campaigns';
import { errorMessage } from './errors';

export interface PagedList<T> {
  data?: ListResponse<T>;
  error?: string;
  loading: boolean;
  reload: () => void;
}

/**
 * One page of a list endpoint, loaded again when `deps` (page, size, search...) change or on
 * `reload()`; an answer that arrives after the deps moved on is dropped.
 */
export const usePagedList = <T>(load: () => Promise<ListResponse<T>>, deps: readonly unknown[]): PagedList<T> => {
  const [state, setState] = useState<{ data?: ListResponse<T>; error?: string; loading: boolean }>({ loading: true });
  const [version, setVersion] = useState(0);

  useEffect(() => {
    let cancelled = false;
    setState((s) => ({ ...s, loading: true }));
    load()
      .then((data) => !cancelled && setState({ data, loading: false }))
      .catch((error) => !cancelled && setState({ error: errorMessage(error), loading: false }));
    return () => {
      cancelled = true;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, version]);

  return { ...state, reload: useCallback(() => setVersion((v) => v + 1), []) };
};
