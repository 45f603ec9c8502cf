<?php
/**
 * The elements the plugin offers, and their attributes. The attributes come from each block's
 * block.json, which the build writes from the elements' custom-elements manifest, so the blocks,
 * the shortcodes and the allowed `data-*` names cannot drift from the elements.
 *
 * @package CivicWidgets
 */

defined( 'ABSPATH' ) || exit;

/**
 * Element name (the `data-civic` value, the tag without `civic-`) => its shortcode.
 *
 * @return array<string, string>
 */
function civic_widgets_elements() {
	return array(
		'event-calendar'  => 'civic_calendar',
		'rsvp-form'       => 'civic_rsvp',
		'group-finder'    => 'civic_groups',
		'resource-list'   => 'civic_resources',
		'inspiration-map' => 'civic_map',
	);
}

/**
 * The block.json of one element, read once.
 *
 * @param string $name Element name, e.g. `event-calendar`.
 * @return array<string, mixed>
 */
function civic_widgets_block_metadata( $name ) {
	static $cache = array();
	if ( ! isset( $cache[ $name ] ) ) {
		$file             = CIVIC_WIDGETS_DIR . '/blocks/' . $name . '/block.json';
		$json             = is_readable( $file ) ? json_decode( (string) file_get_contents( $file ), true ) : null; // phpcs:ignore WordPress.WP.AlternativeFunctions.file_get_contents_file_get_contents -- a local file.
		$cache[ $name ] = is_array( $json ) ? $json : array();
	}
	return $cache[ $name ];
}

/**
 * The element's HTML attributes (kebab-case) => the block attribute (camelCase) and its schema.
 *
 * @param string $name Element name.
 * @return array<string, array{key: string, schema: array<string, mixed>}>
 */
function civic_widgets_element_attributes( $name ) {
	$meta  = civic_widgets_block_metadata( $name );
	$attrs = array();
	foreach ( (array) ( $meta['attributes'] ?? array() ) as $key => $schema ) {
		if ( empty( $schema['civicAttribute'] ) ) {
			continue; // className and other block-only attributes.
		}
		$attrs[ $schema['civicAttribute'] ] = array(
			'key'    => $key,
			'schema' => $schema,
		);
	}
	return $attrs;
}
