import { useEffect, useState } from 'react';
import { Button, Dialog, Flex, Grid, Typography } from '@strapi/design-system';
import { Trash } from '@strapi/icons';
import { ConfirmDialog, Layouts, Page, useNotification, useRBAC } from '@strapi/strapi/admin';
import { Link, useNavigate, useParams } from 'react-router-dom';
import type { Contact } from '../../../../shared/contracts/contacts';
import { useContactActivity, useContactsApi } from '../../api/contacts';
import { errorMessage } from '../../api/errors';
import { useTopicChoices } from '../../api/topics';
import { ContactEditForm } from '../../components/contacts/ContactEditForm';
import { ContactStatePanel } from '../../components/contacts/ContactStatePanel';
import { DeliveriesTable } from '../../components/contacts/DeliveriesTable';
import { EventsTimeline } from '../../components/contacts/EventsTimeline';
import { PERMISSIONS } from '../../permissions';
import { LoadFailure } from '../../components/layout/LoadFailure';
import { Section } from '../../components/layout/Section';

/** One contact: its details, state and consent, and what its mail did over time. */
export const ContactDetailPage = () => {
  const { documentId = '' } = useParams<{ documentId: string }>();
  const api = useContactsApi();
  const navigate = useNavigate();
  const { topics } = useTopicChoices();
  const activity = useContactActivity(documentId);
  const { toggleNotification } = useNotification();
  const {
    allowedActions: { canWrite, canDelete },
  } = useRBAC([...PERMISSIONS.write, ...PERMISSIONS.delete]);

  const [contact, setContact] = useState<Contact>();
  const [loadError, setLoadError] = useState<unknown>();
  const [deleting, setDeleting] = useState(false);

  useEffect(() => {
    api.get(documentId).then(setContact, (e) => setLoadError(e ?? new Error('the contact could not be read')));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [documentId]);

  const changeState = async (work: () => Promise<Contact>, message: string) => {
    const updated = await work();
    setContact(updated);
    toggleNotification({ type: 'success', message });
  };

  const remove = async () => {
    setDeleting(false);
    try {
      await api.remove(documentId);
      toggleNotification({ type: 'success', message: `Deleted ${contact?.email}` });
      navigate('..', { relative: 'path' });
    } catch (e) {
      toggleNotification({ type: 'danger', message: errorMessage(e) });
    }
  };

  if (loadError) return <LoadFailure error={loadError} />;
  if (!contact) return <Page.Loading />;

  const name = [contact.firstName, contact.lastName].filter(Boolean).join(' ');

  return (
    <Page.Main>
      <Page.Title>{contact.email}</Page.Title>
      <Layouts.Header
        title={contact.email}
        subtitle={name || undefined}
        navigationAction={
          <Link to=".." relative="path">
            ← Contacts
          </Link>
        }
        primaryAction={
          canDelete ? (
            <Button variant="danger-light" startIcon={<Trash />} onClick={() => setDeleting(true)}>
              Delete
            </Button>
          ) : undefined
        }
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={6}>
          <Grid.Root gap={6}>
            <Grid.Item col={7} s={12} direction="column" alignItems="stretch">
              <Section title="Details">
                <ContactEditForm
                  key={contact.updatedAt}
                  contact={contact}
                  topics={topics}
                  canWrite={canWrite}
                  onSave={async (input) => {
                    const saved = await api.update(documentId, input);
                    setContact(saved);
                    toggleNotification({ type: 'success', message: 'Saved' });
                  }}
                />
              </Section>
            </Grid.Item>
            <Grid.Item col={5} s={12} direction="column" alignItems="stretch">
              <Section title="Subscription">
                <ContactStatePanel
                  contact={contact}
                  canWrite={canWrite}
                  onUnsubscribe={() =>
                    changeState(() => api.setState(documentId, { state: 'unsubscribed' }), `Unsubscribed ${contact.email}`).catch((e) =>
                      toggleNotification({ type: 'danger', message: errorMessage(e) })
                    )
                  }
                  onResubscribe={(consent) =>
                    changeState(() => api.setState(documentId, { state: 'subscribed', consent }), `Resubscribed ${contact.email}`)
                  }
                />
              </Section>
            </Grid.Item>
          </Grid.Root>
          {activity.error && (
            <Typography textColor="danger600" role="alert">
              {activity.error}
            </Typography>
          )}
          <Section title="Deliveries">
            {activity.deliveries ? (
              <DeliveriesTable {...activity.deliveries} onPage={activity.loadDeliveries} />
            ) : (
              <Typography>Loading…</Typography>
            )}
          </Section>
          <Section title="Events">
            {activity.events ? (
              <EventsTimeline
                rows={activity.events.rows}
                hasMore={Boolean(activity.events.nextBefore)}
                loadingMore={activity.loadingMore}
                onLoadMore={activity.loadMoreEvents}
              />
            ) : (
              <Typography>Loading…</Typography>
            )}
          </Section>
        </Flex>
      </Layouts.Content>
      <Dialog.Root open={deleting} onOpenChange={(open: boolean) => !open && setDeleting(false)}>
        <ConfirmDialog onConfirm={remove} title="Delete contact" variant="danger">
          {`Delete ${contact.email}? Its consent record and topic memberships go with it; to stop mailing an address for good, unsubscribe it instead.`}
        </ConfirmDialog>
      </Dialog.Root>
    </Page.Main>
  );
};
