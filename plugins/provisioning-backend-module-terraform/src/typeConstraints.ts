/**
 * Terraform type constraints (`string`, `list(string)`, `object({ a = optional(number, 1) })`, ...)
 * as hcl2json returns them inside `${...}`, parsed into a tree so module arguments can be checked
 * against a module's variables before anything reaches `terraform plan`.
 */
export type TerraformType =
  | { kind: 'string' | 'number' | 'bool' | 'any' }
  | { kind: 'list' | 'set' | 'map'; element: TerraformType }
  | { kind: 'tuple'; elements: TerraformType[] }
  | {
      kind: 'object';
      attributes: Record<string, { type: TerraformType; optional: boolean }>;
    };

type Token = { kind: 'ident' | 'punct' | 'other'; text: string };

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const char = source[i];
    if (/\s/.test(char)) {
      i++;
    } else if (/[A-Za-z_]/.test(char)) {
      const start = i;
      while (i < source.length && /[A-Za-z0-9_-]/.test(source[i])) i++;
      tokens.push({ kind: 'ident', text: source.slice(start, i) });
    } else if ('(){}[],=:'.includes(char)) {
      tokens.push({ kind: 'punct', text: char });
      i++;
    } else if (char === '"') {
      // Quoted strings only occur inside optional() defaults and quoted attribute names.
      const start = i++;
      while (i < source.length && source[i] !== '"') {
        i += source[i] === '\\' ? 2 : 1;
      }
      i++;
      tokens.push({ kind: 'other', text: source.slice(start, i) });
    } else {
      tokens.push({ kind: 'other', text: char });
      i++;
    }
  }
  return tokens;
}

class TypeParser {
  private position = 0;
  constructor(
    private readonly tokens: Token[],
    private readonly source: string,
  ) {}

  parseComplete(): TerraformType {
    const type = this.parseType();
    if (this.position !== this.tokens.length) {
      this.fail('unexpected trailing input');
    }
    return type;
  }

  private peek(): Token | undefined {
    return this.tokens[this.position];
  }

  private next(): Token {
    const token = this.tokens[this.position++];
    if (!token) this.fail('unexpected end');
    return token;
  }

  private expect(text: string) {
    const token = this.next();
    if (token.text !== text)
      this.fail(`expected "${text}" but found "${token.text}"`);
  }

  private fail(reason: string): never {
    throw new Error(`Cannot parse Terraform type "${this.source}": ${reason}`);
  }

  private parseType(): TerraformType {
    const token = this.next();
    if (token.kind !== 'ident')
      this.fail(`expected a type, found "${token.text}"`);
    switch (token.text) {
      case 'string':
      case 'number':
      case 'bool':
      case 'any':
        return { kind: token.text };
      case 'list':
      case 'set':
      case 'map': {
        this.expect('(');
        const element = this.parseType();
        this.expect(')');
        return { kind: token.text, element };
      }
      case 'tuple': {
        this.expect('(');
        this.expect('[');
        const elements: TerraformType[] = [];
        while (this.peek()?.text !== ']') {
          elements.push(this.parseType());
          if (this.peek()?.text === ',') this.next();
        }
        this.expect(']');
        this.expect(')');
        return { kind: 'tuple', elements };
      }
      case 'object': {
        this.expect('(');
        this.expect('{');
        const attributes: Record<
          string,
          { type: TerraformType; optional: boolean }
        > = {};
        while (this.peek()?.text !== '}') {
          const name = this.next();
          const key = name.kind === 'other' ? JSON.parse(name.text) : name.text;
          const separator = this.next();
          if (separator.text !== '=' && separator.text !== ':') {
            this.fail(`expected "=" after attribute ${key}`);
          }
          if (this.peek()?.text === 'optional') {
            this.next();
            this.expect('(');
            const type = this.parseType();
            if (this.peek()?.text === ',') {
              this.next();
              this.skipExpression();
            }
            this.expect(')');
            attributes[key] = { type, optional: true };
          } else {
            attributes[key] = { type: this.parseType(), optional: false };
          }
          if (this.peek()?.text === ',') this.next();
        }
        this.expect('}');
        this.expect(')');
        return { kind: 'object', attributes };
      }
      default:
        return this.fail(`unknown type "${token.text}"`);
    }
  }

  /** Skips an optional() default value up to the closing parenthesis of optional(). */
  private skipExpression() {
    let depth = 0;
    while (this.peek()) {
      const text = this.peek()!.text;
      if (depth === 0 && text === ')') return;
      if ('([{'.includes(text)) depth++;
      if (')]}'.includes(text)) depth--;
      this.next();
    }
  }
}

/** Parses a type constraint, with or without hcl2json's `${...}` wrapper. */
export function parseTypeConstraint(expression: string): TerraformType {
  const inner = expression.trim().replace(/^\$\{([\s\S]*)\}$/, '$1');
  return new TypeParser(tokenize(inner), inner).parseComplete();
}

/** True when hcl2json left the value as an expression (a reference or function call). */
function isExpression(value: unknown): boolean {
  return typeof value === 'string' && /^\$\{[\s\S]*\}$/.test(value);
}

/**
 * Whether a literal value converts to a type under Terraform's conversion rules (numbers and
 * bools convert to strings, numeric and "true"/"false" strings back). Returns the problems found,
 * each naming where. Expressions are not evaluated and pass.
 */
export function checkValueAgainstType(
  value: unknown,
  type: TerraformType,
  where: string,
): string[] {
  if (value === null || isExpression(value) || type.kind === 'any') {
    return [];
  }
  const describe = () => {
    if (Array.isArray(value)) return 'a list';
    if (typeof value === 'object') return 'an object';
    return JSON.stringify(value);
  };
  const wrong = (expected: string) => [
    `${where} must be ${expected}, got ${describe()}`,
  ];
  switch (type.kind) {
    case 'string':
      return ['string', 'number', 'boolean'].includes(typeof value)
        ? []
        : wrong('a string');
    case 'number':
      return typeof value === 'number' ||
        (typeof value === 'string' &&
          value.trim() !== '' &&
          !Number.isNaN(Number(value)))
        ? []
        : wrong('a number');
    case 'bool':
      return typeof value === 'boolean' || value === 'true' || value === 'false'
        ? []
        : wrong('a bool');
    case 'list':
    case 'set':
      return Array.isArray(value)
        ? value.flatMap((item, i) =>
            checkValueAgainstType(item, type.element, `${where}[${i}]`),
          )
        : wrong(`a ${type.kind}`);
    case 'tuple':
      if (!Array.isArray(value)) return wrong('a tuple');
      if (value.length !== type.elements.length) {
        return [
          `${where} must have ${type.elements.length} elements, got ${value.length}`,
        ];
      }
      return value.flatMap((item, i) =>
        checkValueAgainstType(item, type.elements[i], `${where}[${i}]`),
      );
    case 'map':
      return typeof value === 'object' && !Array.isArray(value)
        ? Object.entries(value as object).flatMap(([key, item]) =>
            checkValueAgainstType(item, type.element, `${where}["${key}"]`),
          )
        : wrong('a map');
    case 'object': {
      if (typeof value !== 'object' || Array.isArray(value))
        return wrong('an object');
      const record = value as Record<string, unknown>;
      const problems: string[] = [];
      for (const [key, attribute] of Object.entries(type.attributes)) {
        if (!(key in record)) {
          if (!attribute.optional) problems.push(`${where}.${key} is required`);
        } else {
          problems.push(
            ...checkValueAgainstType(
              record[key],
              attribute.type,
              `${where}.${key}`,
            ),
          );
        }
      }
      // Terraform drops extra attributes silently; a dropped setting is a silent surprise.
      for (const key of Object.keys(record)) {
        if (!(key in type.attributes))
          problems.push(
            `${where}.${key} is not an attribute of the object type`,
          );
      }
      return problems;
    }
    default:
      return [];
  }
}
