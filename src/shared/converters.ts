import type { ComplexAttributeConverter } from 'lit';

/** `topics="housing, environment"` ⇄ `['housing', 'environment']`. */
export const listConverter: ComplexAttributeConverter<string[]> = {
  fromAttribute(value: string | null): string[] {
    return (value ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  },
  toAttribute(value: string[]): string {
    return value.join(',');
  },
};
