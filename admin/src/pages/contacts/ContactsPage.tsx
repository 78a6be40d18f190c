import { useState } from 'react';
import { Checkbox, Table, Tbody, Td, Th, Tr, Typography } from '@strapi/design-system';
import { useNotification, useRBAC } from '@strapi/strapi/admin';
import { Link } from 'react-router-dom';
import type { ContactBulkRequest, ContactBulkResult, ContactState, ListContactsQuery } from '../../../../shared/contracts/contacts';
import { useBulkContactsMutation, useCreateContactMutation, useGetContactsQuery } from '../../api/contacts';
import { errorMessage } from '../../api/errors';
import { useGetTopicChoicesQuery } from '../../api/topics';
import { BulkActionsBar } from '../../components/contacts/BulkActionsBar';
import { ContactFilters, type ContactFilterValues } from '../../components/contacts/ContactFilters';
import { ContactStateBadge } from '../../components/contacts/ContactStateBadge';
import { NewContactDialog } from '../../components/contacts/NewContactDialog';
import { ExportContactsButton } from '../../components/contacts/ExportContactsButton';
import { ListPage } from '../../components/list/ListPage';
import { useListParams } from '../../components/list/use-list-params';
import { pluginMessage, usePluginMessages, type PluginMessage } from '../../hooks/use-plugin-messages';
import { PERMISSIONS } from '../../permissions';
import { TableHead } from '../../components/list/TableHead';

const PAGE_SIZES = ['10', '25', '50', '100'];

/** What a bulk action did, as the notification says it. */
const DONE: Record<ContactBulkResult['action'], Omit<PluginMessage, 'values'>> = {
  delete: pluginMessage(
    'contacts.bulk.done.delete',
    'Deleted {changed, plural, one {# contact} other {# contacts}}{unchanged, plural, =0 {} other { ({unchanged, number} unchanged)}}'
  ),
  unsubscribe: pluginMessage(
    'contacts.bulk.done.unsubscribe',
    'Unsubscribed {changed, plural, one {# contact} other {# contacts}}{unchanged, plural, =0 {} other { ({unchanged, number} unchanged)}}'
  ),
  addTopics: pluginMessage(
    'contacts.bulk.done.addTopics',
    'Added to topics: {changed, plural, one {# contact} other {# contacts}}{unchanged, plural, =0 {} other { ({unchanged, number} unchanged)}}'
  ),
  removeTopics: pluginMessage(
    'contacts.bulk.done.removeTopics',
    'Removed from topics: {changed, plural, one {# contact} other {# contacts}}{unchanged, plural, =0 {} other { ({unchanged, number} unchanged)}}'
  ),
};
const describe = ({ action, changed, unchanged }: ContactBulkResult): PluginMessage => ({
  ...DONE[action],
  values: { changed, unchanged },
});

/** The audience: every contact, searchable and filterable, with actions on a selection. */
export const ContactsPage = () => {
  const t = usePluginMessages();
  const { page, pageSize, search, query, setQuery } = useListParams<{ state?: string; topic?: string }>(25);
  const filters: ContactFilterValues = { search, state: query?.state ?? '', topic: query?.topic ?? '' };
  const listQuery: ListContactsQuery = {
    page,
    pageSize,
    ...(filters.search ? { search: filters.search } : {}),
    ...(filters.state ? { state: filters.state as ContactState } : {}),
    ...(filters.topic ? { topic: filters.topic } : {}),
  };

  const list = useGetContactsQuery(listQuery, { refetchOnMountOrArgChange: true });
  const { data: topics = [] } = useGetTopicChoicesQuery(undefined, { refetchOnMountOrArgChange: true });
  const [bulkContacts] = useBulkContactsMutation();
  const [createContact] = useCreateContactMutation();
  const { toggleNotification } = useNotification();
  const {
    allowedActions: { canWrite, canDelete },
  } = useRBAC([...PERMISSIONS.write, ...PERMISSIONS.delete]);

  const [creating, setCreating] = useState(false);
  // A selection belongs to the rows on screen: another page or filter starts a new one.
  const scope = JSON.stringify([page, pageSize, filters.search, filters.state, filters.topic]);
  const [selection, setSelection] = useState<{ scope: string; ids: string[] }>({ scope, ids: [] });
  const selected = selection.scope === scope ? selection.ids : [];
  const setSelected = (change: (ids: string[]) => string[]) =>
    setSelection((s) => ({ scope, ids: change(s.scope === scope ? s.ids : []) }));
  const rows = list.data?.data ?? [];
  const canSelect = canWrite || canDelete;

  const changeFilters = (next: Partial<ContactFilterValues>) => {
    const merged = { ...filters, ...next };
    setQuery({ page: '1', _q: merged.search || undefined, state: merged.state || undefined, topic: merged.topic || undefined });
  };

  const runBulk = async (request: ContactBulkRequest) => {
    try {
      const result = await bulkContacts(request).unwrap();
      toggleNotification({ type: 'success', message: t(describe(result)) });
      setSelected(() => []);
      return result;
    } catch (e) {
      toggleNotification({ type: 'danger', message: errorMessage(e) });
      throw new Error(errorMessage(e), { cause: e });
    }
  };

  const onPage = rows.map((c) => c.documentId);
  const allChecked = onPage.length > 0 && onPage.every((id) => selected.includes(id));
  const someChecked = !allChecked && onPage.some((id) => selected.includes(id));
  const toggle = (documentId: string, on: boolean) =>
    setSelected((s) => (on ? [...new Set([...s, documentId])] : s.filter((id) => id !== documentId)));

  const filtered = Boolean(filters.search || filters.state || filters.topic);

  return (
    <ListPage
      title={t('contacts.title', 'Contacts')}
      count={(total) => t('contacts.count', '{total, plural, one {# contact} other {# contacts}}', { total })}
      list={list}
      pageSize={pageSize}
      pageSizes={PAGE_SIZES}
      create={canWrite ? { label: t('contacts.new', 'New contact'), onClick: () => setCreating(true) } : undefined}
      secondaryAction={
        <ExportContactsButton
          params={{ state: filters.state, topic: filters.topic }}
          label={filters.state || filters.topic ? t('contacts.export.filtered', 'Export these contacts') : undefined}
        />
      }
      actions={<ContactFilters values={filters} topics={topics} onChange={changeFilters} />}
      empty={
        filtered
          ? t('contacts.empty.filtered', 'No contact matches these filters')
          : t('contacts.empty', 'No contact yet: add one or import a CSV.')
      }
      beforeTable={
        canSelect && (
          <BulkActionsBar
            selected={selected}
            topics={topics}
            canWrite={canWrite}
            canDelete={canDelete}
            onRun={runBulk}
            onClear={() => setSelected(() => [])}
          />
        )
      }
      dialogs={
        <NewContactDialog
          open={creating}
          topics={topics}
          onClose={() => setCreating(false)}
          onSubmit={async (input) => {
            const contact = await createContact(input).unwrap();
            toggleNotification({ type: 'success', message: t('contacts.created', 'Added {email}', { email: contact.email }) });
          }}
        />
      }
    >
      <Table colCount={canSelect ? 6 : 5} rowCount={rows.length + 1}>
        <TableHead
          columns={[
            t('contacts.column.email', 'Email'),
            t('contacts.column.name', 'Name'),
            t('contacts.column.state', 'State'),
            t('contacts.column.topics', 'Topics'),
            t('contacts.column.created', 'Created'),
          ]}
          lead={
            canSelect && (
              <Th>
                <Checkbox
                  aria-label={t('contacts.selectPage', 'Select all contacts on this page')}
                  checked={allChecked ? true : someChecked ? 'indeterminate' : false}
                  onCheckedChange={(on: boolean | 'indeterminate') =>
                    setSelected((s) => (on === true ? [...new Set([...s, ...onPage])] : s.filter((id) => !onPage.includes(id))))
                  }
                />
              </Th>
            )
          }
        />
        <Tbody>
          {rows.map((contact) => (
            <Tr key={contact.documentId}>
              {canSelect && (
                <Td>
                  <Checkbox
                    aria-label={t('contacts.selectOne', 'Select {email}', { email: contact.email })}
                    checked={selected.includes(contact.documentId)}
                    onCheckedChange={(on: boolean | 'indeterminate') => toggle(contact.documentId, on === true)}
                  />
                </Td>
              )}
              <Td>
                <Link to={contact.documentId}>
                  <Typography fontWeight="bold" textColor="primary600">
                    {contact.email}
                  </Typography>
                </Link>
              </Td>
              <Td>
                <Typography>{[contact.firstName, contact.lastName].filter(Boolean).join(' ') || '—'}</Typography>
              </Td>
              <Td>
                <ContactStateBadge state={contact.state} />
              </Td>
              <Td>
                <Typography textColor="neutral600">{contact.topics.map((topic) => topic.name).join(', ') || '—'}</Typography>
              </Td>
              <Td>
                <Typography>{new Date(contact.createdAt).toLocaleDateString()}</Typography>
              </Td>
            </Tr>
          ))}
        </Tbody>
      </Table>
    </ListPage>
  );
};
