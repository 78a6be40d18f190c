import { useState } from 'react';
import { Badge, Button, Dialog, EmptyStateLayout, Flex, IconButton, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { Pencil, Plus, Trash } from '@strapi/icons';
import { ConfirmDialog, Layouts, Page, Pagination, SearchInput, useNotification, useQueryParams, useRBAC } from '@strapi/strapi/admin';
import type { TopicInput, TopicListItem } from '../../../../shared/contracts/topics';
import { errorMessage } from '../../api/errors';
import { useTopicList, useTopicsApi } from '../../api/topics';
import { TopicDialog } from '../../components/topics/TopicDialog';
import { plural } from '../../format';
import { PERMISSIONS } from '../../permissions';

/** The topics contacts can join, with how many did; create, edit and delete them. */
export const TopicsPage = () => {
  const [{ query }] = useQueryParams<{ page?: string; pageSize?: string; _q?: string }>();
  const page = Number(query?.page ?? 1) || 1;
  const pageSize = Number(query?.pageSize ?? 10) || 10;
  const search = query?._q ?? '';

  const { data, error, loading, reload } = useTopicList(page, pageSize, search);
  const api = useTopicsApi();
  const { toggleNotification } = useNotification();
  const {
    allowedActions: { canWrite, canDelete },
  } = useRBAC([...PERMISSIONS.write, ...PERMISSIONS.delete]);

  const [editing, setEditing] = useState<TopicListItem | 'new'>();
  const [deleting, setDeleting] = useState<TopicListItem>();

  const save = async (input: TopicInput) => {
    const saved = editing === 'new' ? await api.create(input) : await api.update(editing!.documentId, input);
    toggleNotification({ type: 'success', message: `Saved "${saved.name}"` });
    reload();
  };

  const confirmDelete = async () => {
    if (!deleting) return;
    try {
      await api.remove(deleting.documentId);
      toggleNotification({ type: 'success', message: `Deleted "${deleting.name}"` });
      reload();
    } catch (e) {
      toggleNotification({ type: 'danger', message: errorMessage(e) });
    } finally {
      setDeleting(undefined);
    }
  };

  if (error) return <Page.Error />;

  const topics = data?.data ?? [];

  return (
    <Page.Main>
      <Page.Title>Topics</Page.Title>
      <Layouts.Header
        title="Topics"
        subtitle={data ? plural(data.meta.pagination.total, 'topic') : undefined}
        primaryAction={
          canWrite ? (
            <Button startIcon={<Plus />} onClick={() => setEditing('new')}>
              New topic
            </Button>
          ) : undefined
        }
      />
      <Layouts.Action startActions={<SearchInput label="Search topics" />} />
      <Layouts.Content>
        {loading && !data ? (
          <Page.Loading />
        ) : topics.length === 0 ? (
          <EmptyStateLayout content={search ? `No topic matches "${search}"` : 'No topic yet: create the first one.'} />
        ) : (
          <>
            <Table colCount={6} rowCount={topics.length + 1}>
              <Thead>
                <Tr>
                  <Th><Typography variant="sigma">Name</Typography></Th>
                  <Th><Typography variant="sigma">Slug</Typography></Th>
                  <Th><Typography variant="sigma">Description</Typography></Th>
                  <Th><Typography variant="sigma">Visibility</Typography></Th>
                  <Th><Typography variant="sigma">Members</Typography></Th>
                  <Th><Typography variant="sigma">Actions</Typography></Th>
                </Tr>
              </Thead>
              <Tbody>
                {topics.map((topic) => (
                  <Tr key={topic.documentId}>
                    <Td><Typography fontWeight="bold">{topic.name}</Typography></Td>
                    <Td><Typography textColor="neutral600">{topic.slug}</Typography></Td>
                    <Td><Typography ellipsis>{topic.description ?? ''}</Typography></Td>
                    <Td><Badge>{topic.isPublic ? 'public' : 'private'}</Badge></Td>
                    <Td>
                      <Typography>
                        {topic.subscribedMembers.toLocaleString()} subscribed
                        {topic.members !== topic.subscribedMembers && ` (${topic.members.toLocaleString()} in all)`}
                      </Typography>
                    </Td>
                    <Td>
                      <Flex gap={1}>
                        {canWrite && (
                          <IconButton label={`Edit ${topic.name}`} variant="ghost" onClick={() => setEditing(topic)}>
                            <Pencil />
                          </IconButton>
                        )}
                        {canDelete && (
                          <IconButton label={`Delete ${topic.name}`} variant="ghost" onClick={() => setDeleting(topic)}>
                            <Trash />
                          </IconButton>
                        )}
                      </Flex>
                    </Td>
                  </Tr>
                ))}
              </Tbody>
            </Table>
            {data && (
              <Pagination.Root pageCount={data.meta.pagination.pageCount} total={data.meta.pagination.total} defaultPageSize={pageSize}>
                <Pagination.PageSize />
                <Pagination.Links />
              </Pagination.Root>
            )}
          </>
        )}
      </Layouts.Content>

      <TopicDialog
        open={Boolean(editing)}
        topic={editing === 'new' ? undefined : editing}
        onClose={() => setEditing(undefined)}
        onSubmit={save}
      />
      <Dialog.Root open={Boolean(deleting)} onOpenChange={(open: boolean) => !open && setDeleting(undefined)}>
        <ConfirmDialog onConfirm={confirmDelete} title="Delete topic">
          {deleting
            ? `Delete "${deleting.name}"? Its ${plural(deleting.members, 'member')} leave it; the contacts themselves stay.`
            : ''}
        </ConfirmDialog>
      </Dialog.Root>
    </Page.Main>
  );
};
