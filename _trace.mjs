import { chromium } from '@playwright/test';
import { readFileSync } from 'node:fs';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium' });
const p = await b.newPage({ viewport: { width: 412, height: 823 } });
await b.startTracing(p, { path: '/tmp/lh/trace.json', categories: ['devtools.timeline', 'loading', 'blink.user_timing', 'disabled-by-default-devtools.timeline'] });
await p.goto(process.argv[2] ?? 'http://127.0.0.1:3303/', { waitUntil: 'networkidle' });
await p.waitForTimeout(1000);
await b.stopTracing();
await b.close();
const t = JSON.parse(readFileSync('/tmp/lh/trace.json', 'utf8'));
const ev = (t.traceEvents ?? t);
const nav = ev.find((e) => e.name === 'navigationStart' && e.args?.data?.isLoadingMainFrame)?.ts ?? Math.min(...ev.filter(e=>e.ts>0).map(e=>e.ts));
const rows = [];
for (const e of ev) {
  if (['EvaluateScript', 'v8.compile', 'FunctionCall', 'Paint', 'firstContentfulPaint', 'largestContentfulPaint::Candidate', 'ParseHTML', 'Layout', 'ResourceReceiveResponse','ResourceFinish', 'RunTask', 'FireAnimationFrame','TimerFire'].includes(e.name) && e.ts >= nav) {
    if (e.name === 'RunTask' && (e.dur ?? 0) < 5000) continue;
    if ((e.name==='FunctionCall'||e.name==='Layout'||e.name==='Paint') && (e.dur??0) < 2000) continue;
    rows.push([((e.ts - nav) / 1000).toFixed(1), e.name, ((e.dur ?? 0) / 1000).toFixed(1), (e.args?.data?.url ?? e.args?.data?.requestId ?? '').toString().slice(-40)]);
  }
}
rows.sort((a, b) => a[0] - b[0]);
console.log(rows.slice(0, 80).map((r) => r.join('  ')).join('\n'));
