import { parseConfig } from './parse';

export default {
  default: {},
  validator(config: unknown) {
    parseConfig(config);
  },
};
