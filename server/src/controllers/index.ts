import { FEATURES, type PluginFeature } from '../features';
import { mergeByName, type Merged } from '../features/merge';

/** Every controller of the plugin by name: each feature's. */
export default mergeByName<Merged<PluginFeature['controllers']>>(
  'controller',
  FEATURES.map((feature) => feature.controllers)
);
