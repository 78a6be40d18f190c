import { useState } from 'react';
import { Box, Button, Dialog, Flex, Typography } from '@strapi/design-system';
import { Cross, Minus, Plus, Trash } from '@strapi/icons';
import { ConfirmDialog } from '@strapi/strapi/admin';
import type { ContactBulkRequest, ContactBulkResult, ContactTopic } from '../../../../shared/contracts/contacts';
import { usePluginMessages } from '../../hooks/use-plugin-messages';
import { BulkTopicDialog } from './BulkTopicDialog';

interface Props {
  selected: string[];
  topics: ContactTopic[];
  canWrite: boolean;
  canDelete: boolean;
  /** Runs the action; rejects with the server's message. */
  onRun: (request: ContactBulkRequest) => Promise<ContactBulkResult>;
  onClear: () => void;
}

/** The actions on the selected rows: topics in or out, unsubscribe, delete (the last two confirmed first). */
export const BulkActionsBar = ({ selected, topics, canWrite, canDelete, onRun, onClear }: Props) => {
  const t = usePluginMessages();
  const [topicMode, setTopicMode] = useState<'addTopics' | 'removeTopics'>();
  const [confirming, setConfirming] = useState<'unsubscribe' | 'delete'>();

  if (!selected.length) return null;

  return (
    <Box background="primary100" borderColor="primary200" hasRadius padding={3} marginBottom={4}>
      <Flex gap={2} wrap="wrap">
        <Typography fontWeight="bold" role="status">
          {t('contacts.bulk.selected', '{count, plural, one {# contact} other {# contacts}} selected', { count: selected.length })}
        </Typography>
        {canWrite && (
          <>
            <Button variant="secondary" size="S" startIcon={<Plus />} onClick={() => setTopicMode('addTopics')}>
              {t('contacts.bulk.addTopics', 'Add to topic')}
            </Button>
            <Button variant="secondary" size="S" startIcon={<Minus />} onClick={() => setTopicMode('removeTopics')}>
              {t('contacts.bulk.removeTopics', 'Remove from topic')}
            </Button>
            <Button variant="secondary" size="S" onClick={() => setConfirming('unsubscribe')}>
              {t('contacts.bulk.unsubscribe', 'Unsubscribe')}
            </Button>
          </>
        )}
        {canDelete && (
          <Button variant="danger-light" size="S" startIcon={<Trash />} onClick={() => setConfirming('delete')}>
            {t('contacts.bulk.delete', 'Delete')}
          </Button>
        )}
        <Button variant="ghost" size="S" startIcon={<Cross />} onClick={onClear}>
          {t('contacts.bulk.clear', 'Clear selection')}
        </Button>
      </Flex>

      <BulkTopicDialog
        mode={topicMode}
        count={selected.length}
        topics={topics}
        onClose={() => setTopicMode(undefined)}
        onSubmit={async (chosen) => {
          await onRun({ action: topicMode!, documentIds: selected, topics: chosen });
        }}
      />
      <Dialog.Root open={Boolean(confirming)} onOpenChange={(open: boolean) => !open && setConfirming(undefined)}>
        <ConfirmDialog
          title={
            confirming === 'delete'
              ? t('contacts.bulk.deleteTitle', 'Delete contacts')
              : t('contacts.bulk.unsubscribeTitle', 'Unsubscribe contacts')
          }
          variant={confirming === 'delete' ? 'danger' : 'default'}
          onConfirm={async () => {
            const action = confirming!;
            setConfirming(undefined);
            await onRun({ action, documentIds: selected }).catch(() => undefined);
          }}
        >
          {confirming === 'delete'
            ? t(
                'contacts.bulk.deleteWarning',
                'Delete {count, plural, one {# contact} other {# contacts}}? Their consent records and topic memberships go with them.',
                { count: selected.length }
              )
            : t(
                'contacts.bulk.unsubscribeWarning',
                'Unsubscribe {count, plural, one {# contact} other {# contacts}}? Bounced and complained contacts keep their state. A contact comes back only with a new consent.',
                { count: selected.length }
              )}
        </ConfirmDialog>
      </Dialog.Root>
    </Box>
  );
};
