import { useCallback, useEffect, useState } from 'react';
import type { ListResponse } from '../../../shared/contracts/campaigns';

export interface PagedList<T> {
  data?: ListResponse<T>;
  isError: boolean;
  isLoading: boolean;
  reload: () => void;
}

/**
 * One page of a list endpoint, loaded again when `deps` (page, size, search...) change or on
 * `reload()`; an answer that arrives after the deps moved on is dropped. Its state has the names
 * of an RTK Query result, so ListPage shows either.
 */
export const usePagedList = <T>(load: () => Promise<ListResponse<T>>, deps: readonly unknown[]): PagedList<T> => {
  const [state, setState] = useState<{ data?: ListResponse<T>; isError: boolean; isLoading: boolean }>({ isError: false, isLoading: true });
  const [version, setVersion] = useState(0);

  useEffect(() => {
    let cancelled = false;
    setState((s) => ({ ...s, isLoading: true }));
    load()
      .then((data) => !cancelled && setState({ data, isError: false, isLoading: false }))
      .catch(() => !cancelled && setState({ isError: true, isLoading: false }));
    return () => {
      cancelled = true;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `deps` stands for what `load` reads; a new `load` each render must not reload
  }, [...deps, version]);

  return { ...state, reload: useCallback(() => setVersion((v) => v + 1), []) };
};
