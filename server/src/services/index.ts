import audienceSources from './audience-sources';
import campaigns from './campaigns';
import contacts from './contacts';
import queues from './queues';
import segments from './segments';
import suppressions from './suppressions';
import topics from './topics';

export default { audienceSources, campaigns, contacts, queues, segments, suppressions, topics };
