import type { Core } from '@strapi/strapi';
import request from 'supertest';

export const http = (strapi: Core.Strapi) => request(strapi.server.httpServer);

const PASSWORD = 'Campaigns-Test-1';
/** The first admin of every test app. */
export const SUPER_ADMIN_EMAIL = 'ada@example.com';
/** The name of every role adminWithActions creates, before its admin's email: what a group's reset removes. */
export const TEST_ROLE_PREFIX = 'role for ';

/** Registers the first admin (super admin) of a fresh app and returns its JWT. */
export const registerSuperAdmin = async (strapi: Core.Strapi) => {
  const res = await http(strapi)
    .post('/admin/register-admin')
    .send({ firstname: 'Ada', lastname: 'Admin', email: SUPER_ADMIN_EMAIL, password: PASSWORD });
  if (res.status !== 200 && res.status !== 201) throw new Error(`register-admin answered ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body.data.token as string;
};

/** An admin whose role holds exactly the given permission actions; returns its JWT. */
export const adminWithActions = async (strapi: Core.Strapi, email: string, actions: string[]) => {
  const role = await strapi.service('admin::role').create({ name: `${TEST_ROLE_PREFIX}${email}`, description: 'test role' });
  if (actions.length) {
    await strapi.service('admin::role').assignPermissions(
      role.id,
      actions.map((action) => ({ action, subject: null, conditions: [], properties: {} }))
    );
  }
  await strapi.service('admin::user').create({
    email,
    firstname: 'Test',
    lastname: 'User',
    password: PASSWORD,
    isActive: true,
    roles: [role.id],
  });
  const res = await http(strapi).post('/admin/login').send({ email, password: PASSWORD });
  if (res.status !== 200) throw new Error(`login answered ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body.data.token as string;
};

export const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
