import { useState } from 'react';
import { Box, Flex, Loader, Typography } from '@strapi/design-system';
import type { ImportPreview } from '../../../../shared/contracts/imports';
import { errorMessage } from '../../api/errors';
import { usePreviewImportMutation } from '../../api/imports';
import { usePluginMessages } from '../../hooks/use-plugin-messages';

interface Props {
  onPreviewed: (file: File, preview: ImportPreview) => void;
}

/** Step 1: the admin picks a CSV file; the server reads its header and first rows, or says why it cannot. */
export const FileStep = ({ onPreviewed }: Props) => {
  const t = usePluginMessages();
  const [previewImport] = usePreviewImportMutation();
  const [reading, setReading] = useState(false);
  const [error, setError] = useState<string>();

  const choose = async (file: File | undefined) => {
    if (!file) return;
    setError(undefined);
    setReading(true);
    try {
      onPreviewed(file, await previewImport({ file }).unwrap());
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setReading(false);
    }
  };

  return (
    <Flex direction="column" alignItems="stretch" gap={3}>
      <Typography variant="delta" tag="h2">
        {t('imports.file.title', 'Choose a CSV file')}
      </Typography>
      <Typography textColor="neutral600">
        {t(
          'imports.file.intro',
          'One contact per row, with a header row. Commas, semicolons, tabs or pipes between columns; the separator is detected.'
        )}
      </Typography>
      <Box>
        <input
          type="file"
          aria-label={t('imports.file.label', 'CSV file')}
          accept=".csv,.tsv,.txt,text/csv,text/plain"
          disabled={reading}
          onChange={(e) => {
            void choose(e.target.files?.[0]);
            // The same file picked again after a fix on disk must be read again.
            e.target.value = '';
          }}
        />
      </Box>
      {reading && (
        <Flex gap={2}>
          <Loader small />
          <Typography>{t('imports.file.reading', 'Reading the file…')}</Typography>
        </Flex>
      )}
      {error && (
        <Typography textColor="danger600" role="alert">
          {error}
        </Typography>
      )}
    </Flex>
  );
};
