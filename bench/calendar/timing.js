/** In the page: how both calendar benchmarks wait for a frame to be drawn. */
globalThis.benchTiming = {
  /** The end of the next frame: its style, layout and paint run after rAF callbacks; a message lands after them. */
  frame: () =>
    new Promise((resolve) =>
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve();
        channel.port2.postMessage(0);
      }),
    ),
  /** Garbage collected (Chromium runs with --expose-gc) and two frames drawn: a quiet start. */
  async settle() {
    globalThis.gc?.();
    await this.frame();
    await this.frame();
  },
};
