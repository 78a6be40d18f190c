'use strict';

const { Redis } = require('ioredis');

/**
 * Deletes the keys under `prefix` (a test file's or a benchmark's own), and only those: Redis is
 * shared with whatever else runs on the machine.
 *
 * @param {string} url
 * @param {string} prefix
 * @returns {Promise<void>}
 */
const deleteRedisPrefix = async (url, prefix) => {
  const redis = new Redis(url, { lazyConnect: true });
  await redis.connect();
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length) await redis.del(...keys);
    } while (cursor !== '0');
  } finally {
    await redis.quit();
  }
};

module.exports = { deleteRedisPrefix };
