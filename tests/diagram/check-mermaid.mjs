// Checks Mermaid files with the real Mermaid (tests/diagram/node_modules,
// locked by package-lock.json) inside Debian's headless Chromium: each file
// must parse and render with Mermaid's default limits.
// usage: node check-mermaid.mjs [--parse-only] FILE...   (exit 0 when every file passes)
// --parse-only: parse without laying out (large diagrams take Mermaid's
// layout minutes on a busy machine); the caller checks their size.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, basename } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const parseOnly = process.argv[2] === '--parse-only';
const files = process.argv.slice(parseOnly ? 3 : 2);
if (files.length === 0) {
  console.error('usage: node check-mermaid.mjs FILE...');
  process.exit(2);
}
const script = join(here, 'node_modules', 'mermaid', 'dist', 'mermaid.min.js');
const diagrams = files.map((f) => ({ name: basename(f), text: readFileSync(f, 'utf8') }));
// JSON in a <script> element: "<" escaped so no text ends the element.
const data = JSON.stringify(diagrams).replace(/</g, '\\u003c');
const page = `<!doctype html><meta charset="utf-8"><body><pre id="result">pending</pre>
<script src="${pathToFileURL(script)}"></script>
<script>
const diagrams = ${data};
const parseOnly = ${parseOnly};
(async () => {
  mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' });
  const lines = [];
  let i = 0;
  for (const d of diagrams) {
    try {
      await mermaid.parse(d.text);
      if (!parseOnly) {
        const { svg } = await mermaid.render('d' + i++, d.text);
        if (/<script/i.test(svg)) throw new Error('markup from a name reached the SVG');
        if (/Syntax error|Maximum text size|Too many edges/i.test(svg)) throw new Error('rendered an error');
      }
      lines.push('OK ' + d.name);
    } catch (e) {
      lines.push('FAIL ' + d.name + ': ' + String(e && e.message || e).split('\\n').slice(0, 3).join(' | '));
    }
  }
  document.getElementById('result').textContent = lines.join('\\n') + '\\nDONE';
})();
</script>`;
const work = mkdtempSync(join(tmpdir(), 'mg-mermaid-'));
try {
  const html = join(work, 'page.html');
  writeFileSync(html, page);
  const dom = execFileSync('chromium', [
    '--headless', '--no-sandbox', '--disable-gpu', '--allow-file-access-from-files',
    `--user-data-dir=${join(work, 'profile')}`, '--virtual-time-budget=60000', '--dump-dom',
    pathToFileURL(html).href,
  ], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 120000, maxBuffer: 64 << 20 });
  const match = dom.match(/<pre id="result">([\s\S]*?)<\/pre>/);
  const text = match ? match[1].replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&') : 'no result';
  console.log(text);
  const ok = text.includes('DONE') && !text.includes('FAIL') && text.split('\n').filter((l) => l.startsWith('OK ')).length === files.length;
  process.exit(ok ? 0 : 1);
} finally {
  rmSync(work, { recursive: true, force: true });
}
