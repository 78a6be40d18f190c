import audienceSources from './audience-sources';
import { resourceController } from './resource';
import segmentRules from './segment-rules';
import settings from './settings';
import suppressions from './suppressions';

export default {
  audienceSources,
  campaigns: resourceController('campaigns'),
  contacts: resourceController('contacts'),
  segments: resourceController('segments'),
  segmentRules,
  settings,
  suppressions,
  topics: resourceController('topics'),
};
