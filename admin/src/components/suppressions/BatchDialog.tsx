import { useState, type FormEvent, type ReactNode } from 'react';
import { Button } from '@strapi/design-system';
import type { SuppressionBatchResult } from '../../../../shared/contracts/suppressions';
import { errorMessage, fieldErrors } from '../../api/errors';
import { usePluginMessages } from '../../hooks/use-plugin-messages';
import { FormError, ModalForm } from '../dialogs/ModalForm';
import { BatchResult } from './BatchResult';
import { SuppressionTargetFields, targetInput, type TargetValues } from './SuppressionTargetFields';

const START: TargetValues = { reason: 'manual', scope: 'global', topic: null, note: '' };

interface Props {
  open: boolean;
  title: string;
  submitLabel: string;
  defaultReason: TargetValues['reason'];
  onClose: () => void;
  /** The addresses' own input (the paste, the file), given the server's messages by field. */
  source: (errors: Record<string, string>) => ReactNode;
  /** What the source lacks before anything is sent (an empty paste, no file), or undefined. */
  missing: () => string | undefined;
  onSubmit: (target: ReturnType<typeof targetInput>) => Promise<SuppressionBatchResult>;
}

/**
 * Adds addresses (pasted or in a file) with a reason and a scope, then stays open on what the
 * server did: how many were added, and each entry that was not an address, with its line.
 */
export const BatchDialog = ({ open, title, submitLabel, defaultReason, onClose, source, missing, onSubmit }: Props) => {
  const t = usePluginMessages();
  const [target, setTarget] = useState<TargetValues>({ ...START, reason: defaultReason });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string>();
  const [saving, setSaving] = useState(false);
  const [result, setResult] = useState<SuppressionBatchResult>();

  const close = () => {
    setTarget({ ...START, reason: defaultReason });
    setErrors({});
    setError(undefined);
    setResult(undefined);
    onClose();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const lacking = missing();
    setError(lacking);
    setErrors({});
    if (lacking) return;
    setSaving(true);
    try {
      setResult(await onSubmit(targetInput(target)));
    } catch (e) {
      const byField = fieldErrors(e);
      setErrors(byField);
      setError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <ModalForm
      open={open}
      title={title}
      onClose={close}
      onSubmit={submit}
      footer={
        result ? (
          <Button onClick={close}>{t('suppressions.dialog.done', 'Done')}</Button>
        ) : (
          <>
            <Button variant="tertiary" onClick={close}>
              {t('dialogs.form.cancel', 'Cancel')}
            </Button>
            <Button type="submit" loading={saving}>
              {submitLabel}
            </Button>
          </>
        )
      }
    >
      {result ? (
        <BatchResult result={result} />
      ) : (
        <>
          {source(errors)}
          <SuppressionTargetFields values={target} onChange={setTarget} errors={errors} />
          <FormError error={error} />
        </>
      )}
    </ModalForm>
  );
};
