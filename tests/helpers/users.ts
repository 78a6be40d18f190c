/** The data of a confirmed local users-permissions user, as the audience-source tests create them. */
export const userData = (username: string, email: string, extra: Record<string, unknown> = {}) => ({
  username,
  email,
  password: 'Secret-pass-1',
  provider: 'local',
  confirmed: true,
  ...extra,
});
