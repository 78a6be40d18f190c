import { SubNav, useRBAC } from '@strapi/strapi/admin';
import { PERMISSIONS } from '../../permissions';
import { PLUGIN_ID } from '../../pluginId';

/** The plugin's own sections, in the left column every page of the plugin shares. */
const SECTIONS: Array<{ to: string; label: string; end?: boolean }> = [
  { to: '', label: 'Campaigns', end: true },
  { to: 'contacts', label: 'Contacts' },
  { to: 'segments', label: 'Segments' },
  { to: 'topics', label: 'Topics' },
  { to: 'imports', label: 'Imports' },
];

export const PluginNav = () => {
  // `plugin::campaigns.settings.manage` is named by its last segment.
  const {
    isLoading,
    allowedActions: { canManage },
  } = useRBAC(PERMISSIONS.manageSettings);
  const sections = canManage ? [...SECTIONS, { to: 'settings', label: 'Settings' }] : SECTIONS;
  return (
    // aria-busy until the permission check has answered: until then, no Settings link means nothing yet.
    <SubNav.Main aria-label="Campaigns sections" aria-busy={isLoading}>
      <SubNav.Header label="Campaigns" />
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
