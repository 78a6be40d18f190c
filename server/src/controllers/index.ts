import audienceSources from './audience-sources';
import contactActions from './contact-actions';
import contactExport from './contact-export';
import imports from './imports';
import { resourceController } from './resource';
import segmentRules from './segment-rules';
import sending from './sending';
import settings from './settings';
import suppressions from './suppressions';
import tracking from './tracking';

export default {
  audienceSources,
  campaigns: resourceController('campaigns'),
  contactActions,
  contactExport,
  contacts: resourceController('contacts'),
  imports,
  segments: resourceController('segments'),
  segmentRules,
  sending,
  settings,
  suppressions,
  topics: resourceController('topics'),
  tracking,
};
