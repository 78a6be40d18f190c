import { useState } from 'react';
import { Field, TextInput, Typography } from '@strapi/design-system';
import type { TemplateRef } from '../../../../shared/contracts/templates';
import { errorMessage, fieldErrors } from '../../api/errors';
import { useGetTemplatesQuery } from '../../api/templates';
import { usePluginMessages } from '../../hooks/use-plugin-messages';
import { FormDialog } from '../dialogs/FormDialog';
import { TemplateGallery } from './TemplateGallery';
import { useResetOnOpen } from '../../hooks/use-reset-on-open';

interface Props {
  open: boolean;
  onClose: () => void;
  /** Resolves when created; rejects with the server's refusal, shown under the field it names. */
  onCreate: (name: string, template: TemplateRef | null) => Promise<void>;
}

/** A new campaign: its name, and what it starts from (the gallery of the blank message, the starters and the saved templates). */
export const NewCampaignDialog = ({ open, onClose, onCreate }: Props) => {
  const t = usePluginMessages();
  const templates = useGetTemplatesQuery(undefined, { skip: !open });
  const [name, setName] = useState('');
  const [template, setTemplate] = useState<TemplateRef | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string>();

  // Each opening starts blank, without the last opening's errors.
  useResetOnOpen(open, () => {
    setName('');
    setTemplate(null);
    setErrors({});
    setError(undefined);
  });

  return (
    <FormDialog
      open={open}
      title={t('campaigns.create.title', 'New campaign')}
      submitLabel={t('campaigns.create.submit', 'Create')}
      onClose={onClose}
      validate={() => {
        if (!name.trim()) setErrors({ name: t('campaigns.name.missing', 'Give the campaign a name') });
        return Boolean(name.trim());
      }}
      onSubmit={() => onCreate(name.trim(), template)}
      onError={(e) => {
        const named = fieldErrors(e);
        setErrors(named);
        setError(Object.keys(named).length ? undefined : errorMessage(e));
      }}
      error={error ?? errors.template}
    >
      <Field.Root name="name" error={errors.name} required>
        <Field.Label>{t('campaigns.name.label', 'Name')}</Field.Label>
        <TextInput value={name} maxLength={200} onChange={(e: React.ChangeEvent<HTMLInputElement>) => setName(e.target.value)} />
        <Field.Error />
      </Field.Root>
      {templates.data ? (
        <TemplateGallery templates={templates.data} value={template} onChange={setTemplate} />
      ) : templates.isError ? (
        <Typography textColor="danger600" role="alert">
          {errorMessage(templates.error)}
        </Typography>
      ) : (
        <Typography textColor="neutral600">{t('templates.gallery.loading', 'Loading the templates…')}</Typography>
      )}
    </FormDialog>
  );
};
