import { useState } from 'react';
import { Field, Typography } from '@strapi/design-system';
import type { ContactTopic } from '../../../../shared/contracts/contacts';
import { usePluginMessages } from '../../hooks/use-plugin-messages';
import { FormDialog } from '../dialogs/FormDialog';
import { TopicsSelect } from './TopicsSelect';

interface Props {
  mode?: 'addTopics' | 'removeTopics';
  count: number;
  topics: ContactTopic[];
  onClose: () => void;
  onSubmit: (topics: string[]) => Promise<void>;
}

/** Which topics the selected contacts join or leave. */
export const BulkTopicDialog = ({ mode, count, topics, onClose, onSubmit }: Props) => {
  const t = usePluginMessages();
  const [chosen, setChosen] = useState<string[]>([]);
  const [error, setError] = useState<string>();
  const adding = mode === 'addTopics';

  // Each action starts with no topic chosen.
  const [lastMode, setLastMode] = useState(mode);
  if (mode !== lastMode) {
    setLastMode(mode);
    setChosen([]);
    setError(undefined);
  }

  return (
    <FormDialog
      open={Boolean(mode)}
      title={adding ? t('contacts.bulkTopics.addTitle', 'Add to topics') : t('contacts.bulkTopics.removeTitle', 'Remove from topics')}
      submitLabel={adding ? t('contacts.bulkTopics.add', 'Add') : t('contacts.bulkTopics.remove', 'Remove')}
      onClose={onClose}
      validate={() => {
        if (!chosen.length) setError(t('contacts.bulkTopics.noneChosen', 'Choose at least one topic'));
        return chosen.length > 0;
      }}
      onSubmit={() => onSubmit(chosen)}
      onError={(e) => setError((e as Error).message)}
    >
      <Typography tag="p">
        {adding
          ? t('contacts.bulkTopics.addIntro', 'Add {count, plural, one {# contact} other {# contacts}} to:', { count })
          : t('contacts.bulkTopics.removeIntro', 'Remove {count, plural, one {# contact} other {# contacts}} from:', { count })}
      </Typography>
      <Field.Root name="topics" error={error}>
        <Field.Label>{t('contacts.bulkTopics.topics', 'Topics')}</Field.Label>
        <TopicsSelect
          label={t('contacts.bulkTopics.topics', 'Topics')}
          topics={topics}
          value={chosen}
          onChange={setChosen}
          hasError={Boolean(error)}
        />
        <Field.Error />
      </Field.Root>
    </FormDialog>
  );
};
