import { createRequire } from 'node:module';

/**
 * teams-ai's `Application` loads its AI part (the OpenAI client, the GPT tokenizers with their tables) and its
 * single sign-on dialogs (botbuilder-dialogs, with Microsoft's text recognizers) whether a bot uses them or not: about
 * 50 MB of resident memory in a process that uses neither (Casusbot has no AI planner and no SSO). This defers them:
 * the modules below are handed out as proxies that load the real module on first use of any export.
 *
 * One export is read while teams-ai loads: `Dialog`, the base class of its SSO prompt. Until botbuilder-dialogs is
 * really loaded, that read gets a placeholder class, so teams-ai's SSO prompt would not work; Casusbot configures no
 * `authentication` on its Application, so nothing ever builds one. Everything else behaves as before, only later.
 *
 * Import this module before anything that imports @microsoft/teams-ai (it is the first import of bot/main.ts).
 */
const deferred = new Set(['openai', 'gpt-tokenizer', 'gpt-tokenizer/cjs/model/text-davinci-003', 'botbuilder-dialogs']);
/** Exports read at load time, with what they are until the real module is needed. */
const placeholders: Record<string, Record<string, unknown>> = {
  'botbuilder-dialogs': { Dialog: class DeferredDialog {} },
};

type Load = (request: string, parent: unknown, isMain: boolean) => unknown;
const Module = createRequire(import.meta.url)('node:module') as { _load: Load & { deferring?: true } };

if (!Module._load.deferring) {
  const load = Module._load;
  const deferring: Load = function (this: unknown, request, parent, isMain) {
    if (!deferred.has(request)) return load.call(this, request, parent, isMain);
    let real: Record<PropertyKey, unknown> | undefined;
    const loaded = () => (real ??= load.call(this, request, parent, isMain) as Record<PropertyKey, unknown>);
    return new Proxy(
      {},
      {
        get(_target, key) {
          if (key === '__esModule') return true;
          if (!real && typeof key === 'string' && placeholders[request]?.[key]) return placeholders[request][key];
          return loaded()[key];
        },
        has: (_target, key) => key in loaded(),
        ownKeys: () => Reflect.ownKeys(loaded()),
        getOwnPropertyDescriptor: (_target, key) => {
          const descriptor = Reflect.getOwnPropertyDescriptor(loaded(), key);
          return descriptor && { ...descriptor, configurable: true };
        },
      },
    );
  };
  Module._load = Object.assign(deferring, { deferring: true as const });
}

export {};
