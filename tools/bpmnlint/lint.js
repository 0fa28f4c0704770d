#!/usr/bin/env node
// Lints every model under bpmn/ with the project's .bpmnlintrc (bpmnlint:recommended plus the
// Camunda 7.24 compatibility rules). Exit code 1 on any lint error, so the Maven build fails.
// Run from the project root: node tools/bpmnlint/lint.js [files...]
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');

function bpmnFiles(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return bpmnFiles(full);
    return entry.name.endsWith('.bpmn') ? [full] : [];
  });
}

const files = process.argv.length > 2 ? process.argv.slice(2) : bpmnFiles('bpmn');
if (files.length === 0) {
  console.log('bpmnlint: no models under bpmn/');
  process.exit(0);
}
const cli = path.join(__dirname, 'node_modules', 'bpmnlint', 'bin', 'bpmnlint.js');
// bpmnlint resolves plugins from the working directory (the project root, which has no node_modules):
// NODE_PATH points it at tools/bpmnlint/node_modules, else `plugin:camunda-compat/...` cannot be found
const env = { ...process.env, NODE_PATH: path.join(__dirname, 'node_modules') };
const result = spawnSync(process.execPath, [cli, '--config', '.bpmnlintrc', ...files], { stdio: 'inherit', env });
if (result.status === 0) {
  console.log(`bpmnlint: ${files.length} model(s) clean`);
}
process.exit(result.status === null ? 1 : result.status);
