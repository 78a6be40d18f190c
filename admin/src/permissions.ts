/** The admin side of the server's registered actions (server/src/constants.ts ACTIONS). */
const action = (name: string) => [{ action: `plugin::campaigns.${name}`, subject: null }];

export const PERMISSIONS = {
  read: action('read'),
  write: action('write'),
  delete: action('delete'),
  send: action('send'),
  manageSuppressions: action('suppressions.manage'),
  manageSettings: action('settings.manage'),
  handleReplies: action('replies.handle'),
};
