import type { StarterKey } from '../../../../../shared/contracts/templates';
import { announcement } from './announcement';
import { digest } from './digest';
import { eventInvitation } from './event-invitation';
import { newsletter } from './newsletter';
import { personalNote } from './personal-note';
import type { Starter } from './starter';

export type { Starter };

/** The starter templates, in the order the gallery shows them. */
export const STARTERS: readonly Starter[] = [newsletter, announcement, digest, eventInvitation, personalNote];

export const starterOf = (key: StarterKey) => STARTERS.find((starter) => starter.key === key) ?? null;
