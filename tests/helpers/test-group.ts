import path from 'node:path';

let loading: unknown;

/** The handles of the group loading this module: call it at the module's top level. */
export const groupHandles = <H>(): H => {
  if (loading === undefined) throw new Error('a group module reads its app at its top level, while its group loads it (README, "Tests")');
  return loading as H;
};

export interface ModuleHooks {
  /** Before the module's own hooks: bring the shared app back to what a module starts from. */
  before(index: number): Promise<void>;
  after?(): Promise<void>;
}

/**
 * Each module (a path under `dir`, without `.ts`) becomes a describe block named after its file;
 * while it loads, groupHandles() answers `handles`. The environment the group's boot wrote into
 * process.env is taken back after the group, so a second group in the same file boots with its own.
 */
export const describeModules = <H>(handles: H, dir: string, modules: string[], hooks: ModuleHooks) => {
  const envBefore = { ...process.env };
  modules.forEach((module, index) => {
    describe(path.basename(module), () => {
      beforeAll(() => hooks.before(index));
      loading = handles;
      try {
        require(path.join(dir, module));
      } finally {
        loading = undefined;
      }
      // A spy or a frozen clock a module left behind would reach into the next one.
      afterAll(async () => {
        jest.restoreAllMocks();
        jest.useRealTimers();
        await hooks.after?.();
      });
    });
  });
  afterAll(() => {
    for (const key of Object.keys(process.env)) if (!(key in envBefore)) delete process.env[key];
    Object.assign(process.env, envBefore);
  });
};
