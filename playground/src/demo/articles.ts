import fs from 'node:fs';
import path from 'node:path';
import type { Core } from '@strapi/strapi';

/**
 * Demo articles for the site's blog (api::article.article): what a campaign's entries block shows.
 * Each has a cover uploaded to the Media Library from a small image committed beside this file,
 * with its alternative text. Looked up by slug first, so a seed that stopped half way is completed.
 */

const ARTICLE = 'api::article.article';

interface DemoArticle {
  title: string;
  slug: string;
  excerpt: string;
  summary: string;
  body: unknown[];
  cover: { file: string; alternativeText: string };
  /** Drafts are not shown by entries blocks: the demo keeps one to show it. */
  published: boolean;
}

const paragraph = (text: string) => ({ type: 'paragraph', children: [{ type: 'text', text }] });

export const DEMO_ARTICLES: readonly DemoArticle[] = [
  {
    title: 'Meet the autumn blend',
    slug: 'meet-the-autumn-blend',
    excerpt: 'A darker roast with notes of cocoa and plum, from two farms we have worked with for years.',
    summary: 'A **darker roast** with notes of cocoa and plum.',
    body: [
      { type: 'heading', level: 2, children: [{ type: 'text', text: 'Where it comes from' }] },
      paragraph('Two farms in Huila, Colombia, picked late in the season.'),
    ],
    cover: { file: 'autumn-blend.png', alternativeText: 'A bag of the autumn blend on a wooden table' },
    published: true,
  },
  {
    title: 'Brewing class: the pour-over',
    slug: 'brewing-class-the-pour-over',
    excerpt: 'Join our baristas online on Thursday: grind size, water temperature and the bloom.',
    summary: 'Grind size, water temperature and *the bloom*.',
    body: [
      paragraph('Bring a dripper, a kettle and 20 g of coffee.'),
      {
        type: 'list',
        format: 'ordered',
        children: ['Bloom for 30 seconds', 'Pour in circles', 'Wait for the drawdown'].map((text) => ({
          type: 'list-item',
          children: [{ type: 'text', text }],
        })),
      },
    ],
    cover: { file: 'brewing-class.png', alternativeText: 'A barista pouring water over a paper filter' },
    published: true,
  },
  {
    title: 'Cold brew is back',
    slug: 'cold-brew-is-back',
    excerpt: 'Still a draft: entries blocks show published articles only.',
    summary: 'Coming *soon*.',
    body: [paragraph('Twelve hours in cold water.')],
    cover: { file: 'cold-brew.png', alternativeText: 'A glass of cold brew with ice' },
    published: false,
  },
];

interface UploadService {
  upload(input: {
    data: { fileInfo: { name: string; alternativeText: string; caption?: string } };
    files: { filepath: string; originalFilename: string; mimetype: string; size: number };
  }): Promise<Array<{ id: number }>>;
}

/** Uploads one committed image to the Media Library with its alternative text. */
export const uploadImage = async (strapi: Core.Strapi, filepath: string, alternativeText: string) => {
  const upload = strapi.plugin('upload').service('upload') as unknown as UploadService;
  const [file] = await upload.upload({
    data: { fileInfo: { name: path.basename(filepath), alternativeText } },
    files: { filepath, originalFilename: path.basename(filepath), mimetype: 'image/png', size: fs.statSync(filepath).size },
  });
  return file;
};

/** Creates the demo articles that are missing; answers how many it created. */
export const seedArticles = async (strapi: Core.Strapi): Promise<number> => {
  // The source folder, not dist: the compiled seed has no copy of the images.
  const assets = path.join(strapi.dirs.app.src, 'demo', 'assets');
  let created = 0;
  for (const article of DEMO_ARTICLES) {
    const existing = await strapi.documents(ARTICLE).findFirst({ filters: { slug: article.slug } });
    if (existing) continue;
    const cover = await uploadImage(strapi, path.join(assets, article.cover.file), article.cover.alternativeText);
    const { cover: _cover, published, ...fields } = article;
    await strapi.documents(ARTICLE).create({
      data: { ...fields, cover: cover.id },
      ...(published ? { status: 'published' as const } : {}),
    });
    created += 1;
  }
  return created;
};
