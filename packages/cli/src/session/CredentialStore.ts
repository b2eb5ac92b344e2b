import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/** How a stored session was obtained, which decides how it is renewed. */
export type SignInMethod = 'oauth' | 'guest';

/** What `platform login` keeps about one portal. */
export interface StoredSession {
  /** The portal's backend base URL, e.g. https://paved.example.com (no trailing slash). */
  url: string;
  /** The portal's web address, when known (the consent page's origin); used for links. */
  appUrl?: string;
  method: SignInMethod;
  accessToken: string;
  /** Epoch milliseconds. */
  expiresAt: number;
  /** OAuth refresh token (rotated on each use); absent for the guest. */
  refreshToken?: string;
  userEntityRef?: string;
}

interface CredentialsFile {
  version: 1;
  /** The portal commands talk to when PLATFORM_URL is not set. */
  current?: string;
  sessions: Record<string, StoredSession>;
}

/**
 * The user's sessions, in `$XDG_CONFIG_HOME/paved/credentials.json` (`~/.config/paved/…` when the
 * variable is unset): the folder 0700, the file 0600, written to a temporary file and renamed so
 * a crash never leaves half a file. Tokens are bearer credentials: this file is the only place
 * they are written.
 */
export class CredentialStore {
  constructor(private readonly file: string) {}

  static fromEnvironment(env: NodeJS.ProcessEnv): CredentialStore {
    const configHome =
      env.XDG_CONFIG_HOME && path.isAbsolute(env.XDG_CONFIG_HOME)
        ? env.XDG_CONFIG_HOME
        : path.join(env.HOME || os.homedir(), '.config');
    return new CredentialStore(
      path.join(configHome, 'paved', 'credentials.json'),
    );
  }

  get location(): string {
    return this.file;
  }

  async current(): Promise<StoredSession | undefined> {
    const data = await this.read();
    return data.current ? data.sessions[data.current] : undefined;
  }

  async get(url: string): Promise<StoredSession | undefined> {
    return (await this.read()).sessions[url];
  }

  /** Stores a session and makes its portal the current one. */
  async save(session: StoredSession): Promise<void> {
    const data = await this.read();
    data.sessions[session.url] = session;
    data.current = session.url;
    await this.write(data);
  }

  /** Forgets a portal's session; returns whether there was one. */
  async remove(url: string): Promise<boolean> {
    const data = await this.read();
    if (!data.sessions[url]) {
      return false;
    }
    delete data.sessions[url];
    if (data.current === url) {
      data.current = Object.keys(data.sessions)[0];
    }
    await this.write(data);
    return true;
  }

  private async read(): Promise<CredentialsFile> {
    let text: string;
    try {
      text = await fs.readFile(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        return { version: 1, sessions: {} };
      }
      throw error;
    }
    try {
      const parsed = JSON.parse(text) as CredentialsFile;
      if (parsed?.version === 1 && typeof parsed.sessions === 'object') {
        return parsed;
      }
    } catch {
      // A damaged file is replaced by the next sign-in rather than breaking every command.
    }
    return { version: 1, sessions: {} };
  }

  private async write(data: CredentialsFile): Promise<void> {
    const dir = path.dirname(this.file);
    await fs.mkdir(dir, { recursive: true, mode: 0o700 });
    const temporary = `${this.file}.${process.pid}.tmp`;
    await fs.writeFile(temporary, `${JSON.stringify(data, null, 2)}\n`, {
      mode: 0o600,
    });
    // writeFile's mode applies only when it creates the file; make sure of it either way.
    await fs.chmod(temporary, 0o600);
    await fs.rename(temporary, this.file);
  }
}
