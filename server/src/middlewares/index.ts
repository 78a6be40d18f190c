import publicLimit from './public-limit';

export default { 'public-limit': publicLimit };
