import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { getPluginConfig } from '../../config/plugin-config';

/** Where uploads wait for their job and reports stay (option campaigns.imports.directory). */
export const importsDirectory = (strapi: Core.Strapi) =>
  getPluginConfig(strapi).imports.directory ?? path.join(strapi.dirs.app.root, '.tmp', 'campaigns-imports');

/** A new file name in the imports folder: random, so instances and databases sharing it never collide. */
export const newImportFile = async (strapi: Core.Strapi, suffix: string) => {
  const directory = importsDirectory(strapi);
  await fs.mkdir(directory, { recursive: true });
  return path.join(directory, `${randomUUID()}${suffix}`);
};

/** Moves an upload out of the body parser's temporary folder, copying when it is on another device. */
export const moveFile = async (from: string, to: string) => {
  try {
    await fs.rename(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    await fs.copyFile(from, to);
    await fs.rm(from, { force: true });
  }
};

/** The first bytes of a file (fewer when it is shorter). */
export const readHead = async (file: string, bytes: number) => {
  const handle = await fs.open(file, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
};
