<?php
/**
 * Plugin Name:       Civic widgets
 * Plugin URI:        https://github.com/civic-widgets/civic-widgets
 * Description:       Event calendar, RSVP form, group finder, resource list and inspiration map for a library's civic-data programmes, as blocks and shortcodes. The widgets are served from this site: no CDN, no third-party request.
 * Version:           0.1.0
 * Requires at least: 6.1
 * Requires PHP:      7.4
 * License:           MIT
 * License URI:       https://opensource.org/licenses/MIT
 * Text Domain:       civic-widgets
 *
 * MIT is compatible with the GPL (version 2 or later), as WordPress asks of plugins.
 * Not marked "Network: true": a network may activate it for every site, or a site alone;
 * either way each site keeps its own settings.
 *
 * @package CivicWidgets
 */

defined( 'ABSPATH' ) || exit;

// The build (scripts/build-wordpress.mjs) writes package.json's version here and in the header.
define( 'CIVIC_WIDGETS_VERSION', '0.1.0' );
define( 'CIVIC_WIDGETS_FILE', __FILE__ );
define( 'CIVIC_WIDGETS_DIR', __DIR__ );

require_once __DIR__ . '/includes/elements.php';
require_once __DIR__ . '/includes/settings.php';
require_once __DIR__ . '/includes/render.php';
require_once __DIR__ . '/includes/assets.php';
require_once __DIR__ . '/includes/blocks.php';
require_once __DIR__ . '/includes/shortcodes.php';
require_once __DIR__ . '/includes/kses.php';
