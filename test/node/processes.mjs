// @ts-check
/**
 * Servers a Node test starts on loopback (nginx, Caddy, MariaDB, PHP, the civic-widgets server):
 * a free port, a bounded wait until one listens, and stopping every one of them, also when the
 * test process is interrupted. Each runs in its own process group, so the workers a server forks
 * (nginx, `php -S`) stop with it.
 */
import { spawn } from 'node:child_process';
import { createConnection, createServer } from 'node:net';

/** A loopback port nothing listens on now. */
export async function freePort() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  return typeof address === 'object' && address ? address.port : 0;
}

/**
 * Waits until something accepts connections on 127.0.0.1:port; fails when the process exits or
 * after `ms`.
 * @param {number} port
 * @param {import('node:child_process').ChildProcess} child
 * @param {() => string} output for the message
 * @param {number} [ms]
 */
export async function listening(port, child, output, ms = 10_000) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`exited (${child.exitCode ?? child.signalCode}): ${output()}`);
    const up = await new Promise((resolve) => {
      const socket = createConnection({ host: '127.0.0.1', port }, () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (up) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`nothing listens on ${port} after ${ms / 1000} s: ${output()}`);
}

/** @type {import('node:child_process').ChildProcess[]} */
const children = [];

/**
 * Signals a server and every process it started.
 * @param {import('node:child_process').ChildProcess} child
 * @param {NodeJS.Signals} name
 */
function signal(child, name) {
  try {
    if (child.pid) process.kill(-child.pid, name);
  } catch {
    // already gone
  }
}

// Should the test process itself end or be interrupted, leave no server behind.
process.on('exit', () => children.forEach((child) => signal(child, 'SIGKILL')));
for (const name of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
  process.once(name, () => {
    children.forEach((child) => signal(child, 'SIGKILL'));
    process.exit(130);
  });
}

/**
 * Starts a long-running program, in its own process group, that `stop` or `stopAll` ends.
 * @param {string} command
 * @param {string[]} args
 * @param {import('node:child_process').SpawnOptions} [options]
 */
export function launch(command, args, options = {}) {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], detached: true, ...options });
  let output = '';
  // The last 20,000 characters are enough to say why a server failed.
  child.stdout?.on('data', (chunk) => { output = (output + chunk).slice(-20_000); });
  child.stderr?.on('data', (chunk) => { output = (output + chunk).slice(-20_000); });
  children.push(child);
  return { child, output: () => output };
}

/**
 * SIGTERM, then SIGKILL after 10 s; resolves once the server has exited.
 * @param {import('node:child_process').ChildProcess} child
 */
export async function stop(child) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  signal(child, 'SIGTERM');
  const timer = setTimeout(() => signal(child, 'SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

/** Stops every server `launch` started. */
export function stopAll() {
  return Promise.all(children.map(stop));
}
