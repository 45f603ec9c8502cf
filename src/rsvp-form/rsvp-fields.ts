/**
 * The form's fields: name, email, the event's questions (every type the contract names) and the
 * access-needs field, each labelled, with its help and its error tied to it by `aria-describedby`.
 * The controls are not bound to state: the browser keeps what the visitor typed across renders.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Question } from '../feed/types.js';
import type { FieldSpec } from './rsvp-validation.js';

/** Text for the parts every field shares. */
export interface FieldTexts {
  required: string;
  errorPrefix: string;
  choose: string;
}

/** How one field is drawn. */
export interface FieldOptions {
  error?: string;
  help?: string;
  choices?: { value: string; label: string; selected?: boolean }[];
  autocomplete?: string;
  maxlength?: number;
  texts: FieldTexts;
}

const CHOICE_KINDS = new Set(['select', 'radio', 'checkboxes']);
const KNOWN_KINDS = new Set(['text', 'textarea', 'email', 'tel', 'number', 'select', 'radio', 'checkbox', 'checkboxes']);

/** The field for one of the event's questions; a choice question without options becomes a text field. */
export function questionField(question: Question, index: number): FieldSpec {
  let kind = KNOWN_KINDS.has(question.type) ? question.type : 'text';
  if (CHOICE_KINDS.has(kind) && !question.options?.length) kind = 'text';
  return { key: `answers.${question.id}`, id: `rsvp-q${index}`, label: question.label, kind, required: !!question.required };
}

/** Ids of the help and error texts that describe a field, or undefined when it has none. */
function describedBy(field: FieldSpec, options: FieldOptions): string | undefined {
  const ids = [options.help ? `${field.id}-help` : '', options.error ? `${field.id}-error` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

function labelText(field: FieldSpec, options: FieldOptions): TemplateResult {
  // A question's label comes from the feed: it reads in its own direction.
  return html`<bdi>${field.label}</bdi>${field.required ? html` <span class="required">${options.texts.required}</span>` : nothing}`;
}

function extras(field: FieldSpec, options: FieldOptions): TemplateResult {
  return html`${options.help ? html`<p id="${field.id}-help" class="help" part="help"><bdi>${options.help}</bdi></p>` : nothing}${
    options.error
      ? html`<p id="${field.id}-error" class="field-error" part="field-error">
          <span class="visually-hidden">${options.texts.errorPrefix}</span> ${options.error}
        </p>`
      : nothing
  }`;
}

/** Draws a field of any kind. */
export function renderField(field: FieldSpec, options: FieldOptions): TemplateResult {
  switch (field.kind) {
    case 'radio':
    case 'checkboxes':
      return renderGroup(field, options);
    case 'checkbox':
      return renderCheckbox(field, options);
    default:
      return renderSingle(field, options);
  }
}

function renderSingle(field: FieldSpec, options: FieldOptions): TemplateResult {
  const invalid = options.error ? 'true' : undefined;
  const described = describedBy(field, options);
  let control: TemplateResult;
  if (field.kind === 'textarea') {
    control = html`<textarea
      id=${field.id}
      name=${field.key}
      rows="3"
      part="input"
      ?required=${field.required}
      maxlength=${ifDefined(options.maxlength)}
      autocomplete=${ifDefined(options.autocomplete)}
      aria-invalid=${ifDefined(invalid)}
      aria-describedby=${ifDefined(described)}
    ></textarea>`;
  } else if (field.kind === 'select') {
    control = html`<select
      id=${field.id}
      name=${field.key}
      part="input"
      ?required=${field.required}
      autocomplete=${ifDefined(options.autocomplete)}
      aria-invalid=${ifDefined(invalid)}
      aria-describedby=${ifDefined(described)}
    >
      <option value="">${options.texts.choose}</option>
      ${(options.choices ?? []).map((c) => html`<option value=${c.value} ?selected=${!!c.selected}>${c.label}</option>`)}
    </select>`;
  } else {
    control = html`<input
      id=${field.id}
      name=${field.key}
      type=${field.kind}
      part="input"
      ?required=${field.required}
      step=${ifDefined(field.kind === 'number' ? 'any' : undefined)}
      maxlength=${ifDefined(options.maxlength)}
      autocomplete=${ifDefined(options.autocomplete)}
      aria-invalid=${ifDefined(invalid)}
      aria-describedby=${ifDefined(described)}
    />`;
  }
  return html`<div class="field" part="field" ?data-invalid=${!!options.error}>
    <label for=${field.id} part="label">${labelText(field, options)}</label>
    ${extras(field, options)} ${control}
  </div>`;
}

function renderCheckbox(field: FieldSpec, options: FieldOptions): TemplateResult {
  return html`<div class="field" part="field" ?data-invalid=${!!options.error}>
    ${extras(field, options)}
    <div class="choice">
      <input
        id=${field.id}
        name=${field.key}
        type="checkbox"
        value="yes"
        ?required=${field.required}
        aria-invalid=${ifDefined(options.error ? 'true' : undefined)}
        aria-describedby=${ifDefined(describedBy(field, options))}
      />
      <label for=${field.id}>${labelText(field, options)}</label>
    </div>
  </div>`;
}

/** Radios and checkbox groups: a fieldset whose legend is the question. */
function renderGroup(field: FieldSpec, options: FieldOptions): TemplateResult {
  const type = field.kind === 'radio' ? 'radio' : 'checkbox';
  const invalid = options.error ? 'true' : undefined;
  const described = describedBy(field, options);
  return html`<fieldset
    class="field group"
    part="field"
    ?data-invalid=${!!options.error}
    aria-describedby=${ifDefined(described)}
  >
    <legend part="label">${labelText(field, options)}</legend>
    ${extras(field, options)}
    ${(options.choices ?? []).map(
      (choice, i) => html`<div class="choice">
        <input
          id=${i === 0 ? field.id : `${field.id}-${i}`}
          name=${field.key}
          type=${type}
          value=${choice.value}
          ?required=${field.required && type === 'radio'}
          aria-invalid=${ifDefined(invalid)}
        />
        <label for=${i === 0 ? field.id : `${field.id}-${i}`}><bdi>${choice.label}</bdi></label>
      </div>`,
    )}
  </fieldset>`;
}
