import { Typography } from '@strapi/design-system';
import { useDomainReport } from '../../api/analytics';
import { errorMessage } from '../../api/errors';
import { usePluginMessages } from '../../hooks/use-plugin-messages';
import { domainRows } from './domain-rows';
import { ResultsTable } from './ResultsTable';

/**
 * The campaign's figures per recipient domain (a provider that bounces or files it as spam shows
 * up here first), read again while `live` like the report; nothing until a domain has figures.
 */
export const DomainTable = ({ documentId, live, fileName }: { documentId: string; live: boolean; fileName: string }) => {
  const t = usePluginMessages();
  const report = useDomainReport(documentId, live);
  const title = t('results.domains', 'Recipient domains');
  if (report.isError)
    return (
      <Typography textColor="danger600" role="alert">
        {t('results.domains.failed', 'The recipient domains could not be read: {error}', { error: errorMessage(report.error) })}
      </Typography>
    );
  if (!report.data?.total) return null;
  return (
    <ResultsTable
      title={title}
      hint={
        report.data.counted
          ? undefined
          : t(
              'results.domains.uncounted',
              'Sent per domain is counted once the campaign has finished sending; until then domains are ranked by opens.'
            )
      }
      // The cells of domainRows, in their order.
      columns={[
        t('results.domains.domain', 'Domain'),
        t('results.domains.sent', 'Sent'),
        t('results.domains.opens', 'Opens (unique)'),
        t('results.domains.openRate', 'Open rate'),
        t('results.domains.clicks', 'Clicks (unique)'),
        t('results.domains.clickRate', 'Click rate'),
        t('results.domains.hardBounces', 'Hard bounces'),
        t('results.domains.softBounces', 'Soft bounces'),
        t('results.domains.complaints', 'Complaints'),
        t('results.domains.unsubscribes', 'Unsubscribes'),
      ]}
      rows={domainRows(report.data, {
        erased: t('results.domains.erased', '(erased addresses)'),
        others: (count) => t('results.domains.others', 'Other domains ({count, number})', { count }),
      })}
      fileName={fileName}
    />
  );
};
