'use strict';

const fs = require('node:fs');
const inspector = require('node:inspector');

/**
 * The inspector's CPU profiler over one stretch of a bench (boot and seeding stay out of the
 * profile): answers a function that stops it and writes the profile to `file`, for
 * bench/send/profile-summary.js.
 */
const startProfile = async () => {
  const session = new inspector.Session();
  session.connect();
  const post = (method, params) =>
    new Promise((resolve, reject) => session.post(method, params, (error, result) => (error ? reject(error) : resolve(result))));
  await post('Profiler.enable');
  await post('Profiler.setSamplingInterval', { interval: 1000 });
  await post('Profiler.start');
  return async (file) => {
    const { profile } = await post('Profiler.stop');
    fs.writeFileSync(file, JSON.stringify(profile));
    session.disconnect();
  };
};

module.exports = { startProfile };
