#!/usr/bin/env node
/*
 * The three service golden paths share their Helm chart, CD workflow, docs, CODEOWNERS, ADR and
 * catalog-info.yaml. Each template must stay self-contained (the template editor's dry run uploads
 * one template directory only), so _shared/skeleton is copied into each skeleton by this script;
 * a test in plugins/scaffolder-backend-module-golden-paths fails when a copy drifts.
 *
 *   node templates/sync-shared.js
 */
const fs = require('node:fs');
const path = require('node:path');

const SERVICE_TEMPLATES = [
  'typescript-service',
  'python-service',
  'go-service',
];
const sharedRoot = path.join(__dirname, '_shared', 'skeleton');

function listFiles(dir, prefix = '') {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap(entry => {
    const relative = path.join(prefix, entry.name);
    return entry.isDirectory()
      ? listFiles(path.join(dir, entry.name), relative)
      : [relative];
  });
}

for (const template of SERVICE_TEMPLATES) {
  const skeleton = path.join(__dirname, template, 'skeleton');
  for (const file of listFiles(sharedRoot)) {
    const target = path.join(skeleton, file);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.copyFileSync(path.join(sharedRoot, file), target);
    fs.chmodSync(target, fs.statSync(path.join(sharedRoot, file)).mode);
  }
  console.log(`synced ${template}`);
}

module.exports = { SERVICE_TEMPLATES, listFiles };
