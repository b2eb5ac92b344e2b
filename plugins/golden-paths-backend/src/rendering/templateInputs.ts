/** A template's `spec.parameters`: one JSON schema (a form page) or a list of them. */
type ParameterPage = {
  required?: unknown;
  properties?: Record<string, { default?: unknown } | undefined>;
};

/** What {@link completeInputs} made of the inputs a new template version renders with. */
export type InputCompletion = {
  /** The recorded inputs plus every new one that could be given a value. */
  inputs: Record<string, unknown>;
  /**
   * New inputs given a non-empty `default` of their parameter's schema (or the expression's
   * fallback): values a reviewer of the upgrade should see.
   */
  defaulted: string[];
  /**
   * New inputs that are required and have no default, or whose expression cannot be worked out
   * outside a task: rendering without them would be silently wrong.
   */
  missing: string[];
  /**
   * New inputs that render empty, as for a task where they are empty: computed by the template's
   * steps (not recorded and not recomputable), optional parameters without a default, and those
   * whose default is empty (`''`, `[]`, `{}`, `null`), which {@link InputCompletion.inputs} holds.
   */
  empty: string[];
};

const TEMPLATE_EXPRESSION = /\$\{\{([\s\S]*?)\}\}/g;
/** `${{ parameters.x }}` or `${{ parameters.x or <literal> }}`, the whole value. */
const PARAMETER_VALUE =
  /^\$\{\{\s*parameters\.([A-Za-z_$][\w$]*)\s*(?:or\s+(.+?))?\s*\}\}$/;

function literal(text: string): { value: unknown } | undefined {
  const quoted = /^'([^'\\]*)'$/.exec(text);
  if (quoted) return { value: quoted[1] };
  try {
    const value = JSON.parse(text);
    return value === null || typeof value === 'object' ? undefined : { value };
  } catch {
    return undefined;
  }
}

/** A default that renders nothing: not worth a reviewer's attention. */
function isEmptyValue(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.length === 0;
  return typeof value === 'object' && Object.keys(value).length === 0;
}

function parameterSchema(parameters: unknown, name: string) {
  const pages = (
    Array.isArray(parameters) ? parameters : [parameters ?? {}]
  ) as ParameterPage[];
  for (const page of pages) {
    const schema = page?.properties?.[name];
    if (schema) {
      const required =
        Array.isArray(page.required) && page.required.includes(name);
      return { schema, required };
    }
  }
  return undefined;
}

/**
 * Completes the inputs a repository recorded (`.paved/template.yaml`) for a newer template version
 * whose `fetch:template` step renders with values the repository never recorded: a constant is
 * taken as is, a value that is a form parameter gets the default of the parameter's schema in
 * the new version, and a required parameter without a default is reported as missing rather than
 * rendered empty.
 */
export function completeInputs(options: {
  recorded: Record<string, unknown>;
  /** The new version's `fetch:template` values, as written in template.yaml. */
  values: Record<string, unknown>;
  /** The new version's `spec.parameters`. */
  parameters: unknown;
}): InputCompletion {
  const { recorded, values, parameters } = options;
  const completion: InputCompletion = {
    inputs: { ...recorded },
    defaulted: [],
    missing: [],
    empty: [],
  };
  for (const [key, expression] of Object.entries(values)) {
    if (Object.prototype.hasOwnProperty.call(recorded, key)) continue;
    if (typeof expression !== 'string' || !expression.includes('${{')) {
      completion.inputs[key] = expression;
      continue;
    }
    const simple = PARAMETER_VALUE.exec(expression.trim());
    const fallback = simple?.[2] === undefined ? undefined : literal(simple[2]);
    if (simple && (simple[2] === undefined || fallback)) {
      const parameter = parameterSchema(parameters, simple[1]);
      const given =
        parameter?.schema.default !== undefined
          ? { value: parameter.schema.default }
          : fallback;
      if (given) {
        completion.inputs[key] = given.value;
        (isEmptyValue(given.value)
          ? completion.empty
          : completion.defaulted
        ).push(key);
      } else if (parameter?.required || !parameter) {
        completion.missing.push(key);
      } else {
        completion.empty.push(key);
      }
      continue;
    }
    const usesParameters = [...expression.matchAll(TEMPLATE_EXPRESSION)].some(
      ([, body]) => /\bparameters\b/.test(body),
    );
    // A computed value from the form cannot be worked out without running the task.
    if (usesParameters) completion.missing.push(key);
    else completion.empty.push(key);
  }
  return completion;
}
