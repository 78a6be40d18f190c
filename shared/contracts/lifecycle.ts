/**
 * What a lifecycle is made of (campaigns and experiments each declare one): states, the actions that
 * move between them, and who may take each. The server applies an action as a conditional UPDATE
 * from its `from` states, so two racing moves change a row once; the admin offers the editor actions.
 */
export interface Transition<S extends string> {
  readonly from: readonly S[];
  readonly to: S;
  /** `editor`: a button in the admin and an admin API route; `system`: only the plugin's own jobs take it. */
  readonly by: 'editor' | 'system';
}

export interface Lifecycle<S extends string, A extends string> {
  readonly states: readonly S[];
  readonly transitions: Readonly<Record<A, Transition<S>>>;
  canTake(state: S, action: A): boolean;
  /** The buttons an editor gets in this state, in declaration order. */
  editorActionsFor(state: S): A[];
  /** Says what was wrong, in the words the API answers with. */
  refusalOf(name: string, state: S, action: A): string;
}

export const defineLifecycle = <S extends string, A extends string>(definition: {
  /** What the refusals call a row: "Campaign", "Experiment". */
  noun: string;
  states: readonly S[];
  transitions: Record<A, Transition<S>>;
  /** How the refusals say an action was done: cancel → "cancelled". */
  done: Record<A, string>;
}): Lifecycle<S, A> => {
  const { noun, states, transitions, done } = definition;
  const actions = Object.keys(transitions) as A[];
  const canTake = (state: S, action: A) => transitions[action].from.includes(state);
  return {
    states,
    transitions,
    canTake,
    editorActionsFor: (state) => actions.filter((action) => transitions[action].by === 'editor' && canTake(state, action)),
    refusalOf(name, state, action) {
      const from = transitions[action].from;
      const listed = from.length === 1 ? from[0] : `${from.slice(0, -1).join(', ')} or ${from[from.length - 1]}`;
      return `${noun} "${name}" is ${state}: only a ${listed} ${noun.toLowerCase()} can be ${done[action]}`;
    },
  };
};
