/**
 * Checking the form before anything is sent, and reading it into a submission. The browser's own
 * constraints (`required`, `type=email`, `maxlength`, number input) do the checking through
 * `checkValidity()`; the form has `novalidate`, so our summary speaks instead of the browser's
 * bubble (which cannot reach into a shadow root reliably and speaks the browser's language, not
 * the page's). A few rules go further than the platform: a name of only spaces is missing, an
 * email needs a dotted domain (as the server asks), and a group of checkboxes is "required" when
 * at least one must be ticked.
 */
import { RSVP_EMAIL as EMAIL } from '../feed/rsvp-limits.js';
import type { QuestionType } from '../feed/types.js';
import type { MessageKey, MessageValues } from '../shared/localize.js';
import type { RsvpAnswers } from './outbox/rsvp-client.js';

export type FieldKind = QuestionType;

/** One field of the form, as the checks and the summary know it. */
export interface FieldSpec {
  /** The controls' `name`, and the key of the field's error: `name`, `email`, `occurrence`, `accommodations`, `answers.<question id>`. */
  key: string;
  /** The DOM id the summary's link moves focus to (the first control of a group). */
  id: string;
  label: string;
  kind: FieldKind;
  required: boolean;
}

/** Why a field is not acceptable. */
export type Problem = 'missing' | 'email' | 'number' | 'too-long' | 'invalid';

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;


/** The controls of one field (several for radio and checkbox groups). */
export function controlsOf(form: HTMLFormElement, key: string): Control[] {
  return [...form.elements].filter(
    (el): el is Control =>
      (el instanceof HTMLInputElement || el instanceof HTMLSelectElement || el instanceof HTMLTextAreaElement) && el.name === key,
  );
}

/** The problem with one field, or undefined when it is fine. */
export function problemOf(form: HTMLFormElement, field: FieldSpec): Problem | undefined {
  const controls = controlsOf(form, field.key);
  if (!controls.length) return undefined;
  if (field.kind === 'radio' || field.kind === 'checkboxes' || field.kind === 'checkbox') {
    const checked = controls.some((c) => (c as HTMLInputElement).checked);
    return field.required && !checked ? 'missing' : undefined;
  }
  const control = controls[0]!;
  const value = control.value.trim();
  if (!value) {
    // A number input holding letters reports an empty value and `badInput`.
    if (control instanceof HTMLInputElement && control.validity.badInput) return 'number';
    return field.required ? 'missing' : undefined;
  }
  if (control.checkValidity()) {
    return field.kind === 'email' && !EMAIL.test(value) ? 'email' : undefined;
  }
  const validity = control.validity;
  if (validity.typeMismatch && field.kind === 'email') return 'email';
  if (validity.badInput || validity.stepMismatch || (validity.typeMismatch && field.kind === 'number')) return 'number';
  if (validity.tooLong) return 'too-long';
  return 'invalid';
}

/** Every field's problem, in the form's order. */
export function validateForm(form: HTMLFormElement, fields: FieldSpec[]): Map<string, Problem> {
  const problems = new Map<string, Problem>();
  for (const field of fields) {
    const problem = problemOf(form, field);
    if (problem) problems.set(field.key, problem);
  }
  return problems;
}

/** What the visitor entered, trimmed; empty answers are left out. */
export interface FormValues {
  name: string;
  email: string;
  occurrence?: string;
  answers: RsvpAnswers;
  accommodations: string;
}

/** Reads the form. A single checkbox answers `yes` or `no`; a group of checkboxes, the ticked options. */
export function readForm(form: HTMLFormElement, fields: FieldSpec[]): FormValues {
  const data = new FormData(form);
  const text = (key: string) => String(data.get(key) ?? '').trim();
  const answers: RsvpAnswers = {};
  for (const field of fields) {
    if (!field.key.startsWith('answers.')) continue;
    const id = field.key.slice('answers.'.length);
    if (field.kind === 'checkboxes') {
      const chosen = data.getAll(field.key).map(String);
      if (chosen.length) answers[id] = chosen;
    } else if (field.kind === 'checkbox') {
      answers[id] = data.has(field.key) ? 'yes' : 'no';
    } else {
      const value = text(field.key);
      if (value) answers[id] = value;
    }
  }
  const values: FormValues = { name: text('name'), email: text('email'), answers, accommodations: text('accommodations') };
  const occurrence = text('occurrence');
  if (occurrence) values.occurrence = occurrence;
  return values;
}

/** What to tell the visitor about a problem, in their language. */
export function problemMessage(
  field: FieldSpec,
  problem: Problem,
  i18n: { t(key: MessageKey, values?: MessageValues): string },
): string {
  const label = field.label;
  if (problem === 'too-long') return i18n.t('rsvpErrorTooLong', { label });
  switch (field.key) {
    case 'name':
      return i18n.t('rsvpErrorName');
    case 'email':
      return i18n.t(problem === 'missing' ? 'rsvpErrorEmail' : 'rsvpErrorEmailFormat');
    case 'occurrence':
      return i18n.t('rsvpErrorDate');
  }
  switch (problem) {
    case 'email':
      return i18n.t('rsvpErrorEmailFormat');
    case 'number':
      return i18n.t('rsvpErrorNumber', { label });
    case 'missing':
      if (field.kind === 'checkbox') return i18n.t('rsvpErrorCheck', { label });
      if (field.kind === 'select' || field.kind === 'radio' || field.kind === 'checkboxes') return i18n.t('rsvpErrorChoose', { label });
      return i18n.t('rsvpErrorAnswer', { label });
    default:
      return i18n.t('rsvpErrorInvalid', { label });
  }
}
