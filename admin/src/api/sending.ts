import { useCallback, useEffect, useState } from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import type { PreviewRequest, PreviewResponse, Sender, SendProgress, SendTestRequest, SendTestResponse } from '../../../shared/contracts/sending';
import { PLUGIN_ID } from '../pluginId';
import { errorMessage } from './errors';

const base = `/${PLUGIN_ID}/campaigns`;

export type SendAction = 'send' | 'pause' | 'resume' | 'cancel';

export const useSendingApi = () => {
  const { get, post } = useFetchClient();
  return {
    senders: () => get<{ data: Sender[] }>(`${base}/senders`).then((r) => r.data.data),
    preview: (documentId: string, data: PreviewRequest) =>
      post<{ data: PreviewResponse }>(`${base}/${documentId}/preview`, { data }).then((r) => r.data.data),
    test: (documentId: string, data: SendTestRequest) =>
      post<{ data: SendTestResponse }>(`${base}/${documentId}/test`, { data }).then((r) => r.data.data),
    act: (documentId: string, action: SendAction) => post<{ data: SendProgress }>(`${base}/${documentId}/${action}`, {}).then((r) => r.data.data),
    progress: (documentId: string) => get<{ data: SendProgress }>(`${base}/${documentId}/progress`).then((r) => r.data.data),
  };
};

/** The configured senders; an empty list when none is configured (or the list cannot be read: the form falls back to text inputs). */
export const useSenders = () => {
  const api = useSendingApi();
  const [senders, setSenders] = useState<Sender[]>();
  useEffect(() => {
    api.senders().then(setSenders, () => setSenders([]));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return senders;
};

const POLL_MS = 1000;

const isMoving = (progress: SendProgress) => progress.state === 'sending' || progress.dispatching;

/**
 * A campaign's send progress: read once, then every second while it is sending or still
 * dispatching. `set` takes the answer of a send action, which restarts the polling when it moves.
 */
export const useSendProgress = (documentId: string, enabled: boolean) => {
  const api = useSendingApi();
  const [progress, setProgress] = useState<SendProgress>();
  const [error, setError] = useState<string>();
  const [version, setVersion] = useState(0);

  useEffect(() => {
    if (!enabled) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const poll = () =>
      api.progress(documentId).then(
        (data) => {
          if (stopped) return;
          setProgress(data);
          setError(undefined);
          if (isMoving(data)) timer = setTimeout(poll, POLL_MS);
        },
        (e) => !stopped && setError(errorMessage(e))
      );
    poll();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [documentId, enabled, version]);

  const set = useCallback((data: SendProgress) => {
    setProgress(data);
    setVersion((v) => v + 1);
  }, []);

  return { progress, error, set };
};
