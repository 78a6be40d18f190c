import { useState } from 'react';
import { Button, Dialog, EmptyStateLayout, Flex, Grid, Typography } from '@strapi/design-system';
import { Download, Shield, Trash } from '@strapi/icons';
import { EmptyPictures } from '@strapi/icons/symbols';
import { ConfirmDialog, Layouts, Page, useNotification, useRBAC } from '@strapi/strapi/admin';
import { Link, useNavigate, useParams } from 'react-router-dom';
import {
  useDeleteContactMutation,
  useEraseContactMutation,
  useExportContactData,
  useGetContactDeliveriesQuery,
  useGetContactEventsQuery,
  useGetContactQuery,
  useSetContactStateMutation,
  useUpdateContactMutation,
} from '../../api/contacts';
import { errorMessage } from '../../api/errors';
import { saveBlob } from '../../download';
import { useGetTopicChoicesQuery } from '../../api/topics';
import { ContactEditForm } from '../../components/contacts/ContactEditForm';
import { ContactStatePanel } from '../../components/contacts/ContactStatePanel';
import { DeliveriesTable } from '../../components/contacts/DeliveriesTable';
import { EraseContactDialog } from '../../components/contacts/EraseContactDialog';
import { EventsTimeline } from '../../components/contacts/EventsTimeline';
import { usePluginMessages } from '../../hooks/use-plugin-messages';
import { PERMISSIONS } from '../../permissions';
import { LoadFailure } from '../../components/layout/LoadFailure';
import { Section } from '../../components/layout/Section';

/** One contact: its details, state and consent, and what its mail did over time. */
export const ContactDetailPage = () => {
  const t = usePluginMessages();
  const { documentId = '' } = useParams<{ documentId: string }>();
  const navigate = useNavigate();
  const { toggleNotification } = useNotification();
  const {
    allowedActions: { canWrite, canDelete },
  } = useRBAC([...PERMISSIONS.write, ...PERMISSIONS.delete]);

  const { data: contact, error: loadError } = useGetContactQuery({ documentId }, { refetchOnMountOrArgChange: true });
  const { data: topics = [] } = useGetTopicChoicesQuery(undefined, { refetchOnMountOrArgChange: true });
  const [deliveriesPage, setDeliveriesPage] = useState(1);
  const [eventsBefore, setEventsBefore] = useState<string>();
  const deliveries = useGetContactDeliveriesQuery({ documentId, page: deliveriesPage }, { refetchOnMountOrArgChange: true });
  const events = useGetContactEventsQuery({ documentId, before: eventsBefore }, { refetchOnMountOrArgChange: true });
  const [updateContact] = useUpdateContactMutation();
  const [setContactState] = useSetContactStateMutation();
  const [deleteContact] = useDeleteContactMutation();
  const [deleting, setDeleting] = useState(false);
  const [eraseContact] = useEraseContactMutation();
  const exportData = useExportContactData();
  const [erasing, setErasing] = useState(false);
  const [exporting, setExporting] = useState(false);
  /** Set once the erasure committed: the page then says the contact is gone instead of loading it again. */
  const [erasedEmail, setErasedEmail] = useState<string>();

  const remove = async () => {
    setDeleting(false);
    try {
      await deleteContact({ documentId }).unwrap();
      toggleNotification({ type: 'success', message: t('contacts.detail.deleted', 'Deleted {email}', { email: contact?.email ?? '' }) });
      navigate('..', { relative: 'path' });
    } catch (e) {
      toggleNotification({ type: 'danger', message: errorMessage(e) });
    }
  };

  const download = async () => {
    setExporting(true);
    try {
      const { blob, fileName } = await exportData(documentId);
      saveBlob(blob, fileName);
    } catch (e) {
      toggleNotification({ type: 'danger', message: errorMessage(e) });
    } finally {
      setExporting(false);
    }
  };

  const back = (
    <Link to=".." relative="path">
      {t('contacts.detail.back', '← Contacts')}
    </Link>
  );

  if (erasedEmail !== undefined) {
    return (
      <Page.Main>
        <Page.Title>{t('contacts.erase.doneTitle', 'Contact erased')}</Page.Title>
        <Layouts.Header title={t('contacts.erase.doneTitle', 'Contact erased')} navigationAction={back} />
        <Layouts.Content>
          <EmptyStateLayout
            icon={<EmptyPictures width="16rem" />}
            hasRadius
            shadow="tableShadow"
            content={t(
              'contacts.erase.done',
              'The contact {email} was erased: its personal data is gone, and its address stays suppressed so it is never mailed or imported again.',
              { email: erasedEmail }
            )}
          />
        </Layouts.Content>
      </Page.Main>
    );
  }
  if (loadError) return <LoadFailure error={loadError} />;
  if (!contact) return <Page.Loading />;

  const name = [contact.firstName, contact.lastName].filter(Boolean).join(' ');
  const activityError = deliveries.error ?? events.error;
  const loading = <Typography>{t('contacts.detail.loading', 'Loading…')}</Typography>;

  return (
    <Page.Main>
      <Page.Title>{contact.email}</Page.Title>
      <Layouts.Header
        title={contact.email}
        subtitle={name || undefined}
        navigationAction={back}
        primaryAction={
          <Flex gap={2}>
            <Button variant="secondary" startIcon={<Download />} loading={exporting} onClick={download}>
              {t('contacts.detail.exportData', 'Export data')}
            </Button>
            {canDelete && (
              <>
                <Button variant="danger-light" startIcon={<Trash />} onClick={() => setDeleting(true)}>
                  {t('contacts.detail.delete', 'Delete')}
                </Button>
                <Button variant="danger" startIcon={<Shield />} onClick={() => setErasing(true)}>
                  {t('contacts.detail.erase', 'Erase')}
                </Button>
              </>
            )}
          </Flex>
        }
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={6}>
          <Grid.Root gap={6}>
            <Grid.Item col={7} s={12} direction="column" alignItems="stretch">
              <Section title={t('contacts.detail.details', 'Details')}>
                <ContactEditForm
                  key={contact.updatedAt}
                  contact={contact}
                  topics={topics}
                  canWrite={canWrite}
                  onSave={async (input) => {
                    await updateContact({ documentId, data: input }).unwrap();
                    toggleNotification({ type: 'success', message: t('contacts.detail.saved', 'Saved') });
                  }}
                />
              </Section>
            </Grid.Item>
            <Grid.Item col={5} s={12} direction="column" alignItems="stretch">
              <Section title={t('contacts.detail.subscription', 'Subscription')}>
                <ContactStatePanel
                  contact={contact}
                  canWrite={canWrite}
                  onUnsubscribe={() =>
                    setContactState({ documentId, data: { state: 'unsubscribed' } })
                      .unwrap()
                      .then(
                        () =>
                          toggleNotification({
                            type: 'success',
                            message: t('contacts.detail.unsubscribed', 'Unsubscribed {email}', { email: contact.email }),
                          }),
                        (e) => toggleNotification({ type: 'danger', message: errorMessage(e) })
                      )
                  }
                  onResubscribe={async (consent) => {
                    await setContactState({ documentId, data: { state: 'subscribed', consent } }).unwrap();
                    toggleNotification({
                      type: 'success',
                      message: t('contacts.detail.resubscribed', 'Resubscribed {email}', { email: contact.email }),
                    });
                  }}
                />
              </Section>
            </Grid.Item>
          </Grid.Root>
          {activityError && (
            <Typography textColor="danger600" role="alert">
              {errorMessage(activityError)}
            </Typography>
          )}
          <Section title={t('contacts.detail.deliveries', 'Deliveries')}>
            {deliveries.data ? (
              <DeliveriesTable rows={deliveries.data.data.deliveries} {...deliveries.data.meta.deliveries} onPage={setDeliveriesPage} />
            ) : (
              loading
            )}
          </Section>
          <Section title={t('contacts.detail.events', 'Events')}>
            {events.data ? (
              <EventsTimeline
                rows={events.data.data.events}
                hasMore={Boolean(events.data.meta.events.nextBefore)}
                loadingMore={events.isFetching && Boolean(eventsBefore)}
                onLoadMore={() => setEventsBefore(events.data?.meta.events.nextBefore ?? undefined)}
              />
            ) : (
              loading
            )}
          </Section>
        </Flex>
      </Layouts.Content>
      <EraseContactDialog
        open={erasing}
        email={contact.email}
        onClose={() => setErasing(false)}
        onErase={async (confirm) => {
          await eraseContact({ documentId, data: { confirm } }).unwrap();
          setErasedEmail(contact.email);
        }}
      />
      <Dialog.Root open={deleting} onOpenChange={(open: boolean) => !open && setDeleting(false)}>
        <ConfirmDialog onConfirm={remove} title={t('contacts.detail.deleteTitle', 'Delete contact')} variant="danger">
          {t(
            'contacts.detail.deleteWarning',
            'Delete {email}? Its consent record and topic memberships go with it; to stop mailing an address for good, unsubscribe it instead.',
            { email: contact.email }
          )}
        </ConfirmDialog>
      </Dialog.Root>
    </Page.Main>
  );
};
