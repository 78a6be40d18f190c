export declare const deleteRedisPrefix: (url: string, prefix: string) => Promise<void>;
