<?php
/**
 * One dynamic block per element (`civic-widgets/event-calendar`, …): the post stores only the
 * block comment and its attributes, and the element is printed at view time, so the markup
 * survives an Author's kses filter and follows the plugin's updates.
 *
 * @package CivicWidgets
 */

defined( 'ABSPATH' ) || exit;

add_action(
	'init',
	function () {
		// Plain JavaScript against the wp.* globals: no build step for the editor.
		wp_register_script(
			'civic-widgets-editor',
			plugins_url( 'editor/editor.js', CIVIC_WIDGETS_FILE ),
			array( 'wp-blocks', 'wp-element', 'wp-block-editor', 'wp-components', 'wp-i18n' ),
			CIVIC_WIDGETS_VERSION,
			true
		);
		foreach ( array_keys( civic_widgets_elements() ) as $name ) {
			register_block_type(
				CIVIC_WIDGETS_DIR . '/blocks/' . $name,
				array(
					'render_callback' => function ( $attributes ) use ( $name ) {
						$values = array();
						foreach ( civic_widgets_element_attributes( $name ) as $attribute => $spec ) {
							if ( isset( $attributes[ $spec['key'] ] ) ) {
								$values[ $attribute ] = $attributes[ $spec['key'] ];
							}
						}
						return civic_widgets_render( $name, $values, get_block_wrapper_attributes() );
					},
				)
			);
		}
	}
);
