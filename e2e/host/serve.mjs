// A stand-in "documentation site" on another origin (port), for the embed tests.
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';

const port = Number(process.argv[2] ?? 3101);
const embedOrigin = process.argv[3] ?? 'http://127.0.0.1:3100';
const page = readFileSync(new URL('./index.html', import.meta.url), 'utf8').replaceAll(
  '__EMBED_ORIGIN__',
  embedOrigin,
);

createServer((req, res) => {
  if (req.url === '/favicon.ico') {
    res.writeHead(204).end();
    return;
  }
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
}).listen(port, '127.0.0.1', () => console.log(`host page on http://127.0.0.1:${port}`));
