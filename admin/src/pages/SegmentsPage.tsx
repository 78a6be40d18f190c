import { Button, EmptyStateLayout, Table, Tbody, Td, Tr, Typography } from '@strapi/design-system';
import { Plus } from '@strapi/icons';
import { Layouts, Page, useRBAC } from '@strapi/strapi/admin';
import { useNavigate } from 'react-router-dom';
import { useGetSegmentsQuery } from '../api/segments';
import { TableHead } from '../components/list/TableHead';
import { formatDate } from '../format';
import { usePluginMessages } from '../hooks/use-plugin-messages';
import { PERMISSIONS } from '../permissions';

export const SegmentsPage = () => {
  const t = usePluginMessages();
  const { data, isError } = useGetSegmentsQuery();
  const navigate = useNavigate();
  const {
    allowedActions: { canWrite },
  } = useRBAC(PERMISSIONS.write);

  if (isError) return <Page.Error />;
  if (!data) return <Page.Loading />;
  const segments = data.data;
  const title = t('segments.list.title', 'Segments');

  return (
    <Page.Main>
      <Page.Title>{title}</Page.Title>
      <Layouts.Header
        title={title}
        subtitle={t('segments.list.subtitle', 'Saved audiences: rules over contact fields, attributes, topics and engagement')}
        primaryAction={
          canWrite ? (
            <Button startIcon={<Plus />} onClick={() => navigate('new')}>
              {t('segments.list.create', 'New segment')}
            </Button>
          ) : undefined
        }
      />
      <Layouts.Content>
        {segments.length === 0 ? (
          <EmptyStateLayout content={t('segments.list.empty', 'No segment yet: create the first one.')} />
        ) : (
          <Table colCount={2} rowCount={segments.length + 1}>
            <TableHead columns={[t('segments.list.column.name', 'Name'), t('segments.list.column.updated', 'Updated')]} />
            <Tbody>
              {segments.map((segment) => (
                <Tr key={segment.documentId} onClick={() => navigate(segment.documentId)} style={{ cursor: 'pointer' }}>
                  <Td>
                    <Typography fontWeight="bold">{segment.name}</Typography>
                  </Td>
                  <Td>
                    <Typography>{formatDate(segment.updatedAt)}</Typography>
                  </Td>
                </Tr>
              ))}
            </Tbody>
          </Table>
        )}
      </Layouts.Content>
    </Page.Main>
  );
};
