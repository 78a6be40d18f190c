import { isRemote, keepCanvasLocal, PLACEHOLDER_IMAGE } from '../canvas-local';

const ORIGIN = 'https://cms.example.org';

test('only absolute URLs of another origin are remote', () => {
  expect(isRemote('https://images.example.com/a.png', ORIGIN)).toBe(true);
  expect(isRemote('//cdn.example.com/a.png', ORIGIN)).toBe(true);
  expect(isRemote('https://cms.example.org/uploads/a.png', ORIGIN)).toBe(false);
  expect(isRemote('/uploads/a.png', ORIGIN)).toBe(false);
  expect(isRemote(PLACEHOLDER_IMAGE, ORIGIN)).toBe(false);
  expect(isRemote('{{ contact.attributes.avatar }}', ORIGIN)).toBe(false);
});

test('remote images, backgrounds and stylesheets leave the canvas; local ones stay', () => {
  const html =
    `<link href="https://fonts.googleapis.com/css?family=Ubuntu" rel="stylesheet"><style>@import url(https://fonts.googleapis.com/css);</style>` +
    `<img src="https://www.mailjet.com/images/theme/v1/icons/ico-social/facebook.png"><img src='/uploads/logo.png'>` +
    `<td background="https://example.com/bg.jpg" style="background:url('https://example.com/bg.jpg') center">` +
    `<img srcset="/a.png 1x, https://example.com/b.png 2x"><div style="background-image:url(/uploads/bg.png)"></div>`;
  const local = keepCanvasLocal(html, ORIGIN);
  expect(local).not.toMatch(/https?:\/\/(?!cms\.example\.org)[a-z]/);
  expect(local).toContain(`<img src='/uploads/logo.png'>`);
  expect(local).toContain('<img src="https://cms.example.org/api/campaigns/social/facebook.png">');
  expect(local).toContain('url(/uploads/bg.png)');
  expect(local.match(new RegExp(PLACEHOLDER_IMAGE.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'g'))).toHaveLength(3);
});
