import { useState } from 'react';
import { Box, Button, Dialog, Flex, Typography } from '@strapi/design-system';
import { ConfirmDialog } from '@strapi/strapi/admin';
import type { Contact } from '../../../../shared/contracts/contacts';
import { usePluginMessages } from '../../hooks/use-plugin-messages';
import { ContactStateBadge } from './ContactStateBadge';
import { ResubscribeDialog } from './ResubscribeDialog';

interface Props {
  contact: Contact;
  canWrite: boolean;
  onUnsubscribe: () => Promise<void>;
  onResubscribe: (consent: { source: string; text: string }) => Promise<void>;
}

const when = (iso: string | null | undefined) => (iso ? new Date(iso).toLocaleString() : '—');

const Row = ({ label, value }: { label: string; value: string }) => (
  <Flex gap={2} alignItems="flex-start">
    <Box minWidth="8rem">
      <Typography variant="sigma" textColor="neutral600">
        {label}
      </Typography>
    </Box>
    <Typography>{value}</Typography>
  </Flex>
);

/** The state, the one way to change it from here, and the consent record it rests on. */
export const ContactStatePanel = ({ contact, canWrite, onUnsubscribe, onResubscribe }: Props) => {
  const t = usePluginMessages();
  const [confirming, setConfirming] = useState(false);
  const [resubscribing, setResubscribing] = useState(false);
  const subscribed = contact.state === 'subscribed';

  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      <Flex gap={3} wrap="wrap">
        <ContactStateBadge state={contact.state} />
        <Typography variant="pi" textColor="neutral600">
          {t('contacts.statePanel.since', 'since {when}', { when: when(contact.stateChangedAt) })}
        </Typography>
        {canWrite &&
          (subscribed ? (
            <Button variant="secondary" size="S" onClick={() => setConfirming(true)}>
              {t('contacts.statePanel.unsubscribe', 'Unsubscribe')}
            </Button>
          ) : (
            <Button variant="secondary" size="S" onClick={() => setResubscribing(true)}>
              {t('contacts.statePanel.resubscribe', 'Resubscribe')}
            </Button>
          ))}
      </Flex>
      <Flex direction="column" alignItems="stretch" gap={2} aria-label={t('contacts.statePanel.consentRecord', 'Consent record')}>
        <Typography variant="delta" tag="h3">
          {t('contacts.statePanel.consent', 'Consent')}
        </Typography>
        {contact.consent ? (
          <>
            <Row label={t('contacts.statePanel.source', 'Source')} value={contact.consent.source} />
            <Row label={t('contacts.statePanel.given', 'Given')} value={when(contact.consent.at)} />
            <Row label={t('contacts.statePanel.ip', 'IP address')} value={contact.consent.ip || '—'} />
            <Row label={t('contacts.statePanel.text', 'Text shown')} value={contact.consent.text || '—'} />
          </>
        ) : (
          <Typography textColor="neutral600">{t('contacts.statePanel.noConsent', 'No consent recorded.')}</Typography>
        )}
        <Row label={t('contacts.statePanel.contactSource', 'Source of contact')} value={contact.source || '—'} />
      </Flex>

      <Dialog.Root open={confirming} onOpenChange={(open: boolean) => !open && setConfirming(false)}>
        <ConfirmDialog
          title={t('contacts.statePanel.unsubscribeTitle', 'Unsubscribe contact')}
          onConfirm={async () => {
            setConfirming(false);
            await onUnsubscribe();
          }}
        >
          {t('contacts.statePanel.unsubscribeWarning', 'Unsubscribe {email}? They get no more campaigns until they give consent again.', {
            email: contact.email,
          })}
        </ConfirmDialog>
      </Dialog.Root>
      <ResubscribeDialog open={resubscribing} email={contact.email} onClose={() => setResubscribing(false)} onSubmit={onResubscribe} />
    </Flex>
  );
};
