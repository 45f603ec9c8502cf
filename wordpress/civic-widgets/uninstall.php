<?php
/**
 * Deleting the plugin deletes its settings, on every site of a network.
 *
 * @package CivicWidgets
 */

defined( 'WP_UNINSTALL_PLUGIN' ) || exit;

if ( is_multisite() ) {
	foreach ( get_sites( array( 'fields' => 'ids', 'number' => 0 ) ) as $civic_widgets_site ) {
		delete_blog_option( $civic_widgets_site, 'civic_widgets_settings' );
	}
} else {
	delete_option( 'civic_widgets_settings' );
}
