import { useState } from 'react';
import { Box, EmptyStateLayout, Flex, Typography } from '@strapi/design-system';
import { Layouts, Page, useNotification, useRBAC } from '@strapi/strapi/admin';
import { Link } from 'react-router-dom';
import type { TemplateSummary } from '../../../../shared/contracts/templates';
import { useDeleteTemplateMutation, useGetTemplatesQuery, useUpdateTemplateMutation } from '../../api/templates';
import { DeleteDialog } from '../../components/dialogs/DeleteDialog';
import { RowActions } from '../../components/list/RowActions';
import { TemplateCard } from '../../components/templates/TemplateCard';
import { TemplateDetailsDialog, type TemplateDetails } from '../../components/templates/TemplateDetailsDialog';
import { TemplateThumbnail } from '../../components/templates/TemplateThumbnail';
import { formatDate } from '../../format';
import { usePluginMessages } from '../../hooks/use-plugin-messages';
import { PERMISSIONS } from '../../permissions';

const GRID = { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(272px, 1fr))', gap: '16px' } as const;

/**
 * The templates editors saved from their campaigns: each with its thumbnail, renamed or deleted
 * here. The starters are shipped with the plugin and shown where a campaign is created.
 */
export const TemplatesPage = () => {
  const t = usePluginMessages();
  const list = useGetTemplatesQuery(undefined, { refetchOnMountOrArgChange: true });
  const [updateTemplate] = useUpdateTemplateMutation();
  const [deleteTemplate] = useDeleteTemplateMutation();
  const { toggleNotification } = useNotification();
  const {
    allowedActions: { canWrite, canDelete },
  } = useRBAC([...PERMISSIONS.write, ...PERMISSIONS.delete]);
  const [renaming, setRenaming] = useState<TemplateSummary>();
  const [deleting, setDeleting] = useState<TemplateSummary>();

  if (list.isError) return <Page.Error />;
  const saved = list.data?.filter((template) => template.kind === 'saved');

  const rename = async (details: TemplateDetails) => {
    await updateTemplate({ documentId: renaming!.id, data: details }).unwrap();
    toggleNotification({ type: 'success', message: t('templates.rename.done', 'Saved "{name}"', { name: details.name }) });
  };

  return (
    <Page.Main>
      <Page.Title>{t('templates.title', 'Templates')}</Page.Title>
      <Layouts.Header
        title={t('templates.title', 'Templates')}
        subtitle={
          saved && t('templates.count', '{count, plural, one {# saved template} other {# saved templates}}', { count: saved.length })
        }
        navigationAction={
          <Link to=".." relative="path">
            {t('campaignEditor.back', '← Campaigns')}
          </Link>
        }
      />
      <Layouts.Content>
        {!saved ? (
          <Page.Loading />
        ) : !saved.length ? (
          <EmptyStateLayout
            content={t('templates.empty', 'No saved template yet: open a campaign and choose "Save as template" to keep its message.')}
          />
        ) : (
          <Box style={GRID}>
            {saved.map((template) => (
              <TemplateCard
                key={template.id}
                name={template.name}
                description={template.description}
                preview={<TemplateThumbnail id={template.id} name={template.name} />}
                footer={
                  <Flex justifyContent="space-between" alignItems="center">
                    <Typography variant="pi" textColor="neutral600">
                      {t('templates.updated', 'Changed {date}', { date: formatDate(template.updatedAt) })}
                    </Typography>
                    <RowActions
                      name={template.name}
                      onEdit={canWrite ? () => setRenaming(template) : undefined}
                      onDelete={canDelete ? () => setDeleting(template) : undefined}
                    />
                  </Flex>
                }
              />
            ))}
          </Box>
        )}
      </Layouts.Content>
      <TemplateDetailsDialog
        open={Boolean(renaming)}
        title={t('templates.rename.title', 'Rename template')}
        submitLabel={t('templates.rename.submit', 'Save')}
        initial={{ name: renaming?.name ?? '', description: renaming?.description ?? null }}
        onClose={() => setRenaming(undefined)}
        onSubmit={rename}
      />
      <DeleteDialog
        item={deleting}
        title={t('templates.delete.title', 'Delete template')}
        warning={(template) =>
          t('templates.delete.warning', 'Delete the template "{name}"? Campaigns made from it keep their message.', { name: template.name })
        }
        onDelete={(template) => deleteTemplate(template.id).unwrap()}
        onClose={() => setDeleting(undefined)}
      />
    </Page.Main>
  );
};
