import { Box, Button, Flex, Table, Tbody, Td, Tr, Typography } from '@strapi/design-system';
import type { ContactDelivery } from '../../../../shared/contracts/contacts';
import { formatDate } from '../../format';
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
  if (!total) return <Typography textColor="neutral600">No campaign has been sent to this contact yet.</Typography>;
  return (
    <Flex direction="column" alignItems="stretch" gap={3}>
      <Table colCount={6} rowCount={rows.length + 1} aria-label="Deliveries">
        <TableHead columns={['Campaign', 'State', 'Sent', 'Opened', 'Clicked', 'Replied']} />
        <Tbody>
          {rows.map((d) => (
            <Tr key={d.id}>
              <Td>
                <Typography fontWeight="bold">{d.campaign?.name ?? 'Deleted campaign'}</Typography>
                {d.variant && <Typography variant="pi" textColor="neutral600" tag="p">Variant {d.variant}</Typography>}
              </Td>
              <Td>
                <Typography>{d.state}</Typography>
                {d.lastError && <Typography variant="pi" textColor="danger600" tag="p">{d.lastError}</Typography>}
              </Td>
              <Td><Typography>{formatDate(d.sentAt)}</Typography></Td>
              <Td><Typography>{formatDate(d.firstOpenAt)}</Typography></Td>
              <Td><Typography>{formatDate(d.firstClickAt)}</Typography></Td>
              <Td><Typography>{formatDate(d.firstReplyAt)}</Typography></Td>
            </Tr>
          ))}
        </Tbody>
      </Table>
      {pageCount > 1 && (
        <Box>
          <Flex gap={2}>
            <Button variant="tertiary" size="S" disabled={page <= 1} onClick={() => onPage(page - 1)}>
              Newer
            </Button>
            <Typography variant="pi">
              Page {page} of {pageCount}
            </Typography>
            <Button variant="tertiary" size="S" disabled={page >= pageCount} onClick={() => onPage(page + 1)}>
              Older
            </Button>
          </Flex>
        </Box>
      )}
    </Flex>
  );
};
