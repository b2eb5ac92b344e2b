import express from 'express';
import Router from 'express-promise-router';
import type {
  BackstageServicePrincipal,
  HttpAuthService,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import type { LocationRegistrationStore } from './LocationRegistrationStore';

/**
 * Runs in front of the catalog's own `POST /locations` and `PUT /locations/:id` (a module's
 * routes are mounted before its plugin's) and records who asks to register which location, then
 * hands the request on unchanged: the catalog still authorizes and registers. The catalog-import
 * page, `catalog:register` (with the initiator's credentials) and the API all pass here.
 * A dry run registers nothing and is not recorded.
 */
export function createRegistrationRecorder(options: {
  httpAuth: HttpAuthService;
  userInfo: UserInfoService;
  registrations: LocationRegistrationStore;
}) {
  const { httpAuth, userInfo, registrations } = options;
  const router = Router();
  const record = async (req: express.Request) => {
    const { type, target } = req.body ?? {};
    if (req.query.dryRun === 'true') return;
    if (typeof type !== 'string' || typeof target !== 'string') return;
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const locationRef = `${type}:${target}`;
    if (credentials.principal.type === 'user') {
      const info = await userInfo.getUserInfo(credentials);
      await registrations.recordUnlessRegistered({
        locationRef,
        registeredBy: info.userEntityRef,
        ownershipRefs: info.ownershipEntityRefs,
      });
    } else {
      await registrations.recordUnlessRegistered({
        locationRef,
        registeredBy: (credentials.principal as BackstageServicePrincipal)
          .subject,
      });
    }
  };
  router.post('/locations', express.json(), async (req, _res, next) => {
    await record(req);
    next();
  });
  router.put('/locations/:id', express.json(), async (req, _res, next) => {
    await record(req);
    next();
  });
  return router;
}
