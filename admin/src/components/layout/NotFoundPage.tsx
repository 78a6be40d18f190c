import { EmptyStateLayout, LinkButton } from '@strapi/design-system';
import { ArrowLeft } from '@strapi/icons';
import { EmptyPictures } from '@strapi/icons/symbols';
import { Layouts, Page } from '@strapi/strapi/admin';
import { Link } from 'react-router-dom';
import { usePluginMessages } from '../../hooks/use-plugin-messages';
import { PLUGIN_ID } from '../../pluginId';

/**
 * An address under the plugin that no page answers, or that names a record which does not exist
 * (`message`, the server's 404 message): say so, and lead back to the campaigns.
 */
export const NotFoundPage = ({ message }: { message?: string }) => {
  const t = usePluginMessages();
  const title = t('notFound.title', 'Page not found');
  return (
    <Page.Main>
      <Page.Title>{title}</Page.Title>
      <Layouts.Header title={title} />
      <Layouts.Content>
        <EmptyStateLayout
          icon={<EmptyPictures width="16rem" />}
          content={message ?? t('notFound.content', 'Campaigns has no page at this address.')}
          action={
            <LinkButton tag={Link} to={`/plugins/${PLUGIN_ID}`} variant="secondary" startIcon={<ArrowLeft />}>
              {t('notFound.back', 'Back to campaigns')}
            </LinkButton>
          }
          hasRadius
          shadow="tableShadow"
        />
      </Layouts.Content>
    </Page.Main>
  );
};
