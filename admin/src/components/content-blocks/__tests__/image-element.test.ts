import { absoluteUrl, imageElement } from '../image-element';

test("a local upload's relative URL becomes absolute on the server's URL; others stay", () => {
  expect(absoluteUrl('/uploads/a.png', 'https://cms.example/')).toBe('https://cms.example/uploads/a.png');
  expect(absoluteUrl('https://bucket.example/a.png', 'https://cms.example')).toBe('https://bucket.example/a.png');
  expect(absoluteUrl('//cdn.example/a.png', 'https://cms.example')).toBe('//cdn.example/a.png');
});

test('writes the alt text escaped, and alt="" when the file has none', () => {
  expect(imageElement({ url: '/uploads/a.png', alternativeText: 'Our "new" shop & café' }, 'http://localhost:1337')).toBe(
    '<mj-image src="http://localhost:1337/uploads/a.png" alt="Our &quot;new&quot; shop &amp; café" />'
  );
  expect(imageElement({ url: '/uploads/b.png', alternativeText: null }, 'http://localhost:1337')).toBe(
    '<mj-image src="http://localhost:1337/uploads/b.png" alt="" />'
  );
});
