import { useEffect, useState } from 'react';
import { Field, Typography } from '@strapi/design-system';
import type { ContactTopic } from '../../../../shared/contracts/contacts';
import { plural } from '../../format';
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
  const [chosen, setChosen] = useState<string[]>([]);
  const [error, setError] = useState<string>();
  const adding = mode === 'addTopics';

  useEffect(() => {
    setChosen([]);
    setError(undefined);
  }, [mode]);

  return (
    <FormDialog
      open={Boolean(mode)}
      title={adding ? 'Add to topics' : 'Remove from topics'}
      submitLabel={adding ? 'Add' : 'Remove'}
      onClose={onClose}
      validate={() => {
        if (!chosen.length) setError('Choose at least one topic');
        return chosen.length > 0;
      }}
      onSubmit={() => onSubmit(chosen)}
      onError={(e) => setError((e as Error).message)}
    >
      <Typography tag="p">
        {adding ? `Add ${plural(count, 'contact')} to:` : `Remove ${plural(count, 'contact')} from:`}
      </Typography>
      <Field.Root name="topics" error={error}>
        <Field.Label>Topics</Field.Label>
        <TopicsSelect label="Topics" topics={topics} value={chosen} onChange={setChosen} hasError={Boolean(error)} />
        <Field.Error />
      </Field.Root>
    </FormDialog>
  );
};
