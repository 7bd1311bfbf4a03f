/**
 * The environment of every process the action starts (nvidia-smi, the sampler, the counter
 * reader). A runner hands each hook the action's inputs (tokens included), its saved state, the
 * runner's own credentials and the files that set outputs; the detached sampler lives for the
 * whole job, and any later step could read its environment from /proc. None of that is needed to
 * read a GPU, so none of it is handed on.
 */

/** Runner files through which a process could set outputs, state, variables or the summary. */
const RUNNER_FILES = ["GITHUB_STATE", "GITHUB_OUTPUT", "GITHUB_ENV", "GITHUB_PATH", "GITHUB_STEP_SUMMARY"];

/** Names that hold credentials by convention. */
const SECRET_NAME = /TOKEN|SECRET|PASSWORD|CREDENTIAL|API_?KEY/i;

/** `env` without inputs, state, runner credentials, runner command files or anything holding a secret input's value. */
export function childEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const secrets = Object.entries(env)
    .filter(([name, value]) => /^INPUT_/i.test(name) && SECRET_NAME.test(name) && value && value.trim().length >= 4)
    .map(([, value]) => value!.trim());
  const kept: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined) continue;
    if (/^(INPUT|STATE|ACTIONS)_/i.test(name) || SECRET_NAME.test(name) || RUNNER_FILES.includes(name)) continue;
    if (secrets.some((secret) => value.includes(secret))) continue;
    kept[name] = value;
  }
  return kept;
}
