<?php
/**
 * Settings → Civic widgets: the feed and the RSVP endpoint that blocks and shortcodes use when they
 * name none. One option per site, so on a network each site keeps its own.
 *
 * @package CivicWidgets
 */

defined( 'ABSPATH' ) || exit;

const CIVIC_WIDGETS_OPTION = 'civic_widgets_settings';

/** The Events Calendar's REST route on this site, which the widgets' `tribe` format reads. */
const CIVIC_WIDGETS_TRIBE_ROUTE = 'tribe/events/v1/events';

/**
 * One saved setting, or ''.
 *
 * @param string $key `feed_source` (`url` or `tribe`), `feed_url` or `rsvp_endpoint`.
 * @return string
 */
function civic_widgets_setting( $key ) {
	$saved = get_option( CIVIC_WIDGETS_OPTION, array() );
	return is_array( $saved ) && isset( $saved[ $key ] ) ? (string) $saved[ $key ] : '';
}

/** Whether The Events Calendar is active on this site. */
function civic_widgets_has_tribe() {
	return class_exists( 'Tribe__Events__Main' );
}

/**
 * The feed a widget without `src` reads: The Events Calendar's REST API on this site when chosen
 * (and still active), else the saved URL; null when there is neither.
 *
 * @return array{url: string, format?: string}|null
 */
function civic_widgets_default_feed() {
	if ( 'tribe' === civic_widgets_setting( 'feed_source' ) && civic_widgets_has_tribe() ) {
		return array(
			'url'    => rest_url( CIVIC_WIDGETS_TRIBE_ROUTE ),
			'format' => 'tribe',
		);
	}
	$url = civic_widgets_setting( 'feed_url' );
	return '' === $url ? null : array( 'url' => $url );
}

/**
 * Checks what the settings form sent; a bad URL is refused with a notice and the old value kept.
 *
 * @param mixed $input The submitted array.
 * @return array<string, string>
 */
function civic_widgets_sanitize_settings( $input ) {
	$input = is_array( $input ) ? $input : array();
	$clean = array(
		'feed_source' => isset( $input['feed_source'] ) && 'tribe' === $input['feed_source'] ? 'tribe' : 'url',
	);
	$labels = array(
		'feed_url'      => __( 'Default feed URL', 'civic-widgets' ),
		'rsvp_endpoint' => __( 'Default RSVP endpoint', 'civic-widgets' ),
	);
	foreach ( $labels as $key => $label ) {
		$given = isset( $input[ $key ] ) ? trim( (string) wp_unslash( $input[ $key ] ) ) : '';
		$url   = '' === $given ? '' : esc_url_raw( $given, array( 'http', 'https' ) );
		if ( '' !== $given && '' === $url ) {
			/* translators: %s: the setting's label */
			add_settings_error( CIVIC_WIDGETS_OPTION, $key, sprintf( __( '%s: give an http or https address.', 'civic-widgets' ), $label ) );
			$url = civic_widgets_setting( $key );
		}
		$clean[ $key ] = $url;
	}
	return $clean;
}

add_action(
	'admin_init',
	function () {
		register_setting(
			'civic_widgets',
			CIVIC_WIDGETS_OPTION,
			array(
				'type'              => 'array',
				'sanitize_callback' => 'civic_widgets_sanitize_settings',
				'default'           => array(),
			)
		);
		add_settings_section( 'civic_widgets_defaults', __( 'Defaults', 'civic-widgets' ), 'civic_widgets_section_intro', 'civic-widgets' );
		if ( civic_widgets_has_tribe() ) {
			add_settings_field( 'feed_source', __( 'Default feed', 'civic-widgets' ), 'civic_widgets_field_source', 'civic-widgets', 'civic_widgets_defaults' );
		}
		add_settings_field( 'feed_url', __( 'Default feed URL', 'civic-widgets' ), 'civic_widgets_field_url', 'civic-widgets', 'civic_widgets_defaults', array( 'key' => 'feed_url', 'label_for' => 'civic-widgets-feed_url' ) );
		add_settings_field( 'rsvp_endpoint', __( 'Default RSVP endpoint', 'civic-widgets' ), 'civic_widgets_field_url', 'civic-widgets', 'civic_widgets_defaults', array( 'key' => 'rsvp_endpoint', 'label_for' => 'civic-widgets-rsvp_endpoint' ) );
	}
);

add_action(
	'admin_menu',
	function () {
		add_options_page( __( 'Civic widgets', 'civic-widgets' ), __( 'Civic widgets', 'civic-widgets' ), 'manage_options', 'civic-widgets', 'civic_widgets_settings_page' );
	}
);

/** The section's one line of help. */
function civic_widgets_section_intro() {
	echo '<p>' . esc_html__( 'Used by every block and shortcode that names no feed or endpoint of its own.', 'civic-widgets' ) . '</p>';
}

/** The choice between The Events Calendar on this site and a feed URL. */
function civic_widgets_field_source() {
	$source = civic_widgets_setting( 'feed_source' );
	$name   = CIVIC_WIDGETS_OPTION . '[feed_source]';
	echo '<fieldset><legend class="screen-reader-text">' . esc_html__( 'Default feed', 'civic-widgets' ) . '</legend>';
	printf(
		'<label><input type="radio" name="%1$s" value="tribe" %2$s> %3$s <code>%4$s</code></label><br>',
		esc_attr( $name ),
		checked( $source, 'tribe', false ),
		esc_html__( 'The Events Calendar on this site:', 'civic-widgets' ),
		esc_html( rest_url( CIVIC_WIDGETS_TRIBE_ROUTE ) )
	);
	printf(
		'<label><input type="radio" name="%1$s" value="url" %2$s> %3$s</label>',
		esc_attr( $name ),
		checked( 'tribe' !== $source, true, false ),
		esc_html__( 'The feed URL below', 'civic-widgets' )
	);
	echo '</fieldset>';
}

/**
 * A URL field.
 *
 * @param array{key: string} $args Which setting.
 */
function civic_widgets_field_url( $args ) {
	$help = array(
		'feed_url'      => __( 'A civic feed (JSON), an iCalendar file, or any source the widgets read.', 'civic-widgets' ),
		'rsvp_endpoint' => __( 'Where RSVP forms send registrations unless a block names its own. It takes the place of the endpoint in the feed\'s events: leave it empty to use theirs.', 'civic-widgets' ),
	);
	printf(
		'<input type="url" class="regular-text code" id="civic-widgets-%1$s" name="%2$s[%1$s]" value="%3$s" aria-describedby="civic-widgets-%1$s-help"><p class="description" id="civic-widgets-%1$s-help">%4$s</p>',
		esc_attr( $args['key'] ),
		esc_attr( CIVIC_WIDGETS_OPTION ),
		esc_attr( civic_widgets_setting( $args['key'] ) ),
		esc_html( $help[ $args['key'] ] )
	);
}

/** The page: settings_fields() prints the nonce and options.php checks it and the capability. */
function civic_widgets_settings_page() {
	if ( ! current_user_can( 'manage_options' ) ) {
		return;
	}
	echo '<div class="wrap"><h1>' . esc_html( get_admin_page_title() ) . '</h1><form action="options.php" method="post">';
	settings_fields( 'civic_widgets' );
	do_settings_sections( 'civic-widgets' );
	submit_button();
	echo '</form></div>';
}
