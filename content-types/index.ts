import campaign from './campaign/schema.json';
import contact from './contact/schema.json';
import experiment from './experiment/schema.json';
import segment from './segment/schema.json';
import suppression from './suppression/schema.json';
import template from './template/schema.json';
import topic from './topic/schema.json';

export default {
  campaign: { schema: campaign },
  contact: { schema: contact },
  experiment: { schema: experiment },
  segment: { schema: segment },
  suppression: { schema: suppression },
  template: { schema: template },
  topic: { schema: topic },
};
