import { useEffect, useState } from 'react';
import { Button, Field, Modal, Typography } from '@strapi/design-system';
import type { ContactTopic } from '../../../../shared/contracts/contacts';
import { TopicsSelect } from './TopicsSelect';

interface Props {
  mode?: 'addTopics' | 'removeTopics';
  count: number;
  topics: ContactTopic[];
  onClose: () => void;
  onSubmit: (topics: string[]) => Promise<void>;
}

const plural = (n: number) => `${n} contact${n === 1 ? '' : 's'}`;

/** Which topics the selected contacts join or leave. */
export const BulkTopicDialog = ({ mode, count, topics, onClose, onSubmit }: Props) => {
  const [chosen, setChosen] = useState<string[]>([]);
  const [error, setError] = useState<string>();
  const [saving, setSaving] = useState(false);
  const adding = mode === 'addTopics';

  useEffect(() => {
    setChosen([]);
    setError(undefined);
  }, [mode]);

  const submit = async () => {
    if (!chosen.length) {
      setError('Choose at least one topic');
      return;
    }
    setSaving(true);
    try {
      await onSubmit(chosen);
      onClose();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal.Root open={Boolean(mode)} onOpenChange={(next: boolean) => !next && onClose()}>
      <Modal.Content>
        <Modal.Header>
          <Modal.Title>{adding ? 'Add to topics' : 'Remove from topics'}</Modal.Title>
        </Modal.Header>
        <Modal.Body>
          <Typography tag="p">
            {adding ? `Add ${plural(count)} to:` : `Remove ${plural(count)} from:`}
          </Typography>
          <Field.Root name="topics" error={error}>
            <Field.Label>Topics</Field.Label>
            <TopicsSelect label="Topics" topics={topics} value={chosen} onChange={setChosen} hasError={Boolean(error)} />
            <Field.Error />
          </Field.Root>
        </Modal.Body>
        <Modal.Footer>
          <Modal.Close>
            <Button variant="tertiary">Cancel</Button>
          </Modal.Close>
          <Button onClick={submit} loading={saving}>
            {adding ? 'Add' : 'Remove'}
          </Button>
        </Modal.Footer>
      </Modal.Content>
    </Modal.Root>
  );
};
