<?php
/**
 * Lets the `data-civic` div and its options through the post filter, so an Author (who has no
 * unfiltered_html) can paste one. WordPress 5.0+ already keeps `data-*` on allowed tags; naming
 * them here keeps that true should a site narrow its allowed HTML.
 *
 * @package CivicWidgets
 */

defined( 'ABSPATH' ) || exit;

add_filter(
	'wp_kses_allowed_html',
	function ( $tags, $context ) {
		if ( 'post' !== $context || ! isset( $tags['div'] ) || ! is_array( $tags['div'] ) ) {
			return $tags;
		}
		$tags['div']['data-civic'] = true;
		foreach ( array_keys( civic_widgets_elements() ) as $name ) {
			foreach ( array_keys( civic_widgets_element_attributes( $name ) ) as $attribute ) {
				$tags['div'][ 'data-' . $attribute ] = true;
			}
		}
		return $tags;
	},
	10,
	2
);
