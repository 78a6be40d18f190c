import type { PreviewRequest, PreviewResponse } from '../../../../shared/contracts/sending';
import type { TemplateLineProblem } from '../../../../shared/contracts/template-problems';
import { useEffect } from 'react';
import { errorMessage, fieldLines, isTransient } from '../../api/errors';
import { usePreviewCampaignQuery } from '../../api/sending';
import { useDebouncedValue } from '../../hooks/use-debounced-value';

const PREVIEW_DELAY_MS = 600;
/** A preview that failed without the server refusing it (a dropped connection, a 5xx) is asked for again after this. */
const RETRY_DELAY_MS = 2000;

/** The last render, kept on screen while the next one loads, or the server's refusal of this one. */
export interface PreviewState {
  loading: boolean;
  result?: PreviewResponse;
  error?: string;
  /** The lines of the MJML the refusal is about, for the code editor to mark. */
  contentLines: TemplateLineProblem[];
}

/**
 * The campaign rendered by the server for the unsaved fields, once typing pauses. The request is
 * debounced as a string: a new object each render would restart the delay forever.
 */
export const usePreview = (documentId: string, request: PreviewRequest): PreviewState => {
  const settled = useDebouncedValue(JSON.stringify(request), PREVIEW_DELAY_MS);
  const { data, error, isError, isFetching, refetch } = usePreviewCampaignQuery({
    documentId,
    data: JSON.parse(settled) as PreviewRequest,
  });
  // RTK Query keeps a failed query's error until its arguments change: without this, one dropped
  // request would leave the preview stale until the editor typed again.
  const retry = isError && !isFetching && isTransient(error);
  useEffect(() => {
    if (!retry) return undefined;
    const timer = setTimeout(() => void refetch(), RETRY_DELAY_MS);
    return () => clearTimeout(timer);
  }, [retry, refetch, error]);
  return {
    loading: isFetching,
    result: data,
    error: isError ? errorMessage(error) : undefined,
    contentLines: isError ? fieldLines(error, 'content') : [],
  };
};
