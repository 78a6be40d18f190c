import { SubNav } from '@strapi/strapi/admin';
import { PLUGIN_ID } from '../../pluginId';

/** The plugin's own sections, in the left column every page of the plugin shares. */
const SECTIONS = [
  { to: '', label: 'Campaigns', end: true },
  { to: 'contacts', label: 'Contacts' },
  { to: 'segments', label: 'Segments' },
  { to: 'topics', label: 'Topics' },
  { to: 'imports', label: 'Imports' },
];

export const PluginNav = () => (
  <SubNav.Main aria-label="Campaigns sections">
    <SubNav.Header label="Campaigns" />
    <SubNav.Content>
      <SubNav.Sections>
        {SECTIONS.map((section) => (
          <SubNav.Link key={section.to} to={`/plugins/${PLUGIN_ID}/${section.to}`} end={section.end} label={section.label} />
        ))}
      </SubNav.Sections>
    </SubNav.Content>
  </SubNav.Main>
);
