import { expect } from 'chai';
import { html, LitElement } from 'lit';
import { OccurrencesController } from '../../src/shared/occurrences-controller.js';

interface Call {
  question: readonly [string];
  signal: AbortSignal;
  resolve(value: string): void;
  reject(error: Error): void;
}

/** A host whose answers the test hands over when it wants, in any order; it shows what it has. */
class AnswersProbe extends LitElement {
  calls: Call[] = [];
  question = 'a';
  readonly answers = new OccurrencesController<readonly [string], string>(
    this,
    (question, signal) =>
      new Promise<string>((resolve, reject) => {
        this.calls.push({ question, signal, resolve, reject });
      }),
  );

  protected override willUpdate(): void {
    this.answers.ask([this.question]);
  }

  protected override render() {
    const { answers } = this;
    return html`<p>${answers.pending ? 'pending' : 'settled'} ${answers.value ?? 'none'} ${answers.error ? 'error' : ''}</p>`;
  }
}
customElements.define('answers-probe', AnswersProbe);

async function probe(): Promise<AnswersProbe> {
  const el = document.createElement('answers-probe') as AnswersProbe;
  document.body.append(el);
  await el.updateComplete;
  return el;
}

/** Asks the host's controller `question` through a render, as an element does. */
async function ask(el: AnswersProbe, question: string): Promise<void> {
  el.question = question;
  el.requestUpdate();
  await el.updateComplete;
}

/** Lets a resolved answer land and the host render it. */
async function settled(el: AnswersProbe): Promise<string> {
  await new Promise((resolve) => setTimeout(resolve));
  await el.updateComplete;
  return el.shadowRoot!.querySelector('p')!.textContent!.replace(/\s+/g, ' ').trim();
}

describe('OccurrencesController', () => {
  afterEach(() => document.querySelectorAll('answers-probe').forEach((el) => el.remove()));

  it('is pending until the answer comes, then shows it; the same question is not asked twice', async () => {
    const el = await probe();
    expect(await settled(el)).to.equal('pending none');
    await ask(el, 'a');
    expect(el.calls).to.have.length(1);
    el.calls[0]!.resolve('A');
    expect(await settled(el)).to.equal('settled A');
    expect(el.answers.answered).to.deep.equal(['a']);
  });

  it('drops the answer to a question no longer asked, aborting its run, and keeps the last answer meanwhile', async () => {
    const el = await probe();
    el.calls[0]!.resolve('A');
    await settled(el);
    await ask(el, 'b');
    await ask(el, 'c');
    const [, b, c] = el.calls;
    expect(b!.signal.aborted).to.equal(true);
    expect(c!.signal.aborted).to.equal(false);
    expect(await settled(el)).to.equal('pending A');
    c!.resolve('C');
    expect(await settled(el)).to.equal('settled C');
    b!.resolve('B'); // late: not shown
    expect(await settled(el)).to.equal('settled C');
    expect(el.answers.answered).to.deep.equal(['c']);
  });

  it('says when the question failed, keeping the last answer', async () => {
    const el = await probe();
    el.calls[0]!.resolve('A');
    await settled(el);
    await ask(el, 'b');
    el.calls[1]!.reject(new Error('ical.js did not load'));
    expect(await settled(el)).to.equal('settled A error');
    expect((el.answers.error as Error).message).to.equal('ical.js did not load');
  });

  it('aborts a question when its host leaves the page, and asks it again when it returns', async () => {
    const el = await probe();
    const first = el.calls[0]!;
    el.remove();
    expect(first.signal.aborted).to.equal(true);
    first.resolve('A'); // arrives after the host left: dropped
    await new Promise((resolve) => setTimeout(resolve));
    expect(el.answers.value).to.equal(undefined);
    document.body.append(el);
    await el.updateComplete;
    expect(el.calls).to.have.length(2);
    el.calls[1]!.resolve('A again');
    expect(await settled(el)).to.equal('settled A again');
  });
});
