import type { RateStatus } from '../../../../shared/contracts/inbound';
import { usePluginMessages } from '../../hooks/use-plugin-messages';
import { StateBadge } from '../StateBadge';
import { formatRate, RATE_VARIANT } from './rates';

/** A rate in the colour of its status, with the count it is made of. */
export const RateValue = ({ rate, status, count }: { rate: number | null; status: RateStatus; count: number }) => {
  const t = usePluginMessages();
  return (
    <StateBadge
      variant={RATE_VARIANT[status]}
      state={t('inbound.rates.value', '{rate} ({count, number})', { rate: formatRate(rate), count })}
    />
  );
};
