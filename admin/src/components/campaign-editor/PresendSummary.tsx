import { Typography } from '@strapi/design-system';
import type { PresendReport } from '../../../../shared/contracts/presend';
import { errorMessage } from '../../api/errors';
import { usePluginMessages } from '../../hooks/use-plugin-messages';
import { PresendFindings } from './PresendFindings';

/**
 * The pre-send check's verdict where a send is confirmed: its findings, and whether they are
 * errors that this confirmation overrides. A check that could not run does not stop the editor.
 */
export const PresendSummary = ({ report, error, unsaved }: { report: PresendReport | undefined; error: unknown; unsaved: boolean }) => {
  const t = usePluginMessages();
  if (error)
    return (
      <Typography textColor="danger600" role="alert">
        {t('presend.failed', 'The pre-send check could not run: {error}', { error: errorMessage(error) })}
      </Typography>
    );
  if (!report) return null;
  const errors = report.findings.filter((finding) => finding.severity === 'error').length;
  return (
    <>
      <Typography fontWeight="bold" textColor={errors ? 'danger600' : 'neutral800'}>
        {errors
          ? t(
              'presend.blocking',
              'The pre-send check found {count, plural, one {# error} other {# errors}}: confirm only if you mean to send it anyway.',
              {
                count: errors,
              }
            )
          : t('presend.passed', 'The pre-send check found no error.')}
        {unsaved ? ` ${t('presend.asSaved', 'It read the campaign as last saved.')}` : ''}
      </Typography>
      <PresendFindings report={report} />
    </>
  );
};
