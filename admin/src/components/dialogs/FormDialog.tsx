import { useState, type FormEvent, type ReactNode } from 'react';
import { Button, Modal } from '@strapi/design-system';
import { usePluginMessages } from '../../hooks/use-plugin-messages';
import { FormError, ModalForm } from './ModalForm';

interface Props {
  open: boolean;
  title: string;
  submitLabel: string;
  /** `danger` for a submit that cannot be undone (an erasure). */
  submitVariant?: 'default' | 'danger';
  onClose: () => void;
  /** Checks the inputs before anything is sent: false keeps the dialog open (it shows what is missing). */
  validate?: () => boolean;
  /** Sends the form: the dialog closes when it resolves and hands a rejection to `onError`. */
  onSubmit: () => Promise<void>;
  /** Puts the server's refusal on the fields it names, or in `error`. */
  onError: (error: unknown) => void;
  /** A message about the whole form, under its fields. */
  error?: string;
  children: ReactNode;
}

/** A modal form: title, fields, Cancel and a submit button that shows the save under way. */
export const FormDialog = ({
  open,
  title,
  submitLabel,
  submitVariant = 'default',
  onClose,
  validate,
  onSubmit,
  onError,
  error,
  children,
}: Props) => {
  const [saving, setSaving] = useState(false);
  const t = usePluginMessages();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (validate && !validate()) return;
    setSaving(true);
    try {
      await onSubmit();
      onClose();
    } catch (e) {
      onError(e);
    } finally {
      setSaving(false);
    }
  };

  return (
    <ModalForm
      open={open}
      title={title}
      onClose={onClose}
      onSubmit={submit}
      footer={
        <>
          <Modal.Close>
            <Button variant="tertiary">{t('dialogs.form.cancel', 'Cancel')}</Button>
          </Modal.Close>
          <Button type="submit" variant={submitVariant} loading={saving}>
            {submitLabel}
          </Button>
        </>
      }
    >
      {children}
      <FormError error={error} />
    </ModalForm>
  );
};
