export default [
  'strapi::logger',
  'strapi::errors',
  'strapi::security',
  'strapi::cors',
  'strapi::poweredBy',
  'strapi::query',
  // Uploads larger than formidable's default 200 MB, so the plugin's own limit
  // (campaigns.imports.maxFileBytes, 500 MB by default) is the one that answers.
  { name: 'strapi::body', config: { formidable: { maxFileSize: 512 * 1024 * 1024 } } },
  'strapi::session',
  'strapi::favicon',
  'strapi::public',
];
