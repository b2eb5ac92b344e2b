import fs from 'node:fs/promises';
import path from 'node:path';
import request from 'supertest';
import yaml from 'yaml';

/** A file of a rendered template, as the scaffolder's dry run returns it. */
export type RenderedFile = {
  path: string;
  content: Buffer;
  executable: boolean;
};

async function listFiles(dir: string, prefix = ''): Promise<string[]> {
  const entries = await fs.readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map(entry =>
      entry.isDirectory()
        ? listFiles(
            path.join(dir, entry.name),
            path.posix.join(prefix, entry.name),
          )
        : Promise.resolve([path.posix.join(prefix, entry.name)]),
    ),
  );
  return nested.flat();
}

/**
 * Renders a template directory through the real scaffolder's `POST /v2/dry-run`, exactly as the
 * template editor does: the template and its skeleton are uploaded, every step that supports dry
 * runs executes (fetch:template with the scaffolder's own nunjucks), and the workspace comes back.
 */
export async function dryRunTemplate(options: {
  server: any;
  templateDirectory: string;
  values: Record<string, unknown>;
  authorization: string;
}) {
  const { server, templateDirectory, values, authorization } = options;
  const template = yaml.parse(
    await fs.readFile(path.join(templateDirectory, 'template.yaml'), 'utf8'),
  );
  const files = await listFiles(templateDirectory);
  const directoryContents = await Promise.all(
    files.map(async file => ({
      path: file,
      base64Content: (
        await fs.readFile(path.join(templateDirectory, file))
      ).toString('base64'),
    })),
  );
  const response = await request(server)
    .post('/api/scaffolder/v2/dry-run')
    .set('authorization', authorization)
    .send({ template, values, directoryContents });
  if (response.status !== 200) {
    throw new Error(
      `dry run answered ${response.status}: ${JSON.stringify(response.body)}`,
    );
  }
  const body = response.body as {
    log: Array<{ body: { message: string; status?: string; stepId?: string } }>;
    directoryContents: Array<{
      path: string;
      base64Content: string;
      executable?: boolean;
    }>;
    output: Record<string, unknown>;
    steps: Array<{ id: string; name: string }>;
  };
  const rendered: RenderedFile[] = body.directoryContents.map(file => ({
    path: file.path,
    content: Buffer.from(file.base64Content, 'base64'),
    executable: Boolean(file.executable),
  }));
  return { template, rendered, output: body.output, log: body.log };
}

/** Writes rendered files to a directory so tools (npm, python3, gofmt) can check them. */
export async function writeRendered(
  files: RenderedFile[],
  directory: string,
): Promise<void> {
  for (const file of files) {
    const target = path.join(directory, file.path);
    await fs.mkdir(path.dirname(target), { recursive: true });
    await fs.writeFile(target, file.content, {
      mode: file.executable ? 0o755 : 0o644,
    });
  }
}
