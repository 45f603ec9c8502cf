/** The generators in the page, so large feeds are made there rather than sent over the wire. */
import { generateEvents, generateYear } from './generate.mjs';

globalThis.benchData = { generateEvents, generateYear };
