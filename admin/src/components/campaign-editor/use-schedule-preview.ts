import type { CampaignSchedule, SchedulePreview } from '../../../../shared/contracts/schedule';
import { errorMessage } from '../../api/errors';
import { useSchedulePreviewQuery } from '../../api/scheduling';
import { useDebouncedValue } from '../../hooks/use-debounced-value';

const PREVIEW_DELAY_MS = 500;

export interface SchedulePreviewState {
  result?: SchedulePreview;
  error?: string;
}

/**
 * What the schedule being edited would do, asked of the server once typing pauses (it alone knows
 * the audience's zones). Debounced as a string: a new object each render would restart the delay.
 */
export const useSchedulePreview = (documentId: string, schedule: CampaignSchedule): SchedulePreviewState => {
  const settled = useDebouncedValue(JSON.stringify(schedule), PREVIEW_DELAY_MS);
  const { data, error, isError } = useSchedulePreviewQuery({ documentId, data: JSON.parse(settled) as CampaignSchedule });
  return { result: isError ? undefined : data, error: isError ? errorMessage(error) : undefined };
};
