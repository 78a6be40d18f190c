import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context } from 'koa';
import { BULK_ACTION_PERMISSION, contactBulkInput } from './bulk-input';
import { contactStateInput } from './state-input';
import { confirmsErasure, eraseInput } from './erase-input';
import { getService } from '../../../services/get-service';
import { fieldError, parseOrThrow } from '../../../validation/errors';

type RequestBody = { data?: unknown } | undefined;
type Ability = { can(action: string): boolean };

/** The contacts page's actions beyond plain CRUD: bulk actions, state changes and the activity. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async bulk(ctx: Context) {
    const input = parseOrThrow(contactBulkInput, (ctx.request.body as RequestBody)?.data, 'bulk action');
    const permission = BULK_ACTION_PERMISSION[input.action];
    if (!(ctx.state.userAbility as Ability).can(permission)) {
      // A PolicyError, not a ForbiddenError: Strapi turns the latter into a bare "Forbidden" and drops the message.
      throw new errors.PolicyError(`The bulk action "${input.action}" needs the permission ${permission}`);
    }
    ctx.body = { data: await getService(strapi, 'contactBulk').run(input) };
  },

  /** An admin's resubscribe records who gave consent where, when, and from the admin's address. */
  async setState(ctx: Context) {
    const { state, consent } = parseOrThrow(contactStateInput, (ctx.request.body as RequestBody)?.data, 'state change');
    const record = consent ? { ...consent, at: new Date().toISOString(), ip: ctx.request.ip || null } : undefined;
    ctx.body = { data: await getService(strapi, 'contacts').setState(ctx.params.documentId, state, { consent: record, origin: 'admin' }) };
  },

  /** The editor typed the address or ERASE; the erasure log names the admin. */
  async erase(ctx: Context) {
    const { confirm } = parseOrThrow(eraseInput, (ctx.request.body as RequestBody)?.data, 'erasure');
    const contacts = getService(strapi, 'contacts');
    const contact = await contacts.findOne(ctx.params.documentId);
    if (!confirmsErasure(confirm, contact.email)) {
      throw fieldError('erasure', 'confirm', "does not match: type the contact's address or ERASE");
    }
    const admin = ctx.state.user as { id: number } | undefined;
    ctx.body = { data: await contacts.erase(contact.documentId, { by: { origin: 'admin', label: `admin ${admin?.id ?? 'unknown'}` } }) };
  },

  /** A JSON download of everything held about the contact (right of access). */
  async data(ctx: Context) {
    const data = await getService(strapi, 'contacts').exportData(ctx.params.documentId);
    ctx.set('Content-Disposition', `attachment; filename="contact-${data.contact.documentId}.json"`);
    ctx.set('Cache-Control', 'no-store');
    ctx.body = data;
  },

  async activity(ctx: Context) {
    ctx.body = await getService(strapi, 'contactActivity').list(ctx.params.documentId, ctx.query);
  },
});
