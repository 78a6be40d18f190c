/**
 * Gives the playground's users the profile fields a site typically keeps, so the users audience
 * source (CAMPAIGNS_SOURCE_USERS=true in config/plugins) has something to map onto contacts.
 */
interface UsersPermissionsPlugin {
  contentTypes: { user: { schema: { attributes: Record<string, unknown> } } };
}

export default (plugin: UsersPermissionsPlugin) => {
  Object.assign(plugin.contentTypes.user.schema.attributes, {
    firstName: { type: 'string', maxLength: 200 },
    lastName: { type: 'string', maxLength: 200 },
    language: { type: 'string', maxLength: 35 },
    timeZone: { type: 'string', maxLength: 64 },
  });
  return plugin;
};
