import {
  AuditorService,
  BackstageCredentials,
  BackstageUserPrincipal,
  HttpAuthService,
} from '@backstage/backend-plugin-api';
import {
  nulCharacterGuard,
  openApiViolationsHandler,
} from '@paved/backend-platform';
import { ServiceNameCheck } from '@paved/plugin-golden-paths-node';
import express from 'express';
import { createOpenApiRouter } from '../schema/openapi.generated';
import { DriftReport } from '../upgrades/DriftReport';
import { UpgradeProposals, toApiUpgrade } from '../upgrades/UpgradeProposals';
import { UpgradeStore } from '../database/UpgradeStore';
import { ProposalRun } from '../upgrades/proposeOutdated';

/**
 * The golden-paths HTTP API, validated against `src/schema/openapi.yaml`:
 * `GET /service-names/:name?namespace=` → `{ name, available, problem? }`; template drift and
 * upgrade proposals (`GET /drift`, `POST /upgrades`, `GET /upgrades`, `GET /upgrades/:id`).
 */
export async function createRouter(options: {
  httpAuth: HttpAuthService;
  auditor: AuditorService;
  serviceNames: ServiceNameCheck;
  drift: DriftReport;
  proposals: UpgradeProposals;
  store: UpgradeStore;
  /** The scheduled proposal run, started by a member of the platform team. */
  runNow: (
    credentials: BackstageCredentials<BackstageUserPrincipal>,
  ) => Promise<ProposalRun & { totalMs: number }>;
}): Promise<express.Router> {
  const { httpAuth, auditor, serviceNames, drift, proposals, store, runNow } =
    options;
  const router = await createOpenApiRouter({
    // Backstage's JSON parser, then no NUL characters (PostgreSQL refuses them).
    middleware: [express.json(), nulCharacterGuard()],
    validatorOptions: {
      // Backstage's defaults, plus every violation of a request instead of the first.
      validateRequests: {
        allErrors: true,
        coerceTypes: false,
        allowUnknownQueryParameters: false,
      },
    },
  });

  router.get('/service-names/:name', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    res.json(
      await serviceNames.check({
        name: req.params.name,
        namespace: req.query.namespace ?? 'default',
        credentials,
      }),
    );
  });

  router.get('/drift', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    res.json({ items: await drift.compute(credentials) });
  });

  router.get('/upgrades', async (req, res) => {
    await httpAuth.credentials(req, { allow: ['user', 'service'] });
    const items = await store.list({
      entityRef: req.query.entityRef?.toLocaleLowerCase('en-US'),
      limit: Number(req.query.limit ?? 50),
    });
    res.json({ items: items.map(toApiUpgrade) });
  });

  router.post('/upgrades', async (req, res) => {
    // Proposing opens a change request in the owners' repository: people only, and only the
    // owners, their members and the platform team (checked by UpgradeProposals).
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    const auditEvent = await auditor.createEvent({
      eventId: 'upgrade-propose',
      severityLevel: 'low',
      request: req,
      meta: { entityRef: req.body.entityRef },
    });
    try {
      const upgrade = await proposals.propose({
        entityRef: req.body.entityRef,
        credentials,
        proposer: credentials.principal.userEntityRef,
      });
      await auditEvent.success({
        meta: {
          upgradeId: upgrade.id,
          toVersion: upgrade.toVersion,
          status: upgrade.status,
        },
      });
      res.status(201).json(toApiUpgrade(upgrade));
    } catch (error) {
      await auditEvent.fail({ error: error as Error });
      throw error;
    }
  });

  router.post('/upgrades/runs', async (req, res) => {
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    const auditEvent = await auditor.createEvent({
      eventId: 'upgrade-run',
      severityLevel: 'medium',
      request: req,
    });
    try {
      const run = await runNow(credentials);
      await auditEvent.success({
        meta: { proposed: run.proposed.length, failed: run.failed.length },
      });
      res.json(run);
    } catch (error) {
      await auditEvent.fail({ error: error as Error });
      throw error;
    }
  });

  router.get('/upgrades/:id', async (req, res) => {
    await httpAuth.credentials(req, { allow: ['user', 'service'] });
    res.json(toApiUpgrade(await proposals.get(req.params.id)));
  });

  // The validator's 400s in Paved's format, `<field>: <problem> (rule: <rule>)`.
  router.use(openApiViolationsHandler);
  return router;
}
