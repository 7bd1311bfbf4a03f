/**
 * Checks workflow files and action.yml with GitHub's own parser (@actions/workflow-parser, the
 * one behind the Actions editor extension), plus the rules the parser leaves to us: every
 * input this action is given exists in action.yml, and every input is documented and defaulted.
 */
import { NoOperationTraceWriter, convertWorkflowTemplate, parseWorkflow } from "@actions/workflow-parser";
import { convertActionTemplate, parseAction, type ActionTemplate } from "@actions/workflow-parser/actions/index";
import { parse } from "yaml";

const trace = new NoOperationTraceWriter();

/** How a workflow refers to this action. */
const OUR_ACTION = /^(gpu-carbon\/gpu-carbon@|\.\/?$)/;

/** Problems in a workflow file, as `file (Line: n, Col: m): message`; empty when it is valid. */
export async function workflowErrors(name: string, content: string, actionInputs: string[]): Promise<string[]> {
  const parsed = parseWorkflow({ name, content }, trace);
  const errors = parsed.context.errors.getErrors().map((e) => e.message);
  if (errors.length === 0 && parsed.value) {
    const template = await convertWorkflowTemplate(parsed.context, parsed.value);
    errors.push(...(template.errors ?? []).map((e) => e.Message));
  }
  const doc = parse(content) as { jobs?: Record<string, { steps?: { uses?: string; with?: Record<string, unknown> }[] }> } | null;
  for (const [jobId, job] of Object.entries(doc?.jobs ?? {})) {
    for (const step of job?.steps ?? []) {
      if (!step?.uses || !OUR_ACTION.test(step.uses)) continue;
      for (const input of Object.keys(step.with ?? {})) {
        if (!actionInputs.includes(input)) errors.push(`${name}: job '${jobId}' passes '${input}', which action.yml does not declare`);
      }
    }
  }
  return errors;
}

/** action.yml checked by the parser's action schema, then converted. */
export function parseActionManifest(content: string): { errors: string[]; action: ActionTemplate | null } {
  const parsed = parseAction({ name: "action.yml", content }, trace);
  const errors = parsed.context.errors.getErrors().map((e) => e.message);
  if (errors.length > 0 || !parsed.value) return { errors, action: null };
  return { errors, action: convertActionTemplate(parsed.context, parsed.value) };
}
