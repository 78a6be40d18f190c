import { Flex, Typography } from '@strapi/design-system';
import { useCampaignReport } from '../../api/analytics';
import { errorMessage } from '../../api/errors';
import { usePluginMessages } from '../../hooks/use-plugin-messages';
import { ExperimentResults } from '../experiments/ExperimentResults';
import { ResultsPanel } from './ResultsPanel';

/** The results of a campaign that went out, read again every few seconds while it is `live`; its A/B test's first, when it has one. */
export const CampaignResults = ({ documentId, name, live }: { documentId: string; name: string; live: boolean }) => {
  const t = usePluginMessages();
  const report = useCampaignReport(documentId, live);
  return (
    <Flex direction="column" alignItems="stretch" gap={6}>
      <ExperimentResults documentId={documentId} live={live} />
      {report.isError ? (
        <Typography textColor="danger600" role="alert">
          {errorMessage(report.error)}
        </Typography>
      ) : report.data ? (
        <ResultsPanel report={report.data} campaignName={name} live={live} />
      ) : (
        <Typography>{t('campaignEditor.loading', 'Loading…')}</Typography>
      )}
    </Flex>
  );
};
