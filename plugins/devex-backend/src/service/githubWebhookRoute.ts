import express from 'express';
import { InputError } from '@backstage/errors';
import {
  nulCharacterViolations,
  violationsError,
  violationsFromZod,
} from '@paved/backend-platform';
import { eventBatchSchema } from '@paved/plugin-devex-common';
import { IngestStore } from '../database/IngestStore';
import { ChangesStore } from '../database/ChangesStore';
import { ServiceDirectory } from '../catalog/ServiceDirectory';
import { DevexConfig } from '../config';
import { GITHUB_SOURCE, mapGithubDelivery } from '../ingest/githubDeliveries';
import { readSignedBody } from '../ingest/signedBody';
import { GITHUB_WEBHOOK_WRITER } from './eventWriters';

/**
 * `POST /webhooks/github`. No body parser runs before it: the body is read here, only as far as
 * the limit, while its signature is computed. A delivery seen before (`X-GitHub-Delivery`) is
 * acknowledged and not applied again; the events it maps to carry GitHub's own timestamps, so an
 * older or replayed delivery never replaces newer state.
 */
export function githubWebhookHandler(options: {
  ingest: IngestStore;
  changes: ChangesStore;
  directory: ServiceDirectory;
  config: DevexConfig;
}): express.RequestHandler {
  const { ingest, changes, directory, config } = options;
  return async (req, res, next) => {
    try {
      let raw: Buffer;
      try {
        raw = await readSignedBody(req, {
          secret: config.githubWebhookSecret,
          maxBytes: config.githubMaxPayloadBytes,
        });
      } catch (error) {
        // The rest of the body is not read: the connection cannot carry another request.
        res.setHeader('Connection', 'close');
        throw error;
      }
      const deliveryHeader = req.headers['x-github-delivery'];
      const delivery =
        typeof deliveryHeader === 'string' && deliveryHeader.length <= 100
          ? deliveryHeader
          : undefined;
      if (delivery && (await ingest.deliverySeen(delivery))) {
        res.status(202).json({ accepted: 0, duplicate: true });
        return;
      }
      let payload: unknown;
      try {
        payload = JSON.parse(raw.toString('utf8'));
      } catch {
        throw new InputError('body: must be JSON (rule: json)');
      }
      // Signed, so from GitHub (or whoever holds the secret); still, PostgreSQL cannot compare a
      // text holding U+0000, and a repository name with one would fail the lookups below.
      const nul = nulCharacterViolations(payload);
      if (nul.length > 0) throw violationsError(nul);
      const eventName = String(req.headers['x-github-event'] ?? '');
      const result = await mapGithubDelivery(eventName, payload, {
        async serviceFor(repository) {
          const known = await directory.componentForRepository(repository);
          // Kept under a guessed ref until the catalog knows the repository.
          return (
            known ??
            `component:default/${repository
              .split('/')
              .pop()!
              .toLocaleLowerCase('en-US')}`
          );
        },
        pushedCommits: (repository, until) =>
          ingest.pushedCommits(repository, until, 500),
        recordPushedCommits: (repository, commits) =>
          ingest.recordPushedCommits(repository, commits),
        storedChange: id => changes.storedChange(GITHUB_SOURCE, id),
        deploymentWorkflows: config.deploymentWorkflows,
        productionEnvironments: config.productionEnvironments,
      });
      let body: { accepted: number; ignored?: string };
      if (result.kind === 'ignored') {
        body = { accepted: 0, ignored: result.reason };
      } else if (result.events.length === 0) {
        body = { accepted: 0 };
      } else {
        const checked = eventBatchSchema.safeParse({ events: result.events });
        if (!checked.success) {
          throw violationsError(violationsFromZod(checked.error.issues));
        }
        const stored = await ingest.ingest(
          checked.data.events.map((event, i) => ({
            ...event,
            observedAt: result.events[i].observedAt,
          })),
          { writer: GITHUB_WEBHOOK_WRITER, receivedAt: Date.now() },
        );
        body = {
          accepted: stored.accepted,
          ...(stored.unchanged > 0
            ? { ignored: 'a newer state of this event is stored' }
            : {}),
        };
      }
      if (delivery) await ingest.recordDelivery(delivery, Date.now());
      res.status(202).json(body);
    } catch (error) {
      next(error);
    }
  };
}
