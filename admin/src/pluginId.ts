export const PLUGIN_ID = 'campaigns';
