import { useState } from 'react';
import { Badge, Table, Tbody, Td, Tr, Typography } from '@strapi/design-system';
import { SearchInput, useNotification, useRBAC } from '@strapi/strapi/admin';
import type { TopicInput, TopicListItem } from '../../../../shared/contracts/topics';
import { useTopicList, useTopicsApi } from '../../api/topics';
import { DeleteDialog } from '../../components/dialogs/DeleteDialog';
import { ListPage } from '../../components/list/ListPage';
import { RowActions } from '../../components/list/RowActions';
import { useListParams } from '../../components/list/use-list-params';
import { TopicDialog } from '../../components/topics/TopicDialog';
import { plural } from '../../format';
import { PERMISSIONS } from '../../permissions';
import { TableHead } from '../../components/list/TableHead';

/** The topics contacts can join, with how many did; create, edit and delete them. */
export const TopicsPage = () => {
  const { page, pageSize, search } = useListParams();
  const list = useTopicList(page, pageSize, search);
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
    list.reload();
  };

  const topics = list.data?.data ?? [];

  return (
    <ListPage
      title="Topics"
      count={(n) => plural(n, 'topic')}
      list={list}
      pageSize={pageSize}
      create={canWrite ? { label: 'New topic', onClick: () => setEditing('new') } : undefined}
      actions={<SearchInput label="Search topics" />}
      empty={search ? `No topic matches "${search}"` : 'No topic yet: create the first one.'}
      dialogs={
        <>
          <TopicDialog
            open={Boolean(editing)}
            topic={editing === 'new' ? undefined : editing}
            onClose={() => setEditing(undefined)}
            onSubmit={save}
          />
          <DeleteDialog
            item={deleting}
            title="Delete topic"
            warning={(topic) => `Delete "${topic.name}"? Its ${plural(topic.members, 'member')} leave it; the contacts themselves stay.`}
            onDelete={(topic) => api.remove(topic.documentId)}
            onDeleted={list.reload}
            onClose={() => setDeleting(undefined)}
          />
        </>
      }
    >
      <Table colCount={6} rowCount={topics.length + 1}>
        <TableHead columns={['Name', 'Slug', 'Description', 'Visibility', 'Members', 'Actions']} />
        <Tbody>
          {topics.map((topic) => (
            <Tr key={topic.documentId}>
              <Td>
                <Typography fontWeight="bold">{topic.name}</Typography>
              </Td>
              <Td>
                <Typography textColor="neutral600">{topic.slug}</Typography>
              </Td>
              <Td>
                <Typography ellipsis>{topic.description ?? ''}</Typography>
              </Td>
              <Td>
                <Badge>{topic.isPublic ? 'public' : 'private'}</Badge>
              </Td>
              <Td>
                <Typography>
                  {topic.subscribedMembers.toLocaleString()} subscribed
                  {topic.members !== topic.subscribedMembers && ` (${topic.members.toLocaleString()} in all)`}
                </Typography>
              </Td>
              <Td>
                <RowActions
                  name={topic.name}
                  onEdit={canWrite ? () => setEditing(topic) : undefined}
                  onDelete={canDelete ? () => setDeleting(topic) : undefined}
                />
              </Td>
            </Tr>
          ))}
        </Tbody>
      </Table>
    </ListPage>
  );
};
