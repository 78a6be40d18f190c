import { Button } from '@strapi/design-system';
import { Download } from '@strapi/icons';
import { saveCsv } from '../../csv';
import { usePluginMessages } from '../../hooks/use-plugin-messages';

/** Saves a table of the report as a CSV file: what is on screen, in the same order. */
export const CsvButton = ({ fileName, header, rows }: { fileName: string; header: string[]; rows: Array<Array<string | number>> }) => {
  const t = usePluginMessages();
  return (
    <Button variant="tertiary" size="S" startIcon={<Download />} onClick={() => saveCsv(fileName, header, rows)}>
      {t('results.exportCsv', 'Export CSV')}
    </Button>
  );
};
