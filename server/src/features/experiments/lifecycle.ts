import type { Core } from '@strapi/strapi';
import { experimentLifecycle, type ExperimentAction, type ExperimentState } from '../../../../shared/contracts/experiment-lifecycle';
import { UID } from '../../constants';
import { lifecycleMoves, stateColumn } from '../../db/lifecycle-moves';

/**
 * Every change of an experiment's state on the server goes through here, as the conditional move
 * shared/contracts/experiment-lifecycle declares: the send's start (draft → testing), the rule's
 * decision, an editor's pick or cancel (recordDecision in experiment-store.ts takes those three
 * with their decision's record). `moved` hears each move made, once committed.
 */
export const createExperimentLifecycle = (strapi: Core.Strapi, moved?: (experimentId: number, action: ExperimentAction) => void) =>
  lifecycleMoves<ExperimentState, ExperimentAction>(
    experimentLifecycle,
    stateColumn<ExperimentState>(strapi.db.connection, strapi.db.metadata.get(UID.experiment).tableName),
    moved
  );

export type ExperimentLifecycle = ReturnType<typeof createExperimentLifecycle>;
