<?php
/**
 * The widgets' script: the built bundle in assets/ (its chunks beside it), served by this site.
 * It is printed only on pages that show a widget, as a module, with the plugin's version in its
 * URL, and nothing inline, so a `script-src 'self'` policy lets it run.
 *
 * @package CivicWidgets
 */

defined( 'ABSPATH' ) || exit;

const CIVIC_WIDGETS_HANDLE = 'civic-widgets';

add_action(
	'init',
	function () {
		wp_register_script( CIVIC_WIDGETS_HANDLE, plugins_url( 'assets/civic-widgets.js', CIVIC_WIDGETS_FILE ), array(), CIVIC_WIDGETS_VERSION, true );
	}
);

/** Asks for the script on this page; blocks, shortcodes and pasted `data-civic` divs call it. */
function civic_widgets_enqueue() {
	wp_enqueue_script( CIVIC_WIDGETS_HANDLE );
}

// WordPress 6.1 has no wp_enqueue_script_module(): make our tag a module here. The chunks load
// relative to the entry's URL, so they come from the same folder.
add_filter(
	'script_loader_tag',
	function ( $tag, $handle ) {
		if ( CIVIC_WIDGETS_HANDLE !== $handle ) {
			return $tag;
		}
		$tag = preg_replace( '/\stype=([\'"])text\/javascript\1/', '', $tag );
		return preg_replace( '/<script\b/', '<script type="module"', $tag, 1 );
	},
	10,
	2
);

// A `data-civic` div pasted into a post (an Author cannot add the script tag) needs the script too.
add_filter(
	'the_content',
	function ( $content ) {
		if ( is_string( $content ) && false !== strpos( $content, 'data-civic' ) ) {
			civic_widgets_enqueue();
		}
		return $content;
	},
	1
);
