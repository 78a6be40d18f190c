import { Typography } from '@strapi/design-system';
import { useCampaignReport } from '../../api/analytics';
import { errorMessage } from '../../api/errors';
import { usePluginMessages } from '../../hooks/use-plugin-messages';
import { ResultsPanel } from './ResultsPanel';

/** The results of a campaign that went out, read again every few seconds while it is `live`. */
export const CampaignResults = ({ documentId, name, live }: { documentId: string; name: string; live: boolean }) => {
  const t = usePluginMessages();
  const report = useCampaignReport(documentId, live);
  if (report.isError)
    return (
      <Typography textColor="danger600" role="alert">
        {errorMessage(report.error)}
      </Typography>
    );
  return report.data ? (
    <ResultsPanel report={report.data} campaignName={name} live={live} />
  ) : (
    <Typography>{t('campaignEditor.loading', 'Loading…')}</Typography>
  );
};
