import { useEffect, useState } from 'react';
import type { Segment } from '../../../../shared/contracts/segments';
import { useSegmentsApi } from '../../api/segments';

/**
 * How many contacts the chosen segment can mail: the stored campaign's count while its segment is
 * the chosen one, else a count of the chosen segment's rules. undefined while counting.
 */
export const useAudienceSize = (chosen: Segment | undefined, stored: { segment: string; audienceSize: number | null }) => {
  const api = useSegmentsApi();
  const isStored = (chosen?.documentId ?? '') === stored.segment;
  const [counted, setCounted] = useState<{ segment: string; count: number | null }>();

  useEffect(() => {
    if (isStored || !chosen) return;
    let cancelled = false;
    api.count(chosen.rules).then(
      (count) => !cancelled && setCounted({ segment: chosen.documentId, count }),
      () => !cancelled && setCounted({ segment: chosen.documentId, count: null })
    );
    return () => {
      cancelled = true;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [chosen?.documentId, isStored]);

  if (!chosen) return null;
  if (isStored) return stored.audienceSize;
  return counted?.segment === chosen.documentId ? counted.count : undefined;
};
