import { useState } from 'react';
import { Button, Field, Flex, Textarea, TextInput, Toggle, Typography } from '@strapi/design-system';
import { Plus } from '@strapi/icons';
import { errorMessage, fieldErrorMessage } from '../../api/errors';
import { useCreateTopicMutation, useGetTopicChoicesQuery } from '../../api/topics';
import { usePluginMessages } from '../../hooks/use-plugin-messages';
import { TopicsSelect } from '../contacts/TopicsSelect';

export interface WizardOptions {
  topics: string[];
  updateExisting: boolean;
  consentSource: string;
  consentText: string;
}

interface Props {
  options: WizardOptions;
  onChange: (options: WizardOptions) => void;
  /** Shown on the consent fields when the admin tried to go on without them. */
  showMissing: boolean;
}

/** Step 3: the topics the contacts join, whether existing contacts are updated, and how these people consented. */
export const OptionsStep = ({ options, onChange, showMissing }: Props) => {
  const t = usePluginMessages();
  const choices = useGetTopicChoicesQuery(undefined, { refetchOnMountOrArgChange: true });
  const [createTopicMutation] = useCreateTopicMutation();
  const [newTopic, setNewTopic] = useState('');
  const [newTopicError, setNewTopicError] = useState<string>();
  const [creating, setCreating] = useState(false);

  const createTopic = async () => {
    if (!newTopic.trim()) return;
    setCreating(true);
    setNewTopicError(undefined);
    try {
      const topic = await createTopicMutation({ name: newTopic.trim() }).unwrap();
      onChange({ ...options, topics: [...options.topics, topic.documentId] });
      setNewTopic('');
    } catch (e) {
      setNewTopicError(fieldErrorMessage(e, 'name') ?? errorMessage(e));
    } finally {
      setCreating(false);
    }
  };

  const missing = (value: string) =>
    showMissing && !value.trim() ? t('imports.options.consentMissing', 'Required: the record of these people’s consent') : undefined;

  return (
    <Flex direction="column" alignItems="stretch" gap={5}>
      <Field.Root
        name="topics"
        error={choices.error && errorMessage(choices.error)}
        hint={t('imports.options.topicsHint', 'Every imported contact joins these topics.')}
      >
        <Field.Label>{t('imports.options.topics', 'Topics')}</Field.Label>
        <TopicsSelect
          label={t('imports.options.topics', 'Topics')}
          topics={choices.data ?? []}
          value={options.topics}
          disabled={choices.isLoading}
          noTopicPlaceholder={
            choices.isLoading
              ? t('contacts.topics.choose', 'Choose topics')
              : t('imports.options.noTopic', 'No topic yet: create one below')
          }
          onChange={(topics) => onChange({ ...options, topics })}
        />
        <Field.Hint />
        <Field.Error />
      </Field.Root>
      <Flex gap={2} alignItems="flex-start">
        <Field.Root name="newTopic" error={newTopicError}>
          <Field.Label>{t('imports.options.newTopic', 'New topic')}</Field.Label>
          <TextInput
            value={newTopic}
            maxLength={200}
            onChange={(e: React.ChangeEvent<HTMLInputElement>) => setNewTopic(e.target.value)}
            onKeyDown={(e: React.KeyboardEvent) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                void createTopic();
              }
            }}
          />
          <Field.Error />
        </Field.Root>
        <Button variant="secondary" startIcon={<Plus />} onClick={createTopic} loading={creating} disabled={!newTopic.trim()} marginTop={6}>
          {t('imports.options.createTopic', 'Create topic')}
        </Button>
      </Flex>
      <Field.Root
        name="updateExisting"
        hint={t(
          'imports.options.updateExistingHint',
          "Contacts already here get the file's non-empty values; their state and consent never change."
        )}
      >
        <Field.Label>{t('imports.options.updateExisting', 'Update existing contacts')}</Field.Label>
        <Toggle
          onLabel={t('imports.options.update', 'Update')}
          offLabel={t('imports.options.skip', 'Skip')}
          checked={options.updateExisting}
          onChange={(e: React.ChangeEvent<HTMLInputElement>) => onChange({ ...options, updateExisting: e.target.checked })}
        />
        <Field.Hint />
      </Field.Root>
      <Typography variant="delta" tag="h2">
        {t('imports.options.consent', 'Consent')}
      </Typography>
      <Typography textColor="neutral600">
        {t(
          'imports.options.consentIntro',
          'Import only people who agreed to receive your mail. This record is kept on every contact the import creates.'
        )}
      </Typography>
      <Field.Root
        name="consentSource"
        required
        error={missing(options.consentSource)}
        hint={t('imports.options.consentSourceHint', 'Where and when they agreed, e.g. “Signup sheet, spring fair 2026”.')}
      >
        <Field.Label>{t('contacts.consent.source', 'Consent source')}</Field.Label>
        <TextInput
          value={options.consentSource}
          maxLength={255}
          onChange={(e: React.ChangeEvent<HTMLInputElement>) => onChange({ ...options, consentSource: e.target.value })}
        />
        <Field.Hint />
        <Field.Error />
      </Field.Root>
      <Field.Root
        name="consentText"
        required
        error={missing(options.consentText)}
        hint={t('imports.options.consentTextHint', 'The words they agreed to.')}
      >
        <Field.Label>{t('contacts.consent.text', 'Consent text')}</Field.Label>
        <Textarea
          value={options.consentText}
          maxLength={4000}
          onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => onChange({ ...options, consentText: e.target.value })}
        />
        <Field.Hint />
        <Field.Error />
      </Field.Root>
    </Flex>
  );
};
