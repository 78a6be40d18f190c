import { useRef } from 'react';
import { Box, Flex, Loader, Typography } from '@strapi/design-system';
import type { TemplateRef } from '../../../../shared/contracts/templates';
import { useRenderTemplateQuery } from '../../api/templates';
import { usePluginMessages } from '../../hooks/use-plugin-messages';
import { MailFrame } from '../MailFrame';
import { useSeen } from './use-seen';

/** The width email templates are made for: the thumbnail renders at it, then scales down. */
const MAIL_WIDTH = 600;
/** The thumbnail's size on the page, in px. */
export const THUMBNAIL = { width: 240, height: 300 };
const SCALE = THUMBNAIL.width / MAIL_WIDTH;

/**
 * A template as a reader would see it, shrunk: the server's rendering for the sample contact in the
 * mail's sandbox (MailFrame), laid out at 600px and scaled down by CSS, never clicked or focused. Rendered
 * once the card comes near the viewport.
 */
export const TemplateThumbnail = ({ id, name }: { id: TemplateRef; name: string }) => {
  const t = usePluginMessages();
  const box = useRef<HTMLDivElement>(null);
  const seen = useSeen(box);
  const rendered = useRenderTemplateQuery(id, { skip: !seen });

  return (
    <Box
      ref={box}
      position="relative"
      overflow="hidden"
      background="neutral100"
      hasRadius
      style={{ width: THUMBNAIL.width, height: THUMBNAIL.height, flexShrink: 0 }}
    >
      {rendered.data ? (
        <MailFrame
          title={t('templates.thumbnail', 'Preview of {name}', { name })}
          loading="lazy"
          tabIndex={-1}
          html={rendered.data.html}
          style={{
            width: MAIL_WIDTH,
            height: THUMBNAIL.height / SCALE,
            border: 0,
            background: 'white',
            transform: `scale(${SCALE})`,
            transformOrigin: 'top left',
            pointerEvents: 'none',
          }}
        />
      ) : (
        <Flex justifyContent="center" alignItems="center" height="100%" padding={4}>
          {rendered.isError ? (
            <Typography variant="pi" textColor="neutral600" textAlign="center">
              {t('templates.thumbnail.failed', 'No preview: the template does not render')}
            </Typography>
          ) : (
            <Loader small>{t('templates.thumbnail.loading', 'Rendering the preview…')}</Loader>
          )}
        </Flex>
      )}
    </Box>
  );
};
