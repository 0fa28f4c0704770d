#!/usr/bin/env node
// Draws models the way Camunda Modeler and Cockpit do (bpmn-js in headless Chromium) into
// target/diagrams/<model>.png, to look at a layout before committing it. DiagramReadabilityTest
// checks overlaps and names; this shows the picture.
// Run from the project root: npm install --prefix tools/render-models (once), then
//   node tools/render-models/render.js [bpmn/loan-application.bpmn ...]   (default: every bpmn/*.bpmn)
// Chromium: $CHROMIUM, else /usr/bin/chromium.
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const viewer = path.join(__dirname, 'node_modules', 'bpmn-js', 'dist', 'bpmn-viewer.production.min.js');
if (!fs.existsSync(viewer)) {
  console.error('bpmn-js missing: npm install --prefix tools/render-models');
  process.exit(1);
}
const chromium = process.env.CHROMIUM || '/usr/bin/chromium';
const out = path.resolve('target', 'diagrams');
fs.mkdirSync(out, { recursive: true });

const files = process.argv.length > 2 ? process.argv.slice(2)
  : fs.readdirSync('bpmn').filter((f) => f.endsWith('.bpmn')).map((f) => path.join('bpmn', f));

for (const file of files) {
  const xml = fs.readFileSync(file, 'utf8');
  // the page is as large as the diagram, drawn at 100 %
  let maxX = 0;
  let maxY = 0;
  for (const m of xml.matchAll(/<dc:Bounds x="([-\d.]+)" y="([-\d.]+)" width="([\d.]+)" height="([\d.]+)"/g)) {
    maxX = Math.max(maxX, +m[1] + +m[3]);
    maxY = Math.max(maxY, +m[2] + +m[4]);
  }
  for (const m of xml.matchAll(/<di:waypoint x="([-\d.]+)" y="([-\d.]+)"/g)) {
    maxX = Math.max(maxX, +m[1]);
    maxY = Math.max(maxY, +m[2]);
  }
  const width = Math.ceil(maxX) + 60;
  const height = Math.ceil(maxY) + 60;
  const name = path.basename(file, '.bpmn');
  const page = path.join(out, `${name}.html`);
  fs.writeFileSync(page, `<!doctype html><html><head><meta charset="utf-8">
<style>html,body,#canvas{margin:0;width:${width}px;height:${height}px;background:#fff}</style>
<script src="file://${viewer}"></script></head><body><div id="canvas"></div><script>
const viewer = new BpmnJS({ container: '#canvas' });
viewer.importXML(${JSON.stringify(xml)})
  .then(() => viewer.get('canvas').viewbox({ x: 0, y: 0, width: ${width}, height: ${height} }))
  .catch((e) => { document.body.textContent = 'Import failed: ' + e.message; });
</script></body></html>`);
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'render-models-'));
  const png = path.join(out, `${name}.png`);
  const result = spawnSync(chromium, ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run',
    '--disable-dev-shm-usage', '--disable-background-networking', '--allow-file-access-from-files',
    '--hide-scrollbars', `--user-data-dir=${profile}`, `--window-size=${width},${height}`,
    '--virtual-time-budget=3000', `--screenshot=${png}`, `file://${page}`], { encoding: 'utf8' });
  fs.rmSync(profile, { recursive: true, force: true });
  if (result.status !== 0 || !fs.existsSync(png)) {
    console.error(`${file}: Chromium failed (${result.status}): ${result.stderr}`);
    process.exitCode = 1;
  } else {
    console.log(`${file} -> ${path.relative(process.cwd(), png)} (${width} x ${height})`);
  }
}
