import { useState } from 'react';
import { Box, Typography } from '@strapi/design-system';
import { useImportSuppressionsMutation } from '../../api/suppressions';
import { usePluginMessages } from '../../hooks/use-plugin-messages';
import { BatchDialog } from './BatchDialog';

/** A CSV of addresses: its "email" column is read, with the contact import's checks of the file. */
export const ImportSuppressionsDialog = ({ open, onClose }: { open: boolean; onClose: () => void }) => {
  const t = usePluginMessages();
  const [file, setFile] = useState<File>();
  const [importSuppressions] = useImportSuppressionsMutation();
  return (
    <BatchDialog
      open={open}
      title={t('suppressions.import.title', 'Import suppressions from a CSV file')}
      submitLabel={t('suppressions.import.submit', 'Import')}
      defaultReason="import"
      onClose={() => {
        setFile(undefined);
        onClose();
      }}
      missing={() => (file ? undefined : t('suppressions.import.noFile', 'Choose a CSV file.'))}
      onSubmit={(options) => importSuppressions({ file: file!, options }).unwrap()}
      source={() => (
        <Box>
          <Typography tag="p" textColor="neutral600">
            {t(
              'suppressions.import.intro',
              'A header row, and a column named "email" (or e-mail, mail, courriel...); any separator. Other columns are ignored.'
            )}
          </Typography>
          <input
            type="file"
            aria-label={t('suppressions.import.file', 'CSV file')}
            accept=".csv,.tsv,.txt,text/csv,text/plain"
            onChange={(e) => setFile(e.target.files?.[0])}
          />
        </Box>
      )}
    />
  );
};
