import experimentSchema from '../../../content-types/experiment/schema.json';
import { canEditExperiment, EXPERIMENT_STATES, experimentLifecycle } from '../experiment-lifecycle';

describe('experiment lifecycle', () => {
  it('declares exactly the states of the content type, in its order', () => {
    expect(EXPERIMENT_STATES).toEqual(experimentSchema.attributes.state.enum);
  });

  it('moves only between declared states', () => {
    for (const transition of Object.values(experimentLifecycle.transitions)) {
      for (const state of [...transition.from, transition.to]) expect(EXPERIMENT_STATES).toContain(state);
    }
  });

  it('lets the editor pick a winner or cancel only while testing, and configure only a draft', () => {
    expect(experimentLifecycle.editorActionsFor('draft')).toEqual(['cancel']);
    expect(experimentLifecycle.editorActionsFor('testing')).toEqual(['pickWinner', 'cancel']);
    expect(experimentLifecycle.editorActionsFor('decided')).toEqual([]);
    expect(canEditExperiment('draft')).toBe(true);
    expect(canEditExperiment('testing')).toBe(false);
    expect(experimentLifecycle.refusalOf('Subject test', 'decided', 'cancel')).toBe(
      'Experiment "Subject test" is decided: only a draft or testing experiment can be cancelled'
    );
  });
});
