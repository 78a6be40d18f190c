import { Grid } from '@strapi/design-system';
import type { Settings } from '../../../../shared/contracts/settings';
import { usePluginMessages } from '../../hooks/use-plugin-messages';
import { formatRate } from '../inbound/rates';
import { Fact } from '../layout/Fact';

/** What the inbound pipeline does with each class of notice, and when the rate guard pauses a campaign (`inbound.policy`, `inbound.rateGuard`). */
export const BouncePolicyPanel = ({ inbound: { policy, rateGuard } }: { inbound: Settings['inbound'] }) => {
  const t = usePluginMessages();
  const ignored = t('settings.policy.ignored', 'recorded, nothing else');
  const soft = policy.softBounce;
  return (
    <Grid.Root gap={4}>
      <Fact label={t('settings.policy.hardBounce', 'Hard bounce')} col={6}>
        {policy.hardBounce === 'suppress' ? t('settings.policy.hardBounce.suppress', 'suppresses the address at once') : ignored}
      </Fact>
      <Fact label={t('settings.policy.softBounce', 'Soft bounces')} col={6}>
        {soft.action === 'ignore'
          ? ignored
          : soft.suppressDays === 0
            ? t(
                'settings.policy.softBounce.forever',
                'on {count, number} campaigns within {window, number} days: suppressed until lifted',
                {
                  count: soft.count,
                  window: soft.windowDays,
                }
              )
            : t(
                'settings.policy.softBounce.suppress',
                'on {count, number} campaigns within {window, number} days: suppressed for {days, number} days',
                { count: soft.count, window: soft.windowDays, days: soft.suppressDays }
              )}
      </Fact>
      <Fact label={t('settings.policy.complaint', 'Complaint')} col={6}>
        {policy.complaint === 'suppress'
          ? t('settings.policy.complaint.suppress', 'suppresses the address everywhere, contact complained')
          : ignored}
      </Fact>
      <Fact label={t('settings.policy.unsubscribeRequest', 'Unsubscribe request')} col={6}>
        {policy.unsubscribeRequest === 'unsubscribe'
          ? t('settings.policy.unsubscribeRequest.unsubscribe', 'unsubscribes the contact')
          : ignored}
      </Fact>
      <Fact label={t('settings.policy.rateGuard', 'Rate guard')} col={6}>
        {rateGuard.enabled
          ? t(
              'settings.policy.rateGuard.on',
              'pauses a sending campaign after {min, number} messages when complaints pass {complaint} or hard bounces {bounce}',
              {
                min: rateGuard.minDeliveries,
                complaint: formatRate(rateGuard.complaintRate),
                bounce: formatRate(rateGuard.hardBounceRate),
              }
            )
          : t('settings.policy.rateGuard.off', 'off: no campaign is paused for its rates')}
      </Fact>
    </Grid.Root>
  );
};
