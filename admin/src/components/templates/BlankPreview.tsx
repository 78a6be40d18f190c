import { Box, Flex, Typography } from '@strapi/design-system';
import { usePluginMessages } from '../../hooks/use-plugin-messages';
import { THUMBNAIL } from './TemplateThumbnail';

/** What stands for the blank message in the gallery, at a thumbnail's size. */
export const BlankPreview = () => {
  const t = usePluginMessages();
  return (
    <Box
      background="neutral100"
      hasRadius
      borderColor="neutral300"
      borderStyle="dashed"
      borderWidth="1px"
      style={{ width: THUMBNAIL.width, height: THUMBNAIL.height }}
    >
      <Flex justifyContent="center" alignItems="center" height="100%" padding={4}>
        <Typography variant="pi" textColor="neutral600" textAlign="center">
          {t('templates.blank.preview', 'An empty message with its footer')}
        </Typography>
      </Flex>
    </Box>
  );
};
