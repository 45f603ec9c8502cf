<?php
/**
 * The classic editor's shortcodes, one per element: `[civic_calendar src="…" view="list"]`. Their
 * attributes are the element's HTML attribute names; a bare name (`[civic_calendar no-seo]`)
 * turns a boolean on.
 *
 * @package CivicWidgets
 */

defined( 'ABSPATH' ) || exit;

add_action(
	'init',
	function () {
		foreach ( civic_widgets_elements() as $name => $shortcode ) {
			add_shortcode(
				$shortcode,
				function ( $atts ) use ( $name ) {
					$values = array();
					foreach ( (array) $atts as $key => $value ) {
						if ( is_int( $key ) ) {
							$values[ strtolower( (string) $value ) ] = true; // a bare attribute name.
						} else {
							$values[ $key ] = $value;
						}
					}
					return civic_widgets_render( $name, $values );
				}
			);
		}
	}
);
