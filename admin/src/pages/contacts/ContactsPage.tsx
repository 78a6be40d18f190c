import { useEffect, useMemo, useState } from 'react';
import { Checkbox, Table, Tbody, Td, Th, Tr, Typography } from '@strapi/design-system';
import { useNotification, useRBAC } from '@strapi/strapi/admin';
import { Link } from 'react-router-dom';
import type { ContactBulkRequest, ContactBulkResult, ContactState, ListContactsQuery } from '../../../../shared/contracts/contacts';
import { useContactList, useContactsApi } from '../../api/contacts';
import { errorMessage } from '../../api/errors';
import { useTopicChoices } from '../../api/topics';
import { BulkActionsBar } from '../../components/contacts/BulkActionsBar';
import { ContactFilters, type ContactFilterValues } from '../../components/contacts/ContactFilters';
import { ContactStateBadge } from '../../components/contacts/ContactStateBadge';
import { NewContactDialog } from '../../components/contacts/NewContactDialog';
import { ExportContactsButton } from '../../components/contacts/ExportContactsButton';
import { ListPage } from '../../components/list/ListPage';
import { useListParams } from '../../components/list/use-list-params';
import { plural } from '../../format';
import { PERMISSIONS } from '../../permissions';
import { TableHead } from '../../components/list/TableHead';

const PAGE_SIZES = ['10', '25', '50', '100'];
const VERB: Record<ContactBulkResult['action'], string> = {
  delete: 'Deleted',
  unsubscribe: 'Unsubscribed',
  addTopics: 'Added to topics:',
  removeTopics: 'Removed from topics:',
};
const describe = (r: ContactBulkResult) =>
  `${VERB[r.action]} ${plural(r.changed, 'contact')}${r.unchanged ? ` (${r.unchanged.toLocaleString()} unchanged)` : ''}`;

/** The audience: every contact, searchable and filterable, with actions on a selection. */
export const ContactsPage = () => {
  const { page, pageSize, search, query, setQuery } = useListParams<{ state?: string; topic?: string }>(25);
  const filters: ContactFilterValues = { search, state: query?.state ?? '', topic: query?.topic ?? '' };
  const listQuery: ListContactsQuery = {
    page,
    pageSize,
    ...(filters.search ? { search: filters.search } : {}),
    ...(filters.state ? { state: filters.state as ContactState } : {}),
    ...(filters.topic ? { topic: filters.topic } : {}),
  };

  const list = useContactList(listQuery);
  const api = useContactsApi();
  const { topics } = useTopicChoices();
  const { toggleNotification } = useNotification();
  const {
    allowedActions: { canWrite, canDelete },
  } = useRBAC([...PERMISSIONS.write, ...PERMISSIONS.delete]);

  const [creating, setCreating] = useState(false);
  const [selected, setSelected] = useState<string[]>([]);
  const rows = useMemo(() => list.data?.data ?? [], [list.data]);
  const canSelect = canWrite || canDelete;

  // A selection belongs to the rows on screen: another page or filter starts a new one.
  useEffect(() => setSelected([]), [page, pageSize, filters.search, filters.state, filters.topic]);

  const changeFilters = (next: Partial<ContactFilterValues>) => {
    const merged = { ...filters, ...next };
    setQuery({ page: '1', _q: merged.search || undefined, state: merged.state || undefined, topic: merged.topic || undefined });
  };

  const runBulk = async (request: ContactBulkRequest) => {
    try {
      const result = await api.bulk(request);
      toggleNotification({ type: 'success', message: describe(result) });
      setSelected([]);
      list.reload();
      return result;
    } catch (e) {
      toggleNotification({ type: 'danger', message: errorMessage(e) });
      throw new Error(errorMessage(e));
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
      title="Contacts"
      count={(n) => plural(n, 'contact')}
      list={list}
      pageSize={pageSize}
      pageSizes={PAGE_SIZES}
      create={canWrite ? { label: 'New contact', onClick: () => setCreating(true) } : undefined}
      secondaryAction={
        <ExportContactsButton
          params={{ state: filters.state, topic: filters.topic }}
          label={filters.state || filters.topic ? 'Export these contacts' : 'Export CSV'}
        />
      }
      actions={<ContactFilters values={filters} topics={topics} onChange={changeFilters} />}
      empty={filtered ? 'No contact matches these filters' : 'No contact yet: add one or import a CSV.'}
      beforeTable={
        canSelect && (
          <BulkActionsBar
            selected={selected}
            topics={topics}
            canWrite={canWrite}
            canDelete={canDelete}
            onRun={runBulk}
            onClear={() => setSelected([])}
          />
        )
      }
      dialogs={
        <NewContactDialog
          open={creating}
          topics={topics}
          onClose={() => setCreating(false)}
          onSubmit={async (input) => {
            const contact = await api.create(input);
            toggleNotification({ type: 'success', message: `Added ${contact.email}` });
            list.reload();
          }}
        />
      }
    >
      <Table colCount={canSelect ? 6 : 5} rowCount={rows.length + 1}>
        <TableHead
          columns={['Email', 'Name', 'State', 'Topics', 'Created']}
          lead={
            canSelect && (
              <Th>
                <Checkbox
                  aria-label="Select all contacts on this page"
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
                    aria-label={`Select ${contact.email}`}
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
                <Typography textColor="neutral600">{contact.topics.map((t) => t.name).join(', ') || '—'}</Typography>
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
