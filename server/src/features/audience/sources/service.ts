import type { Core } from '@strapi/strapi';
import { z } from 'zod';
import type { BackfillCounts, BackfillResult } from '../../../../../shared/contracts/settings';
import { backfillSource, emptyCounts } from './backfill';
import { createBatchMirror } from './batch-mirror';
import { createMirror } from './mirror';
import { resolveAudienceSources, type AudienceSource } from './resolve';
import { createRunner, type Runner } from './runner';
import { subscribeMirror } from './subscriber';
import { getPluginConfig } from '../../../config/plugin-config';
import { fieldError, parseOrThrow } from '../../../validation/errors';
import { errors } from '@strapi/utils';

const backfillInput = z.strictObject({ uid: z.string().min(1).optional() });

/**
 * Audience sources: other collection types (users-permissions users, say) whose entries are
 * mirrored into contacts as they are written, and copied over in bulk by the backfill.
 */
const createAudienceSourcesService = ({ strapi }: { strapi: Core.Strapi }) => {
  const mirror = createMirror(strapi);
  const batch = createBatchMirror(strapi);
  let sources: AudienceSource[] | undefined;
  let runner: Runner | undefined;
  let unsubscribe: (() => void) | undefined;

  const requireRunner = () => {
    if (!runner)
      throw new errors.ApplicationError('campaigns: audience sources are not started (Strapi is still booting or shutting down)');
    return runner;
  };

  return {
    /**
     * Checks the configured sources against the app's content types; a bad one stops the boot.
     * Called from register: failing there, before any plugin's bootstrap has started background
     * queries, leaves no query behind on a database the failed app no longer owns.
     */
    resolve() {
      sources = resolveAudienceSources(strapi, getPluginConfig(strapi).audienceSources);
      return sources;
    },

    /** Starts mirroring the checked sources. */
    start() {
      if (runner) return;
      const checked = sources ?? this.resolve();
      runner = createRunner();
      if (!checked.length) return;
      unsubscribe = subscribeMirror(strapi, checked, mirror, runner);
      strapi.log.info(`campaigns: mirroring audience sources ${checked.map((s) => s.uid).join(', ')} into contacts`);
    },

    /** Stops mirroring and waits for the contact writes under way. */
    async stop() {
      unsubscribe?.();
      unsubscribe = undefined;
      await runner?.idle();
      runner = undefined;
    },

    /** Resolves once the mirror writes scheduled so far are done (they run after the source write commits). */
    async idle() {
      await runner?.idle();
    },

    /**
     * Mirrors every existing entry of one configured source (`uid`), or of all of them, and drops
     * the links of entries that are gone. Safe to run again: a second run changes nothing.
     */
    async backfill(input: unknown = {}): Promise<BackfillResult> {
      const { uid } = parseOrThrow(backfillInput, input, 'backfill');
      const active = requireRunner();
      const configured = sources ?? [];
      if (!configured.length) throw fieldError('backfill', 'uid', 'no audience source is configured (option campaigns.audienceSources)');
      const chosen = uid ? configured.filter((s) => s.uid === uid) : configured;
      if (!chosen.length) {
        throw fieldError(
          'backfill',
          'uid',
          `"${uid}" is not a configured audience source (configured: ${configured.map((s) => s.uid).join(', ')})`
        );
      }
      const result: BackfillResult = { ...emptyCounts(), sources: [] };
      for (const source of chosen) {
        const counts = await backfillSource(strapi, source, { mirror, batch }, active);
        strapi.log.info(`campaigns: backfill of ${source.uid}: ${JSON.stringify(counts)}`);
        result.sources.push({ uid: source.uid, ...counts });
        for (const key of Object.keys(counts) as Array<keyof BackfillCounts>) result[key] += counts[key];
      }
      return result;
    },
  };
};

export type AudienceSourcesService = ReturnType<typeof createAudienceSourcesService>;
export default createAudienceSourcesService;
