import { useState } from 'react';
import { Box, Button, Dialog, Flex, Typography } from '@strapi/design-system';
import { ConfirmDialog } from '@strapi/strapi/admin';
import type { Contact } from '../../../../shared/contracts/contacts';
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
  const [confirming, setConfirming] = useState(false);
  const [resubscribing, setResubscribing] = useState(false);
  const subscribed = contact.state === 'subscribed';

  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      <Flex gap={3} wrap="wrap">
        <ContactStateBadge state={contact.state} />
        <Typography variant="pi" textColor="neutral600">
          since {when(contact.stateChangedAt)}
        </Typography>
        {canWrite &&
          (subscribed ? (
            <Button variant="secondary" size="S" onClick={() => setConfirming(true)}>
              Unsubscribe
            </Button>
          ) : (
            <Button variant="secondary" size="S" onClick={() => setResubscribing(true)}>
              Resubscribe
            </Button>
          ))}
      </Flex>
      <Flex direction="column" alignItems="stretch" gap={2} aria-label="Consent record">
        <Typography variant="delta" tag="h3">
          Consent
        </Typography>
        {contact.consent ? (
          <>
            <Row label="Source" value={contact.consent.source} />
            <Row label="Given" value={when(contact.consent.at)} />
            <Row label="IP address" value={contact.consent.ip || '—'} />
            <Row label="Text shown" value={contact.consent.text || '—'} />
          </>
        ) : (
          <Typography textColor="neutral600">No consent recorded.</Typography>
        )}
        <Row label="Source of contact" value={contact.source || '—'} />
      </Flex>

      <Dialog.Root open={confirming} onOpenChange={(open: boolean) => !open && setConfirming(false)}>
        <ConfirmDialog
          title="Unsubscribe contact"
          onConfirm={async () => {
            setConfirming(false);
            await onUnsubscribe();
          }}
        >
          {`Unsubscribe ${contact.email}? They get no more campaigns until they give consent again.`}
        </ConfirmDialog>
      </Dialog.Root>
      <ResubscribeDialog open={resubscribing} email={contact.email} onClose={() => setResubscribing(false)} onSubmit={onResubscribe} />
    </Flex>
  );
};
