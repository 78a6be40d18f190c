import type { Segment } from '../../../../shared/contracts/segments';
import { useCountAudienceQuery } from '../../api/segments';

/**
 * How many contacts the chosen segment can mail: the stored campaign's count while its segment is
 * the chosen one, else a count of the chosen segment's rules. undefined while counting, null when
 * it could not be counted.
 */
export const useAudienceSize = (chosen: Segment | undefined, stored: { segment: string; audienceSize: number | null }) => {
  const isStored = (chosen?.documentId ?? '') === stored.segment;
  const { currentData, isError } = useCountAudienceQuery(chosen?.rules ?? { match: 'all', rules: [] }, { skip: isStored || !chosen });

  if (!chosen) return null;
  if (isStored) return stored.audienceSize;
  return isError ? null : currentData;
};
