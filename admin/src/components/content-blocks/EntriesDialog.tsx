import { useState } from 'react';
import { Button, Field, Flex, Loader, Modal, Radio, Typography } from '@strapi/design-system';
import type { EntriesBlockAttributes } from '../../../../shared/contracts/content-blocks';
import { errorMessage } from '../../api/errors';
import { useGetContentBlockTypesQuery } from '../../api/content-blocks';
import { usePluginMessages } from '../../hooks/use-plugin-messages';
import { emptyEntriesForm, toAttributes, withType, type EntriesForm } from './entries-form';
import { EntryPicker } from './EntryPicker';
import { FieldMapping } from './FieldMapping';
import { LatestFields } from './LatestFields';
import { SelectField } from './SelectField';

interface Props {
  onClose: () => void;
  onInsert: (attributes: EntriesBlockAttributes) => void;
}

/** Builds an entries block: a type of the site, which of its entries, and which fields show. */
export const EntriesDialog = ({ onClose, onInsert }: Props) => {
  const t = usePluginMessages();
  const types = useGetContentBlockTypesQuery(undefined, { refetchOnMountOrArgChange: true });
  const [form, setForm] = useState<EntriesForm>(emptyEntriesForm);
  const [problem, setProblem] = useState<string>();
  const type = types.data?.find((candidate) => candidate.uid === form.type);
  const change = (next: Partial<EntriesForm>) => {
    setForm((current) => ({ ...current, ...next }));
    setProblem(undefined);
  };

  const insert = () => {
    const result = toAttributes(form);
    if ('problem' in result) setProblem(t(result.problem));
    else onInsert(result.attributes);
  };

  return (
    <Modal.Root open onOpenChange={(open: boolean) => !open && onClose()}>
      <Modal.Content>
        <Modal.Header>
          <Modal.Title>{t('contentBlocks.entries.title', 'Insert entries')}</Modal.Title>
        </Modal.Header>
        <Modal.Body>
          {types.isLoading ? (
            <Loader small>{t('contentBlocks.entries.loading', 'Loading the content types')}</Loader>
          ) : types.error ? (
            <Typography textColor="danger600" role="alert">
              {errorMessage(types.error)}
            </Typography>
          ) : (
            <Flex direction="column" alignItems="stretch" gap={4}>
              <SelectField
                name="type"
                label={t('contentBlocks.entries.type', 'Content type')}
                hint={types.data?.length ? undefined : t('contentBlocks.entries.noTypes', 'The site has no collection type yet')}
                value={form.type}
                onChange={(uid) => {
                  const chosen = types.data?.find((candidate) => candidate.uid === uid);
                  if (chosen) {
                    setForm((current) => withType(current, chosen));
                    setProblem(undefined);
                  }
                }}
                options={(types.data ?? []).map(({ uid, displayName }) => ({ value: uid, label: displayName }))}
              />
              {type && (
                <>
                  <Field.Root name="mode">
                    <Field.Label>{t('contentBlocks.entries.mode', 'Which entries')}</Field.Label>
                    <Radio.Group
                      value={form.mode}
                      onValueChange={(mode: string) => change({ mode: mode === 'latest' ? 'latest' : 'entries' })}
                      aria-label={t('contentBlocks.entries.mode', 'Which entries')}
                    >
                      <Radio.Item value="entries">{t('contentBlocks.entries.mode.entries', 'Chosen entries')}</Radio.Item>
                      <Radio.Item value="latest">{t('contentBlocks.entries.mode.latest', 'The latest entries')}</Radio.Item>
                    </Radio.Group>
                  </Field.Root>
                  {form.mode === 'entries' ? (
                    <EntryPicker type={type.uid} value={form.entries} onChange={(entries) => change({ entries })} />
                  ) : (
                    <LatestFields type={type} form={form} onChange={change} />
                  )}
                  <FieldMapping type={type} form={form} onChange={change} />
                </>
              )}
              {problem && (
                <Typography textColor="danger600" role="alert">
                  {problem}
                </Typography>
              )}
            </Flex>
          )}
        </Modal.Body>
        <Modal.Footer>
          <Modal.Close>
            <Button variant="tertiary">{t('dialogs.form.cancel', 'Cancel')}</Button>
          </Modal.Close>
          <Button onClick={insert} disabled={!type}>
            {t('contentBlocks.entries.insert', 'Insert')}
          </Button>
        </Modal.Footer>
      </Modal.Content>
    </Modal.Root>
  );
};
