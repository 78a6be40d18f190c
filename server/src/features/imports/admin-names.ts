import type { Core } from '@strapi/strapi';

interface AdminUser {
  id: number;
  firstname: string | null;
  lastname: string | null;
  email: string;
}

const nameOf = (user: AdminUser) => [user.firstname, user.lastname].filter(Boolean).join(' ') || user.email;

/**
 * The display names of the admins who started imports, by admin id, in one query per page of
 * imports. An admin deleted since has no name.
 */
export const adminNames = async (strapi: Core.Strapi, ids: ReadonlyArray<number | null>) => {
  const wanted = [...new Set(ids.filter((id): id is number => id !== null))];
  if (wanted.length === 0) return new Map<number, string>();
  const users: AdminUser[] = await strapi.db
    .query('admin::user')
    .findMany({ where: { id: { $in: wanted } }, select: ['id', 'firstname', 'lastname', 'email'] });
  return new Map(users.map((user) => [Number(user.id), nameOf(user)]));
};
