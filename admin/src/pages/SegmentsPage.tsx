import { useEffect, useState } from 'react';
import { Button, EmptyStateLayout, Table, Tbody, Td, Tr, Typography } from '@strapi/design-system';
import { Plus } from '@strapi/icons';
import { Layouts, Page, useRBAC } from '@strapi/strapi/admin';
import { useNavigate } from 'react-router-dom';
import type { Segment } from '../../../shared/contracts/segments';
import { errorMessage } from '../api/errors';
import { useSegmentsApi } from '../api/segments';
import { TableHead } from '../components/list/TableHead';
import { PERMISSIONS } from '../permissions';

export const SegmentsPage = () => {
  const api = useSegmentsApi();
  const navigate = useNavigate();
  const [segments, setSegments] = useState<Segment[]>();
  const [error, setError] = useState<string>();
  const {
    allowedActions: { canWrite },
  } = useRBAC(PERMISSIONS.write);

  useEffect(() => {
    api.list().then((r) => setSegments(r.data), (e) => setError(errorMessage(e)));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  if (error) return <Page.Error />;
  if (!segments) return <Page.Loading />;

  return (
    <Page.Main>
      <Page.Title>Segments</Page.Title>
      <Layouts.Header
        title="Segments"
        subtitle="Saved audiences: rules over contact fields, attributes, topics and engagement"
        primaryAction={
          canWrite ? (
            <Button startIcon={<Plus />} onClick={() => navigate('new')}>
              New segment
            </Button>
          ) : undefined
        }
      />
      <Layouts.Content>
        {segments.length === 0 ? (
          <EmptyStateLayout content="No segment yet: create the first one." />
        ) : (
          <Table colCount={2} rowCount={segments.length + 1}>
            <TableHead columns={['Name', 'Updated']} />
            <Tbody>
              {segments.map((segment) => (
                <Tr key={segment.documentId} onClick={() => navigate(segment.documentId)} style={{ cursor: 'pointer' }}>
                  <Td><Typography fontWeight="bold">{segment.name}</Typography></Td>
                  <Td><Typography>{new Date(segment.updatedAt).toLocaleString()}</Typography></Td>
                </Tr>
              ))}
            </Tbody>
          </Table>
        )}
      </Layouts.Content>
    </Page.Main>
  );
};
