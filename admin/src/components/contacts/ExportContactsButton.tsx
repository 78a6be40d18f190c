import { useState } from 'react';
import { Button } from '@strapi/design-system';
import { Download } from '@strapi/icons';
import { useNotification } from '@strapi/strapi/admin';
import type { ExportContactsQuery } from '../../../../shared/contracts/contacts';
import { useExportContacts } from '../../api/contacts';
import { errorMessage } from '../../api/errors';
import { saveBlob } from '../../download';
import { usePluginMessages } from '../../hooks/use-plugin-messages';

interface Props {
  /** What to export: a segment's mailable contacts, and/or a state or topic; everyone without. */
  params: ExportContactsQuery;
  /** "Export CSV" when absent. */
  label?: string;
}

/** Downloads the contacts CSV (formula-safe, streamed by the server) with the admin's session. */
export const ExportContactsButton = ({ params, label }: Props) => {
  const t = usePluginMessages();
  const exportContacts = useExportContacts();
  const { toggleNotification } = useNotification();
  const [busy, setBusy] = useState(false);
  const download = async () => {
    setBusy(true);
    try {
      const { blob, fileName } = await exportContacts(Object.fromEntries(Object.entries(params).filter(([, v]) => v)));
      saveBlob(blob, fileName);
    } catch (e) {
      toggleNotification({ type: 'danger', message: errorMessage(e) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button variant="secondary" startIcon={<Download />} loading={busy} onClick={download}>
      {label ?? t('contacts.export.all', 'Export CSV')}
    </Button>
  );
};
