import { Table, Tbody, Td, Tr, Typography } from '@strapi/design-system';
import { Link } from 'react-router-dom';
import type { InboundRates } from '../../../../shared/contracts/inbound';
import { usePluginMessages } from '../../hooks/use-plugin-messages';
import { CampaignStateBadge } from '../CampaignStateBadge';
import { TableHead } from '../list/TableHead';
import { formatRate } from './rates';
import { RateValue } from './RateValue';
import { campaignPath } from '../campaign-editor/open-campaign';

/** Hard-bounce and complaint rates of the last 7 and 30 days and of each recent campaign, against the Gmail and Yahoo thresholds. */
export const RateGuardPanel = ({ rates }: { rates: InboundRates }) => {
  const t = usePluginMessages();
  const { guard, thresholds } = rates;
  return (
    <>
      <Typography>
        {t(
          'inbound.rates.thresholds',
          'Gmail and Yahoo: keep complaints under {warning}, never reach {danger}. Rates are shares of the messages that reached the mail server.',
          { warning: formatRate(thresholds.warning), danger: formatRate(thresholds.danger) }
        )}
      </Typography>
      <Typography textColor="neutral600">
        {guard.enabled
          ? t(
              'inbound.rates.guard',
              'A sending campaign is paused once {min, number} messages are sent and its complaint rate passes {complaint} or its hard-bounce rate {bounce}.',
              { min: guard.minDeliveries, complaint: formatRate(guard.complaintRate), bounce: formatRate(guard.hardBounceRate) }
            )
          : t('inbound.rates.guardOff', 'Automatic pause is off (inbound.rateGuard.enabled).')}
      </Typography>
      <Table colCount={4} rowCount={rates.windows.length + 1}>
        <TableHead
          columns={[
            t('inbound.rates.column.window', 'Sent in'),
            t('inbound.rates.column.sent', 'Sent'),
            t('inbound.rates.column.hardBounces', 'Hard bounces'),
            t('inbound.rates.column.complaints', 'Complaints'),
          ]}
        />
        <Tbody>
          {rates.windows.map((w) => (
            <Tr key={w.days}>
              <Td>
                <Typography fontWeight="bold">{t('inbound.rates.window', 'the last {days, number} days', { days: w.days })}</Typography>
              </Td>
              <Td>
                <Typography>{w.sent.toLocaleString()}</Typography>
              </Td>
              <Td>
                <RateValue rate={w.hardBounceRate} status={w.hardBounceStatus} count={w.hardBounces} />
              </Td>
              <Td>
                <RateValue rate={w.complaintRate} status={w.complaintStatus} count={w.complaints} />
              </Td>
            </Tr>
          ))}
        </Tbody>
      </Table>
      {rates.campaigns.length > 0 && (
        <Table colCount={5} rowCount={rates.campaigns.length + 1}>
          <TableHead
            columns={[
              t('inbound.rates.column.campaign', 'Campaign'),
              t('inbound.rates.column.state', 'State'),
              t('inbound.rates.column.sent', 'Sent'),
              t('inbound.rates.column.hardBounces', 'Hard bounces'),
              t('inbound.rates.column.complaints', 'Complaints'),
            ]}
          />
          <Tbody>
            {rates.campaigns.map((c) => (
              <Tr key={c.documentId}>
                <Td>
                  <Link to={campaignPath(c.documentId)}>{c.name}</Link>
                </Td>
                <Td>
                  <CampaignStateBadge state={c.state} />
                </Td>
                <Td>
                  <Typography>{c.sent.toLocaleString()}</Typography>
                </Td>
                <Td>
                  <RateValue rate={c.hardBounceRate} status={c.hardBounceStatus} count={c.hardBounces} />
                </Td>
                <Td>
                  <RateValue rate={c.complaintRate} status={c.complaintStatus} count={c.complaints} />
                </Td>
              </Tr>
            ))}
          </Tbody>
        </Table>
      )}
    </>
  );
};
