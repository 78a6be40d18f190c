import type { RedisClient } from '../queue/connection';
import type { PluginConfig } from '../config/schema';
import { createRedisConnection, describeRedis } from '../queue/connection';

/** The command connection, open, or a boot-stopping error that names the option to fix. */
export const connectRedis = async (options: PluginConfig['redis']): Promise<RedisClient> => {
  const client = createRedisConnection(options);
  try {
    await client.connect();
  } catch (error) {
    client.disconnect();
    throw new Error(`campaigns: cannot reach Redis at ${describeRedis(options)} (option campaigns.redis): ${(error as Error).message}`, {
      cause: error,
    });
  }
  return client;
};

/** Quits politely (pending replies are read), or drops the socket when Redis is already gone. */
export const quitRedis = async (client: RedisClient) => {
  await client.quit().catch(() => client.disconnect());
};
