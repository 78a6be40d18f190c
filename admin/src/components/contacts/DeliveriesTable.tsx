import { Box, Button, Flex, Table, Tbody, Td, Tr, Typography } from '@strapi/design-system';
import type { ContactDelivery } from '../../../../shared/contracts/contacts';
import { formatDate } from '../../format';
import { usePluginMessages } from '../../hooks/use-plugin-messages';
import { TableHead } from '../list/TableHead';

interface Props {
  rows: ContactDelivery[];
  page: number;
  pageCount: number;
  total: number;
  onPage: (page: number) => void;
}

/** One row per campaign the contact was sent: what happened to that message. */
export const DeliveriesTable = ({ rows, page, pageCount, total, onPage }: Props) => {
  const t = usePluginMessages();
  if (!total)
    return (
      <Typography textColor="neutral600">{t('contacts.deliveries.none', 'No campaign has been sent to this contact yet.')}</Typography>
    );
  return (
    <Flex direction="column" alignItems="stretch" gap={3}>
      <Table colCount={6} rowCount={rows.length + 1} aria-label={t('contacts.deliveries.label', 'Deliveries')}>
        <TableHead
          columns={[
            t('contacts.deliveries.campaign', 'Campaign'),
            t('contacts.deliveries.state', 'State'),
            t('contacts.deliveries.sent', 'Sent'),
            t('contacts.deliveries.opened', 'Opened'),
            t('contacts.deliveries.clicked', 'Clicked'),
            t('contacts.deliveries.replied', 'Replied'),
          ]}
        />
        <Tbody>
          {rows.map((d) => (
            <Tr key={d.id}>
              <Td>
                <Typography fontWeight="bold">
                  {d.campaign?.name ?? t('contacts.deliveries.deletedCampaign', 'Deleted campaign')}
                </Typography>
                {d.variant && (
                  <Typography variant="pi" textColor="neutral600" tag="p">
                    {t('contacts.deliveries.variant', 'Variant {variant}', { variant: d.variant })}
                  </Typography>
                )}
              </Td>
              <Td>
                <Typography>{d.state}</Typography>
                {d.lastError && (
                  <Typography variant="pi" textColor="danger600" tag="p">
                    {d.lastError}
                  </Typography>
                )}
              </Td>
              <Td>
                <Typography>{formatDate(d.sentAt)}</Typography>
              </Td>
              <Td>
                <Typography>{formatDate(d.firstOpenAt)}</Typography>
              </Td>
              <Td>
                <Typography>{formatDate(d.firstClickAt)}</Typography>
              </Td>
              <Td>
                <Typography>{formatDate(d.firstReplyAt)}</Typography>
              </Td>
            </Tr>
          ))}
        </Tbody>
      </Table>
      {pageCount > 1 && (
        <Box>
          <Flex gap={2}>
            <Button variant="tertiary" size="S" disabled={page <= 1} onClick={() => onPage(page - 1)}>
              {t('contacts.deliveries.newer', 'Newer')}
            </Button>
            <Typography variant="pi">{t('contacts.deliveries.page', 'Page {page} of {pageCount}', { page, pageCount })}</Typography>
            <Button variant="tertiary" size="S" disabled={page >= pageCount} onClick={() => onPage(page + 1)}>
              {t('contacts.deliveries.older', 'Older')}
            </Button>
          </Flex>
        </Box>
      )}
    </Flex>
  );
};
