import { rootOf } from '../../server/src/composition/accessor';
import type { NoticeRecipient } from '../../server/src/features/inbound/notice';
import type { GroupApp } from './integration-group';

export const DAY = 86_400_000;

export const hardBounce = (email: string): NoticeRecipient => ({
  email,
  bounceType: 'hard',
  reason: 'userunknown',
  status: '5.1.1',
  diagnostic: '550 5.1.1 <' + email + '>: Recipient address rejected: User unknown',
});

export const softBounce = (email: string): NoticeRecipient => ({
  email,
  bounceType: 'soft',
  reason: 'mailboxfull',
  status: '4.2.2',
  diagnostic: '452 4.2.2 Mailbox full',
});

/**
 * What an inbound pipeline test reads, against its group's app: the pipeline itself, the rows it
 * writes, and what extensions heard on the event hub (README, Events for developers), read once the
 * announcements went out. Call at a module's top level: it registers the listeners and clears
 * what they heard before each test.
 */
export const inboundPipelineProbe = ({ strapi }: Pick<GroupApp, 'strapi'>) => {
  const knex = () => strapi().db.connection;
  const heard: Record<string, Array<Record<string, unknown>>> = { bounce: [], complaint: [], unsubscribe: [] };
  beforeAll(() => {
    for (const name of Object.keys(heard)) {
      strapi().eventHub.on(`campaigns.${name}`, async (payload: Record<string, unknown>) => {
        heard[name].push(payload);
      });
    }
  });
  beforeEach(() => {
    for (const name of Object.keys(heard)) heard[name].length = 0;
  });
  return {
    knex,
    heard,
    pipeline: () => rootOf(strapi()).running.inbound,
    settled: () => rootOf(strapi()).announce.settled(),
    count: async (table: string, where: Record<string, unknown> = {}) =>
      Number((await knex()(table).where(where).count({ n: '*' }).first())!.n),
    suppressionsOf: (email: string) =>
      strapi()
        .db.query('plugin::campaigns.suppression')
        .findMany({ where: { email }, select: ['reason', 'sourceEvent', 'expiresAt'] }),
    stateOf: async (contactId: number) => (await knex()('campaigns_contacts').select('state').where({ id: contactId }).first()).state,
  };
};
