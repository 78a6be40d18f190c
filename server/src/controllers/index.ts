import { resourceController } from './resource';
import segmentRules from './segment-rules';
import settings from './settings';
import suppressions from './suppressions';

export default {
  campaigns: resourceController('campaigns'),
  contacts: resourceController('contacts'),
  segments: resourceController('segments'),
  segmentRules,
  settings,
  suppressions,
  topics: resourceController('topics'),
};
