import { useState } from 'react';
import { Badge, Table, Tbody, Td, Tr, Typography } from '@strapi/design-system';
import { SearchInput, useNotification, useRBAC } from '@strapi/strapi/admin';
import type { TopicInput, TopicListItem } from '../../../../shared/contracts/topics';
import { useCreateTopicMutation, useDeleteTopicMutation, useGetTopicsQuery, useUpdateTopicMutation } from '../../api/topics';
import { DeleteDialog } from '../../components/dialogs/DeleteDialog';
import { ListPage } from '../../components/list/ListPage';
import { RowActions } from '../../components/list/RowActions';
import { useListParams } from '../../components/list/use-list-params';
import { TopicDialog } from '../../components/topics/TopicDialog';
import { usePluginMessages } from '../../hooks/use-plugin-messages';
import { PERMISSIONS } from '../../permissions';
import { TableHead } from '../../components/list/TableHead';

/** The topics contacts can join, with how many did; create, edit and delete them. */
export const TopicsPage = () => {
  const t = usePluginMessages();
  const { page, pageSize, search } = useListParams();
  const list = useGetTopicsQuery({ page, pageSize, ...(search ? { search } : {}) }, { refetchOnMountOrArgChange: true });
  const [createTopic] = useCreateTopicMutation();
  const [updateTopic] = useUpdateTopicMutation();
  const [deleteTopic] = useDeleteTopicMutation();
  const { toggleNotification } = useNotification();
  const {
    allowedActions: { canWrite, canDelete },
  } = useRBAC([...PERMISSIONS.write, ...PERMISSIONS.delete]);

  const [editing, setEditing] = useState<TopicListItem | 'new'>();
  const [deleting, setDeleting] = useState<TopicListItem>();

  const save = async (input: TopicInput) => {
    const saved =
      editing === 'new' ? await createTopic(input).unwrap() : await updateTopic({ documentId: editing!.documentId, data: input }).unwrap();
    toggleNotification({ type: 'success', message: t('topics.saved', 'Saved "{name}"', { name: saved.name }) });
  };

  const topics = list.data?.data ?? [];

  return (
    <ListPage
      title={t('topics.title', 'Topics')}
      count={(total) => t('topics.count', '{total, plural, one {# topic} other {# topics}}', { total })}
      list={list}
      pageSize={pageSize}
      create={canWrite ? { label: t('topics.new', 'New topic'), onClick: () => setEditing('new') } : undefined}
      actions={<SearchInput label={t('topics.search', 'Search topics')} />}
      empty={
        search
          ? t('topics.empty.search', 'No topic matches "{search}"', { search })
          : t('topics.empty', 'No topic yet: create the first one.')
      }
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
            title={t('topics.delete.title', 'Delete topic')}
            warning={(topic) =>
              t(
                'topics.delete.warning',
                'Delete "{name}"? Its {members, plural, one {# member} other {# members}} leave it; the contacts themselves stay.',
                {
                  name: topic.name,
                  members: topic.members,
                }
              )
            }
            onDelete={(topic) => deleteTopic({ documentId: topic.documentId }).unwrap()}
            onClose={() => setDeleting(undefined)}
          />
        </>
      }
    >
      <Table colCount={6} rowCount={topics.length + 1}>
        <TableHead
          columns={[
            t('topics.column.name', 'Name'),
            t('topics.column.slug', 'Slug'),
            t('topics.column.description', 'Description'),
            t('topics.column.visibility', 'Visibility'),
            t('topics.column.members', 'Members'),
            t('topics.column.actions', 'Actions'),
          ]}
        />
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
                <Badge>{topic.isPublic ? t('topics.visibility.public', 'public') : t('topics.visibility.private', 'private')}</Badge>
              </Td>
              <Td>
                <Typography>
                  {topic.members === topic.subscribedMembers
                    ? t('topics.members.subscribed', '{subscribed, number} subscribed', { subscribed: topic.subscribedMembers })
                    : t('topics.members.subscribedOfAll', '{subscribed, number} subscribed ({members, number} in all)', {
                        subscribed: topic.subscribedMembers,
                        members: topic.members,
                      })}
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
