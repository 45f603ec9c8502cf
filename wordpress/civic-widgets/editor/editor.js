/**
 * The blocks in the editor, as plain JavaScript against the wp.* globals (no build step). Each
 * block's attributes come from its block.json, which WordPress hands the editor; the sidebar
 * builds one control per attribute from that schema: a toggle for a boolean, a menu for a fixed
 * set of values, a text field for the rest. The page shows the widget; the editor shows a summary.
 */
(function (wp) {
  'use strict';
  var el = wp.element.createElement;
  var __ = wp.i18n.__;
  var blockEditor = wp.blockEditor;
  var components = wp.components;

  /** The block names; their definitions come from the server (block.json). */
  var NAMES = ['event-calendar', 'rsvp-form', 'group-finder', 'resource-list', 'inspiration-map'];
  var PANELS = [
    { id: 'feed', title: __('Feed', 'civic-widgets') },
    { id: 'settings', title: __('Settings', 'civic-widgets') },
    { id: 'language', title: __('Language', 'civic-widgets') },
  ];

  function control(key, schema, props) {
    var value = props.attributes[key];
    var set = function (next) {
      var change = {};
      change[key] = next === '' ? undefined : next;
      props.setAttributes(change);
    };
    if (schema.type === 'boolean') {
      return el(components.ToggleControl, { key: key, label: schema.civicLabel, help: schema.civicHelp, checked: Boolean(value), onChange: set });
    }
    if (schema.enum) {
      var options = [{ label: __('Default', 'civic-widgets'), value: '' }].concat(
        schema.enum.map(function (v) { return { label: v, value: v }; })
      );
      return el(components.SelectControl, { key: key, label: schema.civicLabel, help: schema.civicHelp, value: value || '', options: options, onChange: set });
    }
    return el(components.TextControl, {
      key: key,
      label: schema.civicLabel,
      help: schema.civicHelp,
      type: schema.civicKind === 'url' ? 'url' : schema.type === 'number' ? 'number' : 'text',
      value: value === undefined ? '' : String(value),
      onChange: function (next) { set(schema.type === 'number' && next !== '' ? Number(next) : next); },
    });
  }

  function edit(name) {
    return function (props) {
      var blockType = wp.blocks.getBlockType('civic-widgets/' + name);
      var attributes = (blockType && blockType.attributes) || {};
      var panels = PANELS.map(function (panel) {
        var controls = Object.keys(attributes)
          .filter(function (key) { return attributes[key].civicPanel === panel.id; })
          .map(function (key) { return control(key, attributes[key], props); });
        return controls.length ? el(components.PanelBody, { key: panel.id, title: panel.title, initialOpen: panel.id !== 'language' }, controls) : null;
      });
      var src = props.attributes.src;
      return el(
        'div',
        blockEditor.useBlockProps(),
        el(blockEditor.InspectorControls, null, panels),
        el(components.Placeholder, {
          icon: blockType && blockType.icon ? blockType.icon.src : undefined,
          label: blockType ? blockType.title : name,
          instructions: src
            ? __('Feed:', 'civic-widgets') + ' ' + src
            : __('The site’s default feed (Settings → Civic widgets), unless you set one in the sidebar.', 'civic-widgets'),
        })
      );
    };
  }

  NAMES.forEach(function (name) {
    // Title, icon and attributes come from the server's copy of block.json.
    wp.blocks.registerBlockType('civic-widgets/' + name, {
      edit: edit(name),
      save: function () { return null; }, // dynamic: rendered by the server
    });
  });
})(window.wp);
