import { useState } from 'react';
import { Box, Flex, Tabs, Typography } from '@strapi/design-system';
import { usePluginMessages } from '../../hooks/use-plugin-messages';
import { PreviewFrame, type Viewport } from './PreviewFrame';
import type { PreviewState } from './use-preview';
import { ViewportToggle } from './ViewportToggle';

/**
 * The server's render of the unsaved campaign: subject, HTML at a desktop or mobile width, and the
 * text part. A template the server refuses shows its message where the mail would be.
 */
export const PreviewPanel = ({ preview }: { preview: PreviewState }) => {
  const t = usePluginMessages();
  const [viewport, setViewport] = useState<Viewport>('desktop');

  if (preview.error) {
    return (
      <Box background="danger100" padding={4} hasRadius>
        <Typography textColor="danger600" role="alert">
          {preview.error}
        </Typography>
      </Box>
    );
  }
  if (!preview.result) return <Typography>{t('campaignEditor.preview.rendering', 'Rendering…')}</Typography>;

  const { subject, html, text, contact } = preview.result;
  return (
    <Flex direction="column" alignItems="stretch" gap={3} aria-busy={preview.loading}>
      <Box>
        <Typography variant="sigma" textColor="neutral600" tag="p">
          {t('campaignEditor.preview.subject', 'Subject')}
        </Typography>
        <Typography variant="delta" tag="p">
          {subject || t('campaignEditor.preview.noSubject', '(no subject)')}
        </Typography>
        <Typography variant="pi" textColor="neutral600" tag="p">
          {t('campaignEditor.preview.renderedFor', 'As rendered for {email}', { email: contact.email })}
        </Typography>
      </Box>
      <Tabs.Root defaultValue="html">
        <Flex justifyContent="space-between" alignItems="center" gap={2} wrap="wrap">
          <Tabs.List aria-label={t('campaignEditor.preview.part', 'Message part')}>
            <Tabs.Trigger value="html">{t('campaignEditor.preview.html', 'HTML')}</Tabs.Trigger>
            <Tabs.Trigger value="text">{t('campaignEditor.preview.text', 'Text')}</Tabs.Trigger>
          </Tabs.List>
          <ViewportToggle value={viewport} onChange={setViewport} />
        </Flex>
        <Tabs.Content value="html">
          <Box paddingTop={3}>
            <PreviewFrame html={html} viewport={viewport} />
          </Box>
        </Tabs.Content>
        <Tabs.Content value="text">
          <Box paddingTop={3}>
            <Box background="neutral100" padding={4} hasRadius tag="pre" style={{ whiteSpace: 'pre-wrap', fontFamily: 'monospace' }}>
              {text}
            </Box>
          </Box>
        </Tabs.Content>
      </Tabs.Root>
    </Flex>
  );
};
