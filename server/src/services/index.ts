import campaigns from './campaigns';
import contacts from './contacts';
import imports from './imports';
import queues from './queues';
import segments from './segments';
import suppressions from './suppressions';
import topics from './topics';

export default { campaigns, contacts, imports, queues, segments, suppressions, topics };
