'use strict';

/**
 * A jest reporter that writes which projects this run selected and how many test files each ran
 * (jest's JSON report names files, not projects: the integration files run once per database under
 * the same names), and how long each file took in which project. scripts/jest-summary.js reads it:
 * a selected project that ran no file fails the run, so a database dropped from the integration run
 * cannot pass for green; the slowest files are printed.
 */
const fs = require('node:fs');
const path = require('node:path');

class ProjectsReporter {
  constructor(globalConfig, options = {}) {
    this.output = options.outputFile || 'reports/jest-projects.json';
    this.filtered = Boolean(globalConfig.testPathPatterns?.isSet?.() ?? globalConfig.nonFlagArgs?.length);
    this.files = {};
    this.durations = [];
  }

  onTestFileResult(test, result) {
    const name = projectName(test.context.config);
    this.files[name] = (this.files[name] || 0) + 1;
    const { start, end } = result.perfStats;
    this.durations.push({
      project: name,
      file: path.relative(test.context.config.rootDir, test.path),
      seconds: Math.round((end - start) / 100) / 10,
    });
  }

  onRunComplete(contexts) {
    const projects = {};
    for (const context of contexts) projects[projectName(context.config)] = 0;
    Object.assign(projects, this.files);
    fs.mkdirSync(path.dirname(this.output), { recursive: true });
    fs.writeFileSync(this.output, JSON.stringify({ filtered: this.filtered, projects, durations: this.durations }, null, 2));
  }
}

const projectName = (config) => (typeof config.displayName === 'string' ? config.displayName : config.displayName?.name) || config.rootDir;

module.exports = ProjectsReporter;
