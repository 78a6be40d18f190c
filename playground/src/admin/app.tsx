export default {
  // The playground's admin stays on this machine: no release check against GitHub (telemetry is
  // off through package.json's strapi.telemetryDisabled).
  config: { locales: [], notifications: { releases: false } },
  bootstrap() {},
};
