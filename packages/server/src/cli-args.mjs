// @ts-check
/**
 * Command-line options for the `civic-widgets` subcommands: node's parseArgs, with a mistake
 * reported as a usage error (exit status 2) that names the option.
 */
import { parseArgs } from 'node:util';

/** A mistake in how the command was called. */
export class UsageError extends Error {
  /** @param {string} message */
  constructor(message) {
    super(message);
    this.name = 'UsageError';
  }
}

/**
 * @template {import('node:util').ParseArgsConfig['options']} O
 * @param {string[]} args
 * @param {O} options
 * @param {string} usage one line, shown with the mistake
 */
export function parseCommandArgs(args, options, usage) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(`${error instanceof Error ? error.message.replace(/\. To specify.*$/s, '') : error}\nUsage: ${usage}`);
  }
}

/**
 * Runs a command body, turning its errors into an exit status: 2 for a usage error, 1 otherwise.
 * @param {() => Promise<number>} body
 */
export async function withExitStatus(body) {
  try {
    return await body();
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`civic-widgets: ${error.message}`);
      return 2;
    }
    if (error instanceof Error && error.name === 'ConfigError') {
      console.error(`civic-widgets: the config cannot be used:\n${error.message}`);
      return 2;
    }
    console.error(`civic-widgets: ${error instanceof Error ? error.message : error}`);
    return 1;
  }
}
