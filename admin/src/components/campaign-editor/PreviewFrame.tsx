import { Box } from '@strapi/design-system';
import { usePluginMessages } from '../../hooks/use-plugin-messages';

export type Viewport = 'desktop' | 'mobile';

export const VIEWPORT_WIDTH: Record<Viewport, string> = { desktop: '100%', mobile: '375px' };

/**
 * The rendered HTML in a sandbox with no permission at all: no scripts and an opaque origin, so a
 * campaign's markup can never run in, or read from, the admin's origin.
 */
export const PreviewFrame = ({ html, viewport }: { html: string; viewport: Viewport }) => {
  const t = usePluginMessages();
  return (
    <Box background="neutral100" padding={2} hasRadius overflow="auto">
      <iframe
        title={t('campaignEditor.preview.frame', 'Preview')}
        sandbox=""
        srcDoc={html}
        style={{
          display: 'block',
          margin: '0 auto',
          width: VIEWPORT_WIDTH[viewport],
          minWidth: viewport === 'desktop' ? '640px' : undefined,
          height: '60rem',
          border: 0,
          background: 'white',
        }}
      />
    </Box>
  );
};
