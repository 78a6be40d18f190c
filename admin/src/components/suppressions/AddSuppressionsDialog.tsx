import { useState } from 'react';
import { Field, Textarea } from '@strapi/design-system';
import { useAddSuppressionsMutation } from '../../api/suppressions';
import { usePluginMessages } from '../../hooks/use-plugin-messages';
import { BatchDialog } from './BatchDialog';

/** One address or many pasted at once (one a line, or separated by commas or semicolons). */
export const AddSuppressionsDialog = ({ open, onClose }: { open: boolean; onClose: () => void }) => {
  const t = usePluginMessages();
  const [addresses, setAddresses] = useState('');
  const [addSuppressions] = useAddSuppressionsMutation();
  return (
    <BatchDialog
      open={open}
      title={t('suppressions.add.title', 'Suppress addresses')}
      submitLabel={t('suppressions.add.submit', 'Suppress')}
      defaultReason="manual"
      onClose={() => {
        setAddresses('');
        onClose();
      }}
      missing={() => (addresses.trim() ? undefined : t('suppressions.add.empty', 'Enter at least one address.'))}
      onSubmit={(target) => addSuppressions({ addresses, ...target }).unwrap()}
      source={(errors) => (
        <Field.Root
          name="addresses"
          error={errors.addresses}
          hint={t('suppressions.add.hint', 'One address, or many: one a line, or separated by commas or semicolons.')}
        >
          <Field.Label>{t('suppressions.add.addresses', 'Addresses')}</Field.Label>
          <Textarea value={addresses} onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => setAddresses(e.target.value)} />
          <Field.Hint />
          <Field.Error />
        </Field.Root>
      )}
    />
  );
};
