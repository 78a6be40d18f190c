import { useState } from 'react';
import { Button, Flex, LinkButton, Typography } from '@strapi/design-system';
import { Download } from '@strapi/icons';
import { Layouts, Page, useNotification } from '@strapi/strapi/admin';
import { Link, useParams } from 'react-router-dom';
import type { Import } from '../../../../shared/contracts/imports';
import { errorMessage } from '../../api/errors';
import { useImportProgress, useImportsApi } from '../../api/imports';
import { ImportCounters } from '../../components/imports/ImportCounters';
import { ProgressBar } from '../../components/progress/ProgressBar';
import { ImportStateBadge } from '../../components/imports/ImportStateBadge';
import { saveBlob } from '../../download';
import { WizardLayout } from '../../components/imports/WizardLayout';
import { formatBytes, formatDate, plural } from '../../format';
import { PLUGIN_ID } from '../../pluginId';

const summary = ({ counters }: Import) =>
  `${plural(counters.rowsRead, 'row')} read: ${counters.created.toLocaleString()} created, ${counters.updated.toLocaleString()} updated, ` +
  `${counters.duplicates.toLocaleString()} duplicate, ${counters.rejected.toLocaleString()} rejected, ${counters.suppressed.toLocaleString()} suppressed.`;

/** The wizard's last step and an import's page from the history: live progress, counters, then the outcome. */
export const ImportPage = () => {
  const { id = '' } = useParams<{ id: string }>();
  const { data: item, error } = useImportProgress(id);
  const api = useImportsApi();
  const { toggleNotification } = useNotification();
  const [downloading, setDownloading] = useState(false);

  const download = async () => {
    if (!item) return;
    setDownloading(true);
    try {
      saveBlob(await api.report(item.id), `import-${item.id}-rejected-rows.csv`);
    } catch (e) {
      toggleNotification({ type: 'danger', message: errorMessage(e) });
    } finally {
      setDownloading(false);
    }
  };

  if (error && !item) {
    return (
      <Page.Main>
        <Layouts.Content>
          <Typography textColor="danger600" role="alert">
            {error}
          </Typography>
        </Layouts.Content>
      </Page.Main>
    );
  }
  if (!item) return <Page.Loading />;

  const over = item.state === 'done' || item.state === 'failed';

  return (
    <WizardLayout
      pageTitle={`Import ${item.fileName}`}
      title={item.fileName}
      subtitle={`${formatBytes(item.size)} · started ${formatDate(item.createdAt)}${item.createdByName ? ` by ${item.createdByName}` : ''}`}
      step="Import"
    >
      <Flex direction="column" alignItems="stretch" gap={5}>
        <Flex gap={3}>
          <ImportStateBadge state={item.state} />
          <Typography>{item.state === 'queued' ? 'Waiting for a worker…' : `${item.progress}%`}</Typography>
        </Flex>
        <ProgressBar value={item.progress} label="Import progress" />
        <ImportCounters counters={item.counters} />
        {error && (
          <Typography textColor="danger600" role="alert">
            {`Stopped following the import: ${error}. Reload the page to follow it again.`}
          </Typography>
        )}
        {item.error && (
          <Typography textColor="danger600" role="alert">
            {item.state === 'failed' ? `The import failed: ${item.error}` : `A try failed and is retried: ${item.error}`}
          </Typography>
        )}
        {over && (
          <Flex direction="column" alignItems="flex-start" gap={3}>
            <Typography role="status" variant="delta">
              {item.state === 'done' ? `Done. ${summary(item)}` : `Stopped. ${summary(item)}`}
            </Typography>
            <Flex gap={2}>
              {item.hasReport && item.counters.rejected > 0 && (
                <Button startIcon={<Download />} variant="secondary" onClick={download} loading={downloading}>
                  Download rejected rows
                </Button>
              )}
              <LinkButton tag={Link} to={`/plugins/${PLUGIN_ID}/contacts`} variant="tertiary">
                See the contacts
              </LinkButton>
              <LinkButton tag={Link} to={`/plugins/${PLUGIN_ID}/imports/new`} variant="tertiary">
                Import another file
              </LinkButton>
            </Flex>
          </Flex>
        )}
      </Flex>
    </WizardLayout>
  );
};
