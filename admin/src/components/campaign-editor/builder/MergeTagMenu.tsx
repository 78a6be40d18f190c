import { MenuItem, SimpleMenu, Typography } from '@strapi/design-system';
import { usePluginMessages } from '../../../hooks/use-plugin-messages';
import { MERGE_TAGS, mergeTagLiquid } from './merge-tags';

/**
 * GrapesJS ends the text editing on any mousedown in the page (merging the typed text and losing
 * the caret): the menu's own mousedowns stop here, so the tag goes where the caret was.
 */
const keepEditing = (event: React.MouseEvent) => event.stopPropagation();

/** The merge tags as a menu: choosing one inserts its Liquid into the text being edited. */
export const MergeTagMenu = ({ onInsert, disabled }: { onInsert: (liquid: string) => void; disabled?: boolean }) => {
  const t = usePluginMessages();
  const labels: Record<string, string> = {
    'contact.firstName': t('campaignEditor.builder.var.firstName', 'First name'),
    'contact.lastName': t('campaignEditor.builder.var.lastName', 'Last name'),
    'contact.email': t('campaignEditor.builder.var.email', 'Email address'),
    'campaign.name': t('campaignEditor.builder.var.campaignName', 'Campaign name'),
    'campaign.subject': t('campaignEditor.builder.var.subject', 'Subject'),
    unsubscribe_url: t('campaignEditor.builder.var.unsubscribe', 'Unsubscribe link'),
    preferences_url: t('campaignEditor.builder.var.preferences', 'Preferences link'),
    view_in_browser_url: t('campaignEditor.builder.var.viewInBrowser', 'View in browser link'),
    postal_address: t('campaignEditor.builder.var.postalAddress', 'Postal address'),
  };
  return (
    <SimpleMenu
      label={t('campaignEditor.builder.mergeTag', 'Insert a variable')}
      variant="tertiary"
      size="S"
      disabled={disabled}
      onMouseDown={keepEditing}
    >
      {MERGE_TAGS.map((tag) => (
        <MenuItem key={tag.path} onSelect={() => onInsert(mergeTagLiquid(tag))} onMouseDown={keepEditing}>
          {labels[tag.path] ?? tag.path}{' '}
          <Typography variant="pi" textColor="neutral600" style={{ fontFamily: 'monospace' }}>
            {tag.path}
          </Typography>
        </MenuItem>
      ))}
    </SimpleMenu>
  );
};
