import { cellsOf } from '../../../../../shared/factorial-cells';
import { variantNameOf } from '../variant-name';

const FRENCH = { subject: 'Objet', preheader: 'Pré-en-tête', fromName: 'Nom de l’expéditeur', content: 'Contenu', sendAt: 'Heure d’envoi' };

test("a factorial cell is named from its levels in the admin's language, not by the English name stored", () => {
  const [control, , third] = cellsOf([
    {
      field: 'subject',
      levels: [
        { name: 'Court', value: 'Hi' },
        { name: 'Long', value: 'Hello there' },
      ],
    },
    {
      field: 'content',
      levels: [
        { name: 'A', value: '<mjml/>' },
        { name: 'B', value: '<mjml></mjml>' },
      ],
    },
  ]);
  expect(control.name).toBe('Subject: Court · Content: A');
  expect(variantNameOf(control, FRENCH)).toBe('Objet: Court · Contenu: A');
  expect(variantNameOf(third, FRENCH)).toBe('Objet: Long · Contenu: A');
});

test("an A/B variant keeps its editor's name", () => {
  expect(variantNameOf({ name: 'Short subject' }, FRENCH)).toBe('Short subject');
});
