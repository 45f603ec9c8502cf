<?php
/**
 * One element's HTML from its attributes: what blocks and shortcodes both print. Unknown
 * attributes are dropped, every value is checked against the attribute's kind and escaped, and
 * the site's defaults (feed, RSVP endpoint, language) fill what the author left out.
 *
 * @package CivicWidgets
 */

defined( 'ABSPATH' ) || exit;

/**
 * The element's markup; also enqueues the widgets' script for this page.
 *
 * @param string               $name   Element name, e.g. `event-calendar`.
 * @param array<string, mixed> $values HTML attribute name (kebab-case) => value, as the author gave them.
 * @param string               $extra  Attributes the block editor adds (class, alignment), already escaped.
 * @return string
 */
function civic_widgets_render( $name, array $values, $extra = '' ) {
	$known = civic_widgets_element_attributes( $name );
	$clean = array();
	foreach ( $values as $attribute => $value ) {
		$attribute = strtolower( (string) $attribute );
		if ( isset( $known[ $attribute ] ) ) {
			$checked = civic_widgets_check_value( $value, $known[ $attribute ]['schema'] );
			if ( null !== $checked ) {
				$clean[ $attribute ] = $checked;
			}
		}
	}
	$clean = civic_widgets_with_defaults( $name, $clean );

	$html = '';
	foreach ( $clean as $attribute => $value ) {
		$html .= true === $value ? ' ' . $attribute : sprintf( ' %s="%s"', $attribute, $value );
	}
	if ( '' !== $extra ) {
		$html .= ' ' . $extra;
	}
	civic_widgets_enqueue();
	$tag = 'civic-' . $name;
	return sprintf( '<%1$s%2$s></%1$s>', $tag, $html );
}

/**
 * A value checked against its block.json schema, escaped for an attribute; null drops it.
 *
 * @param mixed                $value  As given (a shortcode gives strings, a block typed values).
 * @param array<string, mixed> $schema The attribute's block.json entry.
 * @return string|true|null
 */
function civic_widgets_check_value( $value, array $schema ) {
	$type = $schema['type'] ?? 'string';
	if ( 'boolean' === $type ) {
		$on = true === $value || in_array( strtolower( trim( (string) $value ) ), array( '', '1', 'true', 'yes', 'on' ), true );
		return $on ? true : null;
	}
	if ( ! is_scalar( $value ) ) {
		return null;
	}
	$value = trim( (string) $value );
	if ( '' === $value ) {
		return null;
	}
	if ( 'number' === $type || 'integer' === $type ) {
		return is_numeric( $value ) ? (string) ( 0 + $value ) : null;
	}
	if ( isset( $schema['enum'] ) && ! in_array( $value, (array) $schema['enum'], true ) ) {
		return null;
	}
	$kind = $schema['civicKind'] ?? 'text';
	if ( 'url' === $kind ) {
		$url = esc_url( $value, array( 'http', 'https' ) );
		return '' === $url ? null : $url;
	}
	if ( 'url-template' === $kind ) {
		// `{z}/{x}/{y}` would not survive esc_url: check the scheme, escape as text.
		return preg_match( '#^(https?:)?//|^/#i', $value ) ? esc_attr( $value ) : null;
	}
	return esc_attr( $value );
}

/**
 * Fills the feed, the RSVP endpoint and the language from the site when the author gave none.
 *
 * @param string                    $name  Element name.
 * @param array<string, string|true> $clean Checked, escaped attributes.
 * @return array<string, string|true>
 */
function civic_widgets_with_defaults( $name, array $clean ) {
	$known = civic_widgets_element_attributes( $name );
	if ( isset( $known['src'] ) && ! isset( $clean['src'] ) ) {
		$feed = civic_widgets_default_feed();
		if ( $feed ) {
			$clean['src'] = esc_url( $feed['url'], array( 'http', 'https' ) );
			if ( isset( $feed['format'], $known['format'] ) && ! isset( $clean['format'] ) ) {
				$clean['format'] = esc_attr( $feed['format'] );
			}
		}
	}
	if ( isset( $known['endpoint'] ) && ! isset( $clean['endpoint'] ) ) {
		$endpoint = civic_widgets_setting( 'rsvp_endpoint' );
		if ( '' !== $endpoint ) {
			$clean['endpoint'] = esc_url( $endpoint, array( 'http', 'https' ) );
		}
	}
	if ( ! isset( $clean['locale'] ) ) {
		$clean['lang'] = esc_attr( civic_widgets_site_language() );
	}
	return $clean;
}

/**
 * The site's language as BCP 47 (`es_ES` → `es-ES`, `de_DE_formal` → `de-DE`): the widgets take
 * their words from the language and their date formats from the region.
 *
 * @return string
 */
function civic_widgets_site_language() {
	$parts = explode( '_', get_locale() );
	$lang  = strtolower( $parts[0] );
	if ( isset( $parts[1] ) && preg_match( '/^([A-Za-z]{2}|[0-9]{3})$/', $parts[1] ) ) {
		$lang .= '-' . strtoupper( $parts[1] );
	}
	return $lang;
}
