/**
 * Occurrences worked out off the render path, the one way every element does it (the calendar's
 * period, the group finder's next meetings, the RSVP form's dates): a recurring feed loads ical.js
 * the first time, so answers are asynchronous. Built on `@lit/task`: pending, complete and error;
 * a question asked again while its answer is on the way is not asked twice; an answer to a
 * question no longer asked is dropped (its run is aborted), as is one that arrives after the
 * host left the page. The last answer stays readable while the next one is worked out.
 */
import { Task, TaskStatus } from '@lit/task';
import type { ReactiveControllerHost } from 'lit';

/** What a host computes for a question, given a signal that says when the question was dropped. */
export type OccurrencesWork<Q extends readonly unknown[], T> = (question: Q, signal: AbortSignal) => Promise<T>;

interface Answer<Q, T> {
  question: Q;
  value: T;
}

export class OccurrencesController<Q extends readonly unknown[], T> {
  private readonly task: Task<Q, Answer<Q, T>>;
  private asked?: Q;
  private last?: Answer<Q, T>;
  private dropped = false;

  constructor(host: ReactiveControllerHost, work: OccurrencesWork<Q, T>) {
    this.task = new Task<Q, Answer<Q, T>>(host, {
      autoRun: false,
      task: async (question, { signal }) => {
        const value = await work(question, signal);
        signal.throwIfAborted();
        return { question, value };
      },
      onComplete: (answer) => {
        this.last = answer;
      },
    });
    host.addController({
      hostConnected: () => {
        // A question dropped when the host left is asked again on its next render.
        if (this.dropped) host.requestUpdate();
        this.dropped = false;
      },
      hostDisconnected: () => {
        if (this.task.status !== TaskStatus.PENDING) return;
        this.task.abort(new DOMException('The element left the page.', 'AbortError'));
        this.asked = undefined;
        this.dropped = true;
      },
    });
  }

  /** Asks `question` (compared item by item with `===`); nothing happens when it is the one last asked. */
  ask(question: Q): void {
    if (this.asked && sameQuestion(this.asked, question)) return;
    this.asked = question;
    void this.task.run(question);
  }

  /** The last answer that arrived, kept while a later one is pending or failed. */
  get value(): T | undefined {
    return this.last?.value;
  }

  /** The question `value` answers. */
  get answered(): Q | undefined {
    return this.last?.question;
  }

  /** True while the question last asked has no answer yet. */
  get pending(): boolean {
    return this.task.status === TaskStatus.PENDING;
  }

  /** Why the question last asked has no answer, when it failed. */
  get error(): unknown {
    return this.task.status === TaskStatus.ERROR ? this.task.error : undefined;
  }
}

function sameQuestion(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((item, i) => item === b[i]);
}
