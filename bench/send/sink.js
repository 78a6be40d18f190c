'use strict';

/**
 * The far side of the send benchmarks: a real SMTP server (smtp-server) on a free loopback port, run
 * as a child process of its own so that its CPU is not charged to the process that sends. It reads
 * every byte of every message (counting them) and accepts it. Started with child_process.fork; it
 * answers on the IPC channel:
 *   -> { ready: true, port }                       once listening
 *   <- { type: 'stats' }  -> { type: 'stats', messages, bytes, cpuMs, connections }
 *   <- { type: 'keep', file }  the next message's raw bytes are written to `file` (a sample of what the app sends)
 *   <- { type: 'close' }  closes and exits
 */
const fs = require('node:fs');
const { SMTPServer } = require('smtp-server');

let messages = 0;
let bytes = 0;
let connections = 0;
let keepFile = null;

const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS', 'AUTH'],
  logger: false,
  size: 50 * 1024 * 1024,
  onConnect(_session, callback) {
    connections += 1;
    callback();
  },
  onData(stream, _session, callback) {
    const file = keepFile;
    keepFile = null;
    const kept = file ? [] : null;
    stream.on('data', (chunk) => {
      bytes += chunk.length;
      if (kept) kept.push(chunk);
    });
    stream.on('end', () => {
      messages += 1;
      if (kept) fs.writeFileSync(file, Buffer.concat(kept));
      callback();
    });
  },
});

server.on('error', (error) => {
  console.error(`sink: ${error.message}`);
});

process.on('message', (message) => {
  if (message.type === 'stats') {
    const cpu = process.cpuUsage();
    process.send({ type: 'stats', messages, bytes, connections, cpuMs: Math.round((cpu.user + cpu.system) / 1000) });
  } else if (message.type === 'keep') {
    keepFile = message.file;
  } else if (message.type === 'close') {
    server.close(() => process.exit(0));
    setTimeout(() => process.exit(0), 2000).unref();
  }
});
process.on('disconnect', () => process.exit(0));

server.listen(0, '127.0.0.1', () => process.send({ ready: true, port: server.server.address().port }));
