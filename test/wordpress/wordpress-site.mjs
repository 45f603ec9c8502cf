// @ts-check
/**
 * A real WordPress for the plugin's test, from Debian's packages (wordpress, mariadb-server,
 * php-cli, php-mysql), on loopback only: MariaDB in a temporary datadir on a free port, a copy of
 * /usr/share/wordpress with its own wp-config.php (Debian's reads /etc/wordpress, which is left
 * alone), served by `php -S`. PHP is told to make no request of its own (WP_HTTP_BLOCK_EXTERNAL).
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, launch, listening, stop } from '../node/processes.mjs';

/** What the test needs installed, and the Debian package that brings it. */
export const REQUIREMENTS = [
  ['/usr/share/wordpress/wp-load.php', 'wordpress'],
  ['/usr/share/wordpress/wp-content/themes/twentytwentythree/theme.json', 'wordpress-theme-twentytwentythree'],
  ['/usr/sbin/mariadbd', 'mariadb-server'],
  ['/usr/bin/mariadb-install-db', 'mariadb-server'],
  ['/usr/bin/php', 'php-cli'],
];

/** The Debian packages missing on this machine (empty when the test can run). */
export function missingPackages() {
  const missing = REQUIREMENTS.filter(([path]) => !existsSync(path)).map(([, pkg]) => pkg);
  const mysqli = spawnSync('php', ['-r', 'exit(extension_loaded("mysqli") ? 0 : 1);']);
  if (mysqli.status !== 0) missing.push('php-mysql');
  return [...new Set(missing)];
}

/**
 * Runs a program to its end, within `timeout` ms; throws with its output when it fails.
 * @param {string} command
 * @param {string[]} args
 * @param {import('node:child_process').SpawnSyncOptions} [options]
 */
export function run(command, args, options = {}) {
  const result = spawnSync(command, args, { encoding: 'utf8', timeout: 60_000, ...options });
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed (${result.status ?? result.signal ?? result.error}):\n${result.stdout}\n${result.stderr}`);
  }
  return String(result.stdout);
}

const asRoot = process.getuid?.() === 0;

/**
 * `php -S`'s router: Apache's rules for a subdirectory network (`/branch/wp-admin/…` is
 * `/wp-admin/…`, `/branch/x.php` is `/x.php`), files served as they are, the rest to index.php.
 */
const ROUTER = `<?php
$root = $_SERVER['DOCUMENT_ROOT'];
$path = urldecode(parse_url($_SERVER['REQUEST_URI'], PHP_URL_PATH));
if (!file_exists($root . $path) && preg_match('#^/[_0-9a-zA-Z-]+(/wp-(content|admin|includes)/.*|/[^/]*\\.php)$#', $path, $m)) {
  $path = $m[1];
} elseif (file_exists($root . $path)) {
  return false;
}
$file = $root . $path;
if (is_dir($file)) $file = rtrim($file, '/') . '/index.php';
if (!is_file($file)) $file = $root . '/index.php';
if (substr($file, -4) !== '.php') {
  $types = ['js' => 'text/javascript', 'css' => 'text/css', 'json' => 'application/json', 'svg' => 'image/svg+xml', 'png' => 'image/png', 'woff2' => 'font/woff2'];
  header('Content-Type: ' . ($types[pathinfo($file, PATHINFO_EXTENSION)] ?? 'application/octet-stream'));
  readfile($file);
  return true;
}
$_SERVER['SCRIPT_FILENAME'] = $file;
$_SERVER['SCRIPT_NAME'] = $_SERVER['PHP_SELF'] = substr($file, strlen($root));
chdir(dirname($file));
require $file;
`;

/**
 * MariaDB on 127.0.0.1 in a fresh datadir under `dir`; root has no password.
 * @param {string} dir
 */
async function startMariaDb(dir) {
  const datadir = join(dir, 'mysql');
  const socket = join(dir, 'mysql.sock');
  const user = asRoot ? ['--user=root'] : [];
  run('mariadb-install-db', ['--no-defaults', `--datadir=${datadir}`, '--auth-root-authentication-method=normal', '--skip-test-db', ...user], { timeout: 120_000 });
  const port = await freePort();
  const server = launch('mariadbd', [
    '--no-defaults', `--datadir=${datadir}`, `--socket=${socket}`, `--port=${port}`, '--bind-address=127.0.0.1',
    '--skip-networking=0', `--pid-file=${join(dir, 'mysql.pid')}`, '--innodb-buffer-pool-size=32M', '--skip-log-bin', ...user,
  ]);
  await listening(port, server.child, server.output, 60_000);
  return { port, socket, server };
}

/**
 * @typedef {object} Site
 * @property {string} url            http://127.0.0.1:PORT, no trailing slash
 * @property {string} root           the docroot
 * @property {string} debugLog       PHP's notices and warnings (WP_DEBUG_LOG)
 * @property {(code: string) => string} php  runs PHP with WordPress loaded as the admin; returns what it prints
 * @property {() => Promise<void>} close
 */

/**
 * A fresh WordPress with the plugin zip installed (not yet activated) and `muPlugins` in
 * wp-content/mu-plugins ({ file name: PHP source }).
 * @param {{ zip: string, muPlugins?: Record<string, string>, multisite?: boolean }} options
 * @returns {Promise<Site>}
 */
export async function startWordPress({ zip, muPlugins = {}, multisite = false }) {
  const dir = await mkdtemp(join(tmpdir(), 'civic-wp-'));
  const closers = [() => rm(dir, { recursive: true, force: true })];
  const close = async () => {
    for (const closer of closers.reverse()) await closer();
  };
  try {
    const db = await startMariaDb(dir);
    closers.push(() => stop(db.server.child));
    run('mariadb', ['--no-defaults', `--socket=${db.socket}`, '-uroot', '-e', 'CREATE DATABASE wordpress CHARACTER SET utf8mb4']);

    const root = join(dir, 'wordpress');
    // Dereference: Debian links some of WordPress's files to other packages' copies.
    run('cp', ['-rL', '/usr/share/wordpress', root]);
    await rm(join(root, 'wp-config.php'), { force: true });
    await rm(join(root, '.htaccess'), { force: true });
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const debugLog = join(dir, 'debug.log');
    const salts = ['AUTH_KEY', 'SECURE_AUTH_KEY', 'LOGGED_IN_KEY', 'NONCE_KEY', 'AUTH_SALT', 'SECURE_AUTH_SALT', 'LOGGED_IN_SALT', 'NONCE_SALT']
      .map((name) => `define('${name}', '${randomBytes(24).toString('hex')}');`).join('\n');
    /** wp-config.php; a network names its main site instead of fixing every site's URL. @param {boolean} network */
    const config = (network) => writeFile(join(root, 'wp-config.php'), `<?php
define('DB_NAME', 'wordpress');
define('DB_USER', 'root');
define('DB_PASSWORD', '');
define('DB_HOST', '127.0.0.1:${db.port}');
define('DB_CHARSET', 'utf8mb4');
${salts}
$table_prefix = 'wp_';
${network ? `define('WP_ALLOW_MULTISITE', true);
define('MULTISITE', true);
define('SUBDOMAIN_INSTALL', false);
define('DOMAIN_CURRENT_SITE', '127.0.0.1:${port}');
define('PATH_CURRENT_SITE', '/');
define('SITE_ID_CURRENT_SITE', 1);
define('BLOG_ID_CURRENT_SITE', 1);` : `define('WP_HOME', '${url}');
define('WP_SITEURL', '${url}');`}
// Application Passwords without HTTPS.
define('WP_ENVIRONMENT_TYPE', 'local');
// No request leaves loopback: no update checks, no cron, no HTTP from PHP.
define('WP_HTTP_BLOCK_EXTERNAL', true);
define('AUTOMATIC_UPDATER_DISABLED', true);
define('DISABLE_WP_CRON', true);
define('WP_DEBUG', true);
define('WP_DEBUG_DISPLAY', false);
define('WP_DEBUG_LOG', '${debugLog}');
define('FS_METHOD', 'direct');
if (!defined('ABSPATH')) define('ABSPATH', __DIR__ . '/');
require_once ABSPATH . 'wp-settings.php';
`);
    await config(false);
    await mkdir(join(root, 'wp-content/mu-plugins'), { recursive: true });
    for (const [name, source] of Object.entries(muPlugins)) await writeFile(join(root, 'wp-content/mu-plugins', name), source);

    /**
     * Runs PHP with WordPress loaded, as a request to the site would; returns what it prints.
     * @param {string} code after wp-load.php
     * @param {string} [first] before it (constants)
     */
    const wpScript = (code, first = '') => {
      const script = join(dir, `cli-${randomBytes(4).toString('hex')}.php`);
      writeFileSync(script, `<?php\n${first}\n$_SERVER['HTTP_HOST'] = '127.0.0.1:${port}';\nrequire '${root}/wp-load.php';\n${code}\n`);
      try {
        return run('php', [script], { cwd: root });
      } catch (error) {
        // WordPress answers a fatal error with a page that says nothing: the log says what it was.
        const log = existsSync(debugLog) ? readFileSync(debugLog, 'utf8').split('\n').filter((line) => /PHP (Fatal|Warning|Parse)/.test(line)) : [];
        throw new Error(`${String(error).slice(0, 500)}…\n${log.slice(-5).join('\n')}`);
      }
    };
    /** @param {string} code */
    const php = (code) => wpScript(`require_once ABSPATH . 'wp-admin/includes/plugin.php';\nwp_set_current_user(1);\n${code}`);
    // The installer, as install.php would run it, without its form.
    wpScript(`require_once ABSPATH . 'wp-admin/includes/upgrade.php';
wp_install('Riverside Public Library', 'admin', 'admin@example.org', false, '', 'admin-password');`, "define('WP_INSTALLING', true);");
    if (multisite) {
      // What Tools → Network Setup does, then the constants it asks to add to wp-config.php.
      wpScript(`require_once ABSPATH . 'wp-admin/includes/upgrade.php';
update_option('siteurl', '${url}');
update_option('home', '${url}');
// As wp-admin/network.php does: name the network's tables before creating them.
foreach ($wpdb->tables('ms_global') as $table => $prefixed) $wpdb->$table = $prefixed;
install_network();
$result = populate_network(1, '127.0.0.1:${port}', 'admin@example.org', 'Riverside libraries', '/', false);
if (is_wp_error($result)) { fwrite(STDERR, $result->get_error_message()); exit(1); }`, "define('WP_INSTALLING_NETWORK', true);");
      await config(true);
    }
    // The zip, as Plugins → Add New → Upload Plugin installs it (WordPress's own unzip, PclZip
    // here, since Debian's PHP has no zip extension unless php-zip is installed).
    const installed = php(`require_once ABSPATH . 'wp-admin/includes/admin.php';
require_once ABSPATH . 'wp-admin/includes/class-wp-upgrader.php';
$upgrader = new Plugin_Upgrader(new Automatic_Upgrader_Skin());
$result = $upgrader->install('${zip}');
echo is_wp_error($result) ? $result->get_error_message() : json_encode($result);`);
    if (installed !== 'true') throw new Error(`the plugin zip did not install: ${installed}`);
    // WordPress's rewrite rules for a network in subdirectories (its .htaccess), for PHP's server.
    const router = join(dir, 'router.php');
    await writeFile(router, ROUTER);

    const web = launch('php', ['-S', `127.0.0.1:${port}`, '-t', root, router], { cwd: root, env: { ...process.env, PHP_CLI_SERVER_WORKERS: '2' } });
    closers.push(() => stop(web.child));
    await listening(port, web.child, web.output, 20_000);
    return { url, root, debugLog, php, close };
  } catch (error) {
    await close();
    throw error;
  }
}
