import { useState } from 'react';
import { Button } from '@strapi/design-system';
import { File } from '@strapi/icons';
import { useNotification } from '@strapi/strapi/admin';
import { useCreateTemplateMutation } from '../../api/templates';
import { usePluginMessages } from '../../hooks/use-plugin-messages';
import { TemplateDetailsDialog, type TemplateDetails } from '../templates/TemplateDetailsDialog';

interface Props {
  documentId: string;
  /** The campaign's name: the template's until the editor changes it. */
  name: string;
  /** The template is made from the stored campaign: false when what the editor shows could not be saved first. */
  saveFirst: () => Promise<boolean>;
}

/** Keeps the campaign's message (subject, preheader, content, plain text) as a template for the next campaigns. */
export const SaveAsTemplateButton = ({ documentId, name, saveFirst }: Props) => {
  const t = usePluginMessages();
  const [open, setOpen] = useState(false);
  const [createTemplate] = useCreateTemplateMutation();
  const { toggleNotification } = useNotification();

  const save = async ({ name: templateName, description }: TemplateDetails) => {
    if (!(await saveFirst())) throw new Error(t('templates.save.unsaved', 'The campaign could not be saved: fix the form first'));
    await createTemplate({ name: templateName, description, campaign: documentId }).unwrap();
    toggleNotification({ type: 'success', message: t('templates.save.done', 'Saved as the template "{name}"', { name: templateName }) });
  };

  return (
    <>
      <Button variant="secondary" startIcon={<File />} onClick={() => setOpen(true)}>
        {t('templates.save.open', 'Save as template')}
      </Button>
      <TemplateDetailsDialog
        open={open}
        title={t('templates.save.title', 'Save as template')}
        submitLabel={t('templates.save.submit', 'Save template')}
        initial={{ name, description: null }}
        onClose={() => setOpen(false)}
        onSubmit={save}
      />
    </>
  );
};
