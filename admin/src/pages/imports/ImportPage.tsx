import { useState } from 'react';
import { Button, Flex, LinkButton, Typography } from '@strapi/design-system';
import { Download } from '@strapi/icons';
import { Layouts, Page, useNotification } from '@strapi/strapi/admin';
import { Link, useParams } from 'react-router-dom';
import { errorMessage } from '../../api/errors';
import { useImportProgress, useImportReport } from '../../api/imports';
import { ImportCounters } from '../../components/imports/ImportCounters';
import { ProgressBar } from '../../components/progress/ProgressBar';
import { ImportStateBadge } from '../../components/imports/ImportStateBadge';
import { saveBlob } from '../../download';
import { WizardLayout } from '../../components/imports/WizardLayout';
import { formatBytes, formatDate } from '../../format';
import { usePluginMessages } from '../../hooks/use-plugin-messages';
import { PLUGIN_ID } from '../../pluginId';

/** The wizard's last step and an import's page from the history: live progress, counters, then the outcome. */
export const ImportPage = () => {
  const t = usePluginMessages();
  const { id = '' } = useParams<{ id: string }>();
  const { data: item, error } = useImportProgress(Number(id));
  const fetchReport = useImportReport();
  const { toggleNotification } = useNotification();
  const [downloading, setDownloading] = useState(false);

  const download = async () => {
    if (!item) return;
    setDownloading(true);
    try {
      saveBlob(await fetchReport(item.id), `import-${item.id}-rejected-rows.csv`);
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
            {errorMessage(error)}
          </Typography>
        </Layouts.Content>
      </Page.Main>
    );
  }
  if (!item) return <Page.Loading />;

  const over = item.state === 'done' || item.state === 'failed';
  const subtitle = item.createdByName
    ? t('imports.page.subtitleBy', '{size} · started {date} by {name}', {
        size: formatBytes(item.size),
        date: formatDate(item.createdAt),
        name: item.createdByName,
      })
    : t('imports.page.subtitle', '{size} · started {date}', { size: formatBytes(item.size), date: formatDate(item.createdAt) });
  const summary = t(
    'imports.page.summary',
    '{rowsRead, plural, one {# row} other {# rows}} read: {created, number} created, {updated, number} updated, {duplicates, number} duplicate, {rejected, number} rejected, {suppressed, number} suppressed.',
    { ...item.counters }
  );

  return (
    <WizardLayout
      pageTitle={t('imports.page.title', 'Import {fileName}', { fileName: item.fileName })}
      title={item.fileName}
      subtitle={subtitle}
      step="Import"
    >
      <Flex direction="column" alignItems="stretch" gap={5}>
        <Flex gap={3}>
          <ImportStateBadge state={item.state} />
          <Typography>{item.state === 'queued' ? t('imports.page.waiting', 'Waiting for a worker…') : `${item.progress}%`}</Typography>
        </Flex>
        <ProgressBar value={item.progress} label={t('imports.page.progress', 'Import progress')} />
        <ImportCounters counters={item.counters} />
        {error && (
          <Typography textColor="danger600" role="alert">
            {t('imports.page.stoppedFollowing', 'Stopped following the import: {error}. Reload the page to follow it again.', {
              error: errorMessage(error),
            })}
          </Typography>
        )}
        {item.error && (
          <Typography textColor="danger600" role="alert">
            {item.state === 'failed'
              ? t('imports.page.failed', 'The import failed: {error}', { error: item.error })
              : t('imports.page.retrying', 'A try failed and is retried: {error}', { error: item.error })}
          </Typography>
        )}
        {over && (
          <Flex direction="column" alignItems="flex-start" gap={3}>
            <Typography role="status" variant="delta">
              {item.state === 'done'
                ? t('imports.page.done', 'Done. {summary}', { summary })
                : t('imports.page.stopped', 'Stopped. {summary}', { summary })}
            </Typography>
            <Flex gap={2}>
              {item.hasReport && item.counters.rejected > 0 && (
                <Button startIcon={<Download />} variant="secondary" onClick={download} loading={downloading}>
                  {t('imports.page.downloadRejected', 'Download rejected rows')}
                </Button>
              )}
              <LinkButton tag={Link} to={`/plugins/${PLUGIN_ID}/contacts`} variant="tertiary">
                {t('imports.page.seeContacts', 'See the contacts')}
              </LinkButton>
              <LinkButton tag={Link} to={`/plugins/${PLUGIN_ID}/imports/new`} variant="tertiary">
                {t('imports.page.another', 'Import another file')}
              </LinkButton>
            </Flex>
          </Flex>
        )}
      </Flex>
    </WizardLayout>
  );
};
