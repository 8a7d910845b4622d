import type { Frame, Intent, Protocol, ScenarioSetup } from './types';

/** What a finished run of one protocol looks like, for a scenario to check its claim. */
export interface RunResult {
  readonly protocol: Protocol;
  readonly frames: readonly Frame[];
  readonly last: Frame;
}

export interface Takeaway {
  /** What the scenario claims, in a learner's words. */
  readonly statement: string;
  readonly holds: boolean;
}

/**
 * The same story with a client setting changed (e.g. POP3 "leave a copy"): a runnable choice in
 * the page, with its own takeaways. Its label is in the catalog.
 */
export interface ScenarioVariant {
  readonly id: string;
  readonly setup: ScenarioSetup;
  takeaways(runs: { pop3: RunResult; imap: RunResult }): Takeaway[];
}

/** One story told against both protocols. One file each in scenarios/. */
export interface Scenario {
  readonly id: string;
  readonly title: string;
  /** The lesson, one sentence: what the learner should come away with. */
  readonly claim: string;
  readonly setup: ScenarioSetup;
  readonly intents: readonly Intent[];
  /** Checks the claim against the two runs; every statement must hold. */
  takeaways(runs: { pop3: RunResult; imap: RunResult }): Takeaway[];
  readonly variants?: readonly ScenarioVariant[];
  /** Server refusals the story shows on purpose (e.g. `-ERR [IN-USE]`); any other is a fault. */
  readonly expectedErrors?: readonly RegExp[];
}

export function defineScenario(scenario: Scenario): Scenario {
  return scenario;
}
