import { Box, Button, Flex, Typography } from '@strapi/design-system';
import { useState } from 'react';
import type { CampaignReport } from '../../../../shared/contracts/analytics';
import { usePreviewCampaignQuery } from '../../api/sending';
import { usePluginMessages } from '../../hooks/use-plugin-messages';
import { formatRate } from '../inbound/rates';
import { MailFrame } from '../MailFrame';
import { useChartTheme } from './chart-theme';
import { clickMapHtml } from './click-map';
import { ResultsHeading } from './ResultsHeading';

/**
 * The message as its sample contact sees it, each tracked link marked with its share of people's
 * clicks, in the mail's sandbox (MailFrame): the campaign's markup can never run in the admin.
 * Rendered on demand.
 */
export const ClickMap = ({ documentId, links }: { documentId: string; links: CampaignReport['links'] }) => {
  const t = usePluginMessages();
  const chart = useChartTheme();
  const [shown, setShown] = useState(false);
  const preview = usePreviewCampaignQuery({ documentId, data: {} }, { skip: !shown });
  const title = t('results.clickMap.title', 'Click map');
  return (
    <Flex direction="column" alignItems="stretch" gap={2}>
      <ResultsHeading title={title}>
        <Button variant="tertiary" size="S" aria-pressed={shown} onClick={() => setShown(!shown)}>
          {shown ? t('results.clickMap.hide', 'Hide the click map') : t('results.clickMap.show', 'Show the click map')}
        </Button>
      </ResultsHeading>
      {shown &&
        (preview.data ? (
          <Box background="neutral100" padding={2} hasRadius overflow="auto">
            <MailFrame
              title={title}
              html={clickMapHtml(
                preview.data.html,
                links,
                (share, link) =>
                  t('results.clickMap.badge', '{share} · {clicks, plural, one {# click} other {# clicks}}', {
                    share: formatRate(share),
                    clicks: link.clicks,
                  }),
                { background: chart.colors.primary600, text: chart.colors.neutral0 }
              )}
              style={{
                display: 'block',
                margin: '0 auto',
                width: '100%',
                minWidth: '640px',
                height: '50rem',
                border: 0,
                background: 'white',
              }}
            />
          </Box>
        ) : (
          <Typography textColor={preview.isError ? 'danger600' : 'neutral600'}>
            {preview.isError
              ? t('results.clickMap.failed', 'The message could not be rendered for the click map.')
              : t('results.clickMap.loading', 'Rendering the message…')}
          </Typography>
        ))}
    </Flex>
  );
};
