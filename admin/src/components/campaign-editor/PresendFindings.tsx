import { Badge, Flex, Typography } from '@strapi/design-system';
import type { PresendReport } from '../../../../shared/contracts/presend';
import { usePluginMessages } from '../../hooks/use-plugin-messages';

/**
 * What the pre-send check found, errors first, each with where it is (the field, the link or
 * image, the merge tag); or that it found nothing. The messages are the server's (English).
 */
export const PresendFindings = ({ report }: { report: PresendReport }) => {
  const t = usePluginMessages();
  const part: Record<PresendReport['findings'][number]['part'], string> = {
    subject: t('presend.part.subject', 'Subject'),
    preheader: t('presend.part.preheader', 'Preheader'),
    content: t('presend.part.content', 'Content'),
    plainText: t('presend.part.plainText', 'Plain text'),
    links: t('presend.part.links', 'Links'),
  };
  if (!report.findings.length)
    return (
      <Typography textColor="success600">
        {t('presend.clean', 'Nothing to fix: {links, plural, =0 {no link to check} one {# link checked} other {# links checked}}.', {
          links: report.linksChecked,
        })}
      </Typography>
    );
  return (
    <Flex direction="column" alignItems="stretch" gap={2} tag="ul" aria-label={t('presend.findings', 'Pre-send check findings')}>
      {report.findings.map((finding, index) => (
        <Flex key={`${finding.rule}-${finding.at ?? ''}-${index}`} tag="li" gap={2} alignItems="flex-start">
          <Badge
            backgroundColor={finding.severity === 'error' ? 'danger100' : 'warning100'}
            textColor={finding.severity === 'error' ? 'danger700' : 'warning700'}
          >
            {finding.severity === 'error' ? t('presend.error', 'Error') : t('presend.warning', 'Warning')}
          </Badge>
          <Flex direction="column" alignItems="flex-start" gap={1}>
            <Typography>{finding.message}</Typography>
            <Typography variant="pi" textColor="neutral600">
              {finding.at ? `${part[finding.part]}: ${finding.at}` : part[finding.part]}
            </Typography>
          </Flex>
        </Flex>
      ))}
    </Flex>
  );
};
