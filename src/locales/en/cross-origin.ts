/** English for a feed on another site that cannot be read: loaded only when that happens (shared/cross-origin-error.ts). */
const crossOrigin = {
  errorCrossOrigin: '{site} may not let other websites show its data, or it may be out of reach.',
};

export default crossOrigin;
