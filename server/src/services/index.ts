import audienceSources from './audience-sources';
import campaigns from './campaigns';
import contactActivity from './contact-activity';
import contactBulk from './contact-bulk';
import contactExport from './contact-export';
import contacts from './contacts';
import deliveryEvents from './delivery-events';
import imports from './imports';
import queues from './queues';
import segments from './segments';
import sending from './sending';
import suppressions from './suppressions';
import topics from './topics';
import tracking from './tracking';

export default { audienceSources, campaigns, contactActivity, contactBulk, contactExport, contacts, deliveryEvents, imports, queues, segments, sending, suppressions, topics, tracking };
