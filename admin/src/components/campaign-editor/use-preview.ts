import { useEffect, useState } from 'react';
import type { PreviewRequest, PreviewResponse } from '../../../../shared/contracts/sending';
import { errorMessage } from '../../api/errors';
import { useSendingApi } from '../../api/sending';
import { useDebouncedValue } from '../../hooks/use-debounced-value';

const PREVIEW_DELAY_MS = 600;

/** The last answer (a render or the server's refusal), kept on screen while the next one loads. */
export interface PreviewState {
  loading: boolean;
  result?: PreviewResponse;
  error?: string;
}

/**
 * The campaign rendered by the server for the unsaved fields, once typing pauses. The request is
 * debounced as a string: a new object each render would restart the delay forever.
 */
export const usePreview = (documentId: string, request: PreviewRequest): PreviewState => {
  const api = useSendingApi();
  const settled = useDebouncedValue(JSON.stringify(request), PREVIEW_DELAY_MS);
  const [state, setState] = useState<PreviewState>({ loading: true });

  useEffect(() => {
    let cancelled = false;
    setState((s) => ({ ...s, loading: true }));
    api.preview(documentId, JSON.parse(settled) as PreviewRequest).then(
      (result) => !cancelled && setState({ loading: false, result }),
      (e) => !cancelled && setState({ loading: false, error: errorMessage(e) })
    );
    return () => {
      cancelled = true;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [documentId, settled]);

  return state;
};
