/**
 * Stories and scenarios, both ways: `storyToScenario` turns a checked story into what the runner
 * takes (a `ScenarioSetup` and intents); `scenarioToStory` writes a built-in scenario (or one of
 * its variants) as a story: its data part (setup, intents, catalog text, prediction prompts).
 * Its takeaways stay in the scenario file: there they are code that checks each run.
 */
import { variantsOf } from '../catalog';
import { DEFAULT_POP3_SETTINGS } from '../client-settings';
import { PREDICTIONS } from '../predictions';
import type { Scenario } from '../scenario';
import type { DeviceSpec, ImapSettings, Pop3Settings, ScenarioSetup } from '../types';
import type { Story, StoryAccount, StoryDevice } from './schema';
import { applyVariant } from './variants';

/** A story's id when it gives none. */
export const DEFAULT_STORY_ID = 'story';

/** What `storyToScenario` makes: a scenario the runner and the CLI take, and the author's text. */
export interface StoryScenario extends Scenario {
  /** The author's takeaways: text for the reader, not checked against the runs. */
  readonly storyTakeaways: readonly string[];
}

/**
 * A checked story as a scenario. Its `takeaways()` is empty: a story's takeaways are the
 * author's words (`storyTakeaways`), which the simulator cannot check.
 */
export function storyToScenario(story: Story): StoryScenario {
  return {
    id: story.id ?? DEFAULT_STORY_ID,
    title: story.title,
    claim: story.summary,
    setup: setupOf(story),
    intents: story.timeline,
    takeaways: () => [],
    storyTakeaways: story.takeaways ?? [],
    ...(story.variants
      ? {
          variants: story.variants.map((v) => ({
            id: v.id,
            setup: setupOf(applyVariant(story, v.id)),
            takeaways: () => [],
          })),
        }
      : {}),
  };
}

/** The runner's setup for a story. */
function setupOf(story: Story): ScenarioSetup {
  return {
    ...(story.accounts ? { accounts: story.accounts.map(toAccount) } : {}),
    devices: story.devices.map((d) => toDevice(d, story.network)),
    ...(story.pop3 ? { pop3: { ...DEFAULT_POP3_SETTINGS, ...story.pop3 } } : {}),
    ...(story.imap ? { imap: story.imap } : {}),
    ...(story.security ? { security: story.security } : {}),
  };
}

function toAccount(a: StoryAccount): NonNullable<ScenarioSetup['accounts']>[number] {
  return {
    user: a.user,
    password: a.password ?? 'secret',
    messages:
      a.mailbox === 'seed' ? 'seed' : 'generated' in a.mailbox ? a.mailbox.generated : a.mailbox.messages,
    ...(a.quotaBytes !== undefined ? { quotaBytes: a.quotaBytes } : {}),
  };
}

function toDevice(d: StoryDevice, network: Story['network']): DeviceSpec {
  const latencyMs = d.network?.latencyMs ?? network?.latencyMs;
  const bytesPerMs = d.network?.bytesPerMs ?? network?.bytesPerMs;
  return {
    id: d.name,
    kind: d.kind,
    ...(latencyMs !== undefined ? { latencyMs } : {}),
    ...(bytesPerMs !== undefined ? { bytesPerMs } : {}),
    ...(d.accounts ? { accounts: d.accounts } : {}),
    ...(d.pop3 ? { pop3: d.pop3 } : {}),
    ...(d.imap ? { imap: d.imap } : {}),
  };
}

/**
 * A built-in scenario as a story (with `variant`, that variant's setup and its label in the
 * title). `imapIdle` becomes `imap.idle`, which the runner reads the same way (client-settings.ts).
 */
export function scenarioToStory(scenario: Scenario, variant: string | null = null): Story {
  const setup = variant ? scenario.variants?.find((v) => v.id === variant)?.setup : scenario.setup;
  if (!setup) throw new Error(`scenario ${scenario.id} has no variant ${variant}`);
  const label = variant ? variantsOf(scenario.id).find((v) => v.id === variant)?.label : undefined;
  const imap: Partial<ImapSettings> = {
    ...(setup.imapIdle !== undefined ? { idle: setup.imapIdle } : {}),
    ...setup.imap,
  };
  const predictions = PREDICTIONS[scenario.id as keyof typeof PREDICTIONS];
  return {
    version: 1,
    id: scenario.id,
    title: label ? `${scenario.title} (${label})` : scenario.title,
    summary: scenario.claim,
    ...(setup.accounts
      ? {
          accounts: setup.accounts.map((a) => ({
            user: a.user,
            password: a.password,
            mailbox:
              a.messages === 'seed'
                ? ('seed' as const)
                : typeof a.messages === 'number'
                  ? { generated: a.messages }
                  : { messages: a.messages.map((m) => ({ ...m })) },
            ...(a.quotaBytes !== undefined ? { quotaBytes: a.quotaBytes } : {}),
          })),
        }
      : {}),
    devices: setup.devices.map(fromDevice),
    ...(setup.pop3 ? { pop3: setup.pop3 } : {}),
    ...(Object.keys(imap).length > 0 ? { imap } : {}),
    ...(setup.security ? { security: setup.security } : {}),
    timeline: [...scenario.intents],
    ...(predictions ? { predictions: predictions.map((p) => ({ ...p, choices: [...p.choices] })) } : {}),
  };
}

function fromDevice(d: DeviceSpec): StoryDevice {
  const network = {
    ...(d.latencyMs !== undefined ? { latencyMs: d.latencyMs } : {}),
    ...(d.bytesPerMs !== undefined ? { bytesPerMs: d.bytesPerMs } : {}),
  };
  return {
    name: d.id,
    kind: d.kind,
    ...(d.accounts ? { accounts: [...d.accounts] } : {}),
    ...(Object.keys(network).length > 0 ? { network } : {}),
    ...(d.pop3 ? { pop3: d.pop3 } : {}),
    ...(d.imap ? { imap: d.imap } : {}),
  };
}

// The schema's settings are the runner's settings, field for field.
type SameKeys<A, B> = [keyof A] extends [keyof B] ? ([keyof B] extends [keyof A] ? true : false) : false;
const pop3Fields: SameKeys<NonNullable<Story['pop3']>, Pop3Settings> = true;
const imapFields: SameKeys<NonNullable<Story['imap']>, ImapSettings> = true;
const pop3Values = (s: NonNullable<Story['pop3']>): Partial<Pop3Settings> => s;
const imapValues = (s: NonNullable<Story['imap']>): Partial<ImapSettings> => s;
void [pop3Fields, imapFields, pop3Values, imapValues];
