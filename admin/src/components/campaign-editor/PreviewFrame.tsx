import { Box } from '@strapi/design-system';
import { usePluginMessages } from '../../hooks/use-plugin-messages';
import { MailFrame } from '../MailFrame';

export type Viewport = 'desktop' | 'mobile';

/** In px: the body width email templates are made for (MJML's default), and a phone's screen. */
export const VIEWPORT_WIDTH: Record<Viewport, number> = { desktop: 600, mobile: 375 };

/**
 * The rendered HTML in its sandbox (MailFrame), always at the viewport's real width, as a reader's
 * client shows it: a panel narrower than that scrolls, the mail is never squeezed or cut.
 */
export const PreviewFrame = ({ html, viewport }: { html: string; viewport: Viewport }) => {
  const t = usePluginMessages();
  return (
    <Box background="neutral100" padding={2} hasRadius overflow="auto">
      <MailFrame
        title={t('campaignEditor.preview.frame', 'Preview')}
        html={html}
        style={{
          display: 'block',
          margin: '0 auto',
          width: `${VIEWPORT_WIDTH[viewport]}px`,
          height: '60rem',
          border: 0,
          background: 'white',
        }}
      />
    </Box>
  );
};
