import type { Core } from '@strapi/strapi';
import { UID } from '../../../constants';
import { documentsOf } from '../../../db/documents';
import { hashEmail, normalizeEmail } from '../../../validation/email';

/** The filter of an address's active global suppression: matched on the hash, so it outlives an erased address. */
export const activeSuppressionOf = (emailHash: string) => ({
  emailHash,
  scope: 'global',
  $or: [{ expiresAt: { $null: true } }, { expiresAt: { $gt: new Date().toISOString() } }],
});

/** Whether an address is on the global suppression list now (the suppressions service and the tracking pages ask). */
export const isSuppressed = async (strapi: Core.Strapi, email: string): Promise<boolean> => {
  const normalized = normalizeEmail(email);
  if (!normalized.ok) return false;
  return (await documentsOf(strapi, UID.suppression).count({ filters: activeSuppressionOf(hashEmail(normalized.email)) })) > 0;
};
