import { suggestMapping } from '../suggest';

test('suggests fields for known spellings, attributes for other columns', () => {
  expect(suggestMapping(['E-mail', 'First name', 'Last Name', 'Time zone', 'Language', 'Company name', '2nd phone', '', '***'])).toEqual({
    'E-mail': 'email',
    'First name': 'firstName',
    'Last Name': 'lastName',
    'Time zone': 'timezone',
    Language: 'locale',
    'Company name': 'attribute:company_name',
    '2nd phone': 'attribute:_2nd_phone',
    '': 'ignore',
    '***': 'ignore',
  });
});

test('the first column wins a field; accents and case do not matter', () => {
  expect(suggestMapping(['Email', 'Email Address', 'Prénom'])).toEqual({
    Email: 'email',
    'Email Address': 'attribute:email_address',
    Prénom: 'firstName',
  });
});
