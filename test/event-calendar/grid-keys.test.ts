import { expect } from 'chai';
import { dayForKey } from '../../src/event-calendar/grid-keys.js';
import { dayText } from '../../src/event-calendar/period.js';
import { parseDay } from '../../src/event-calendar/calendar-state.js';

const from = (key: string, start: string, options: { rtl?: boolean; ctrlKey?: boolean; shiftKey?: boolean; firstDay?: number } = {}) => {
  const next = dayForKey({ key, ctrlKey: options.ctrlKey, shiftKey: options.shiftKey }, parseDay(start)!, options.firstDay ?? 1, options.rtl ?? false);
  return next === undefined ? undefined : dayText(next);
};

describe('calendar grid keys', () => {
  it('moves a day with the arrows, mirrored right to left, and a week up and down', () => {
    expect(from('ArrowRight', '2026-03-04')).to.equal('2026-03-05');
    expect(from('ArrowRight', '2026-03-04', { rtl: true })).to.equal('2026-03-03');
    expect(from('ArrowLeft', '2026-03-01')).to.equal('2026-02-28');
    expect(from('ArrowDown', '2026-03-28')).to.equal('2026-04-04');
    expect(from('ArrowUp', '2026-03-04')).to.equal('2026-02-25');
  });

  it('goes to the week’s ends with Home and End (the month’s with Ctrl), from the locale’s first day', () => {
    expect(from('Home', '2026-03-04')).to.equal('2026-03-02'); // weeks from Monday
    expect(from('Home', '2026-03-04', { firstDay: 0 })).to.equal('2026-03-01'); // weeks from Sunday
    expect(from('End', '2026-03-04')).to.equal('2026-03-08');
    expect(from('Home', '2026-03-18', { ctrlKey: true })).to.equal('2026-03-01');
    expect(from('End', '2026-02-10', { ctrlKey: true })).to.equal('2026-02-28');
  });

  it('moves a month with PageUp and PageDown (a year with Shift), and ignores other keys', () => {
    expect(from('PageDown', '2026-01-31')).to.equal('2026-02-28');
    expect(from('PageUp', '2026-03-15')).to.equal('2026-02-15');
    expect(from('PageDown', '2024-02-29', { shiftKey: true })).to.equal('2025-02-28');
    expect(from('Enter', '2026-03-04')).to.equal(undefined);
  });
});
