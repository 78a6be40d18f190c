import { SubNav, useRBAC } from '@strapi/strapi/admin';
import { usePluginMessages } from '../../hooks/use-plugin-messages';
import { PERMISSIONS } from '../../permissions';
import { PLUGIN_ID } from '../../pluginId';

export const PluginNav = () => {
  const t = usePluginMessages();
  // `plugin::campaigns.settings.manage` is named by its last segment.
  const {
    isLoading,
    allowedActions: { canManage },
  } = useRBAC(PERMISSIONS.manageSettings);
  /** The plugin's own sections, in the left column every page of the plugin shares. */
  const sections: Array<{ to: string; label: string; end?: boolean }> = [
    { to: '', label: t('nav.campaigns', 'Campaigns'), end: true },
    { to: 'templates', label: t('nav.templates', 'Templates') },
    { to: 'dashboard', label: t('nav.dashboard', 'Dashboard') },
    { to: 'calendar', label: t('nav.calendar', 'Calendar') },
    { to: 'contacts', label: t('nav.contacts', 'Contacts') },
    { to: 'segments', label: t('nav.segments', 'Segments') },
    { to: 'topics', label: t('nav.topics', 'Topics') },
    { to: 'imports', label: t('nav.imports', 'Imports') },
    { to: 'replies', label: t('nav.replies', 'Replies') },
    { to: 'inbound', label: t('nav.inbound', 'Bounces & complaints') },
    { to: 'suppressions', label: t('nav.suppressions', 'Suppressions') },
    ...(canManage ? [{ to: 'settings', label: t('nav.settings', 'Settings') }] : []),
  ];
  return (
    // aria-busy until the permission check has answered: until then, no Settings link means nothing yet.
    <SubNav.Main aria-label={t('nav.label', 'Campaigns sections')} aria-busy={isLoading}>
      <SubNav.Header label={t('nav.header', 'Campaigns')} />
      <SubNav.Content>
        <SubNav.Sections>
          {sections.map((section) => (
            <SubNav.Link key={section.to} to={`/plugins/${PLUGIN_ID}/${section.to}`} end={section.end} label={section.label} />
          ))}
        </SubNav.Sections>
      </SubNav.Content>
    </SubNav.Main>
  );
};
