import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const BIN = join(ROOT, 'target/debug/rencai');
export const SHOTS = join(ROOT, 'target/screenshots');

const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

function freePort() {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => ok(port));
    });
  });
}

async function waitForHealth(url, server, deadlineMs) {
  const deadline = Date.now() + deadlineMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`rencai serve exited with ${server.exitCode}`);
    try {
      const r = await fetch(url, { signal: AbortSignal.timeout(1000) });
      if (r.ok) return;
    } catch {}
    await delay(100);
  }
  throw new Error(`${url} not healthy after ${deadlineMs} ms`);
}

/** Ingests sample/, tests/fixtures and tests/offers into a fresh data dir and serves it. */
export async function startServer() {
  const data = mkdtempSync(join(tmpdir(), 'rencai-browser-'));
  const ingest = spawnSync(BIN, ['ingest', '--data', data, 'sample', 'tests/fixtures', 'tests/offers'], {
    cwd: ROOT, encoding: 'utf8', timeout: 120_000,
  });
  if (ingest.error) throw ingest.error;
  const ingested = Number(/(\d+) ingested/.exec(ingest.stdout + ingest.stderr)?.[1] ?? 0);
  if (ingest.status !== 1 || ingested < 10) {
    throw new Error(`ingest: exit ${ingest.status}, ${ingested} ingested\n${ingest.stdout}${ingest.stderr}`);
  }
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const log = [];
  const proc = spawn(BIN, ['serve', '--data', data, '--addr', `127.0.0.1:${port}`], {
    cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'],
  });
  proc.stdout.on('data', (b) => log.push(b));
  proc.stderr.on('data', (b) => log.push(b));
  const killNow = () => proc.kill('SIGKILL');
  process.once('exit', killNow);
  const stop = async () => {
    process.off('exit', killNow);
    if (proc.exitCode === null && proc.signalCode === null) {
      const exited = new Promise((ok) => proc.once('exit', ok));
      proc.kill('SIGTERM');
      await Promise.race([exited, delay(5000, null, { ref: false }).then(() => proc.kill('SIGKILL'))]);
    }
    rmSync(data, { recursive: true, force: true });
  };
  try {
    await waitForHealth(`${origin}/healthz`, proc, 30_000);
  } catch (e) {
    await stop();
    throw new Error(`${e.message}\n${Buffer.concat(log)}`);
  }
  return { origin, ingested, stop };
}

/** A browser with its own fresh profile, one viewport width, JavaScript on or off. */
export async function openBrowser({ width, js, origin }) {
  const profile = mkdtempSync(join(tmpdir(), 'rencai-chromium-'));
  let context;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: { width, height: 900 },
      javaScriptEnabled: js,
      baseURL: origin,
      locale: 'zh-CN',
      timeout: 30_000,
    });
  } catch (e) {
    rmSync(profile, { recursive: true, force: true });
    throw e;
  }
  context.setDefaultTimeout(10_000);
  context.setDefaultNavigationTimeout(15_000);
  await context.route((url) => url.origin !== origin, (route) => route.abort());
  const page = context.pages()[0] ?? (await context.newPage());
  mkdirSync(SHOTS, { recursive: true });
  const close = async () => {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  };
  return { context, page, close };
}
