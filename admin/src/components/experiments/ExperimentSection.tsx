import { Typography } from '@strapi/design-system';
import { errorMessage } from '../../api/errors';
import { useGetExperimentQuery } from '../../api/experiments';
import { usePluginMessages } from '../../hooks/use-plugin-messages';
import { Section } from '../layout/Section';
import { ExperimentPanel } from './ExperimentPanel';

/** The campaign editor's "A/B test" section: the stored test, read before the panel starts from it. */
export const ExperimentSection = ({ documentId, canChange }: { documentId: string; canChange: boolean }) => {
  const t = usePluginMessages();
  const experiment = useGetExperimentQuery(documentId);
  return (
    <Section title={t('experiments.section', 'A/B test')}>
      {experiment.isError ? (
        <Typography textColor="danger600" role="alert">
          {errorMessage(experiment.error)}
        </Typography>
      ) : experiment.isSuccess ? (
        // A created or removed test starts the panel afresh from what is stored.
        <ExperimentPanel
          key={experiment.data?.documentId ?? 'none'}
          documentId={documentId}
          experiment={experiment.data}
          canChange={canChange}
        />
      ) : (
        <Typography>{t('campaignEditor.loading', 'Loading…')}</Typography>
      )}
    </Section>
  );
};
