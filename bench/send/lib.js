'use strict';

/** What the send benchmarks share: the SMTP sink child process, memory sampling, formatting. */
const { fork } = require('node:child_process');
const path = require('node:path');

const mb = (bytes) => Math.round(bytes / (1024 * 1024));

/** Forks bench/send/sink.js and waits for its port; stats() asks it what it received. */
const startSink = () =>
  new Promise((resolve, reject) => {
    const child = fork(path.join(__dirname, 'sink.js'), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    const pending = [];
    child.on('message', (message) => {
      if (message.ready) {
        resolve({
          port: message.port,
          pid: child.pid,
          stats: () =>
            new Promise((answer) => {
              pending.push(answer);
              child.send({ type: 'stats' });
            }),
          keepNext: (file) => child.send({ type: 'keep', file }),
          close: () =>
            new Promise((done) => {
              if (child.exitCode !== null) return done();
              child.once('exit', () => done());
              child.send({ type: 'close' });
            }),
        });
      } else if (message.type === 'stats') {
        pending.shift()?.(message);
      }
    });
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`the SMTP sink exited (${code}) before listening`)));
  });

/** Samples this process's RSS every 100 ms until stop() answers the peak. */
const sampleRss = () => {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 100);
  return {
    stop() {
      clearInterval(timer);
      return Math.max(peak, process.memoryUsage().rss);
    },
  };
};

/** Milliseconds of CPU this process used since `from` (a process.cpuUsage() value). */
const cpuMsSince = (from) => {
  const used = process.cpuUsage(from);
  return (used.user + used.system) / 1000;
};

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

module.exports = { startSink, sampleRss, cpuMsSince, sleep, mb };
