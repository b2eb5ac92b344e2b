// ******************************************************************
// * GENERATED FROM THE OPENAPI SPEC. DO NOT EDIT BY HAND.
// * Source: plugins/devex-backend/src/schema/openapi.yaml
// * Regenerate: node scripts/generate-openapi.js plugins/devex-backend
// ******************************************************************
/* eslint-disable */
import type { operations } from './operations.generated';

export interface paths {
  '/availability': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The portal's uptime per week, from its own readiness probed every minute.
     * @description The scheduler probes the backend's readiness endpoint once a minute (one replica at a time). Uptime is the minutes found up over the minutes measured, from the first probe ever recorded to the last minute that is over; a minute without a probe counts as down.
     */
    get: operations['GetAvailability'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/changes': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Review flow of the changes (pull requests) merged in a window.
     * @description Cycle time split into coding (first commit to opened), pickup (opened to first review), review (first review to merged) and deploy (merged to the first successful production deployment of the service listing the merge commit), as median and p75 in hours. A change counts when its merge time is in the window; a stage that has not ended, or ends before it starts, is no sample; without samples the values are null. `open` counts the changes opened in the window that are neither merged nor closed.
     */
    get: operations['GetChanges'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/deployments': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The latest deployments of a scope (all environments), newest first. */
    get: operations['GetDeployments'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/devex/measures': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Time to first production deployment, self-service ratio and template adoption. */
    get: operations['GetDevexMeasures'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/dora': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The DORA metrics of a service, a team or the organisation in a window. */
    get: operations['GetDora'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/dora/series': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Weekly DORA points for charts, cut in a time zone. */
    get: operations['GetDoraSeries'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/events': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Store deployment, incident and change events (CI and CD pipelines).
     * @description For service credentials (a CI token issued through `backend.auth.externalAccess`). A signed-in user may send events only for services owned by one of their teams. Each (`source`, `id`) is an event's identity: a re-send replaces it, but only the principal that first wrote it may replace it (409 otherwise). The source `github` belongs to the webhook. Survey answers are not events: they come only through `POST /surveys`.
     */
    post: operations['PostEvents'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/feedback': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Feedback from the control on every portal page.
     * @description Signed-in users only. Rating 1 to 5, a category from the fixed list, an optional comment, the page (a portal path, no host, query or fragment) and the last action. A rating of 2 or less notifies the platform team at once. The same feedback sent again by the same person within minutes is stored once (200 with the earlier id); a person may send at most devex.feedback.maxPerHour pieces an hour (429 with Retry-After beyond).
     */
    post: operations['PostFeedback'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/feedback/summary': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Portal feedback of a window by page and by category.
     * @description Ratings are shown to everyone signed in; the latest comments (with who wrote them) only to members of the platform team.
     */
    get: operations['GetFeedbackSummary'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/impact': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * DORA metrics of services per golden-path template and version, beside the rest.
     * @description Cohorts by the golden-path lineage of each component in the catalog: one per template, one per template version, and the services made from no template. Each measure gives its sample count; below devex.impact.minimumSamples its value is null and tooFewSamples is true, so no comparison is drawn from too little data.
     */
    get: operations['GetImpact'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/incidents': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The latest incidents of a scope, newest first. */
    get: operations['GetIncidents'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/level-bands': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The DORA report whose level bands judge the organisation's metrics, and the choices. */
    get: operations['GetLevelBands'];
    /** Choose the report for the organisation (platform team only). */
    put: operations['PutLevelBands'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/onboarding': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Time to onboard of the people who started in a window.
     * @description For each person (a User in the catalog, of the group or its sub-groups when `group` is given) whose start lies in the window: the hours from the start to their first merged change (as author) and to their first successful production deployment (as the one who triggered it), each at or after the start. The start is the user's paved.dev/start-date annotation, else the first time DevEx saw the user in the catalog; people already in the catalog when DevEx began tracking have no known start without the annotation and are only counted in unknownStart. `people` counts those whose start lies in the window; each milestone's samples are those who reached it, and notYet those who have not (not in the median). Without samples the values are null.
     */
    get: operations['GetOnboarding'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/provisioning/weeks': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Provisioning success rate and automated vs manual work, per week.
     * @description From provisioning's request events. A request succeeds in the week it first reaches ready and fails in the week its provisioning fails (before ever being ready); the success rate is succeeded over both. Automated requests reached ready with no person other than the requester acting; every state change is an action, counted by who took it (the platform itself, the requester, or another person).
     */
    get: operations['GetProvisioningWeeks'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/surveys': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * The signed-in user's pulse survey answer.
     * @description Signed-in users only. One answer per person per survey period (devex.surveys.period): a second answer in the same period replaces the first. Stored under a pseudonym.
     */
    post: operations['PostSurvey'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/surveys/summary': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Pulse survey results of a window, with anonymity rules applied.
     * @description The window is widened to whole UTC days and must span at least devex.surveys.minimumWindowDays. Scores of a breakdown (the whole organisation, each team) are shown only with at least devex.surveys.minimumRespondents respondents. Comments are returned only to members of the platform team, with the ISO week they were written in instead of a time.
     */
    get: operations['GetSurveySummary'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/webhooks/github': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * GitHub deliveries (push, deployment_status, workflow_run, issues, pull_request, pull_request_review).
     * @description Authenticated by the `X-Hub-Signature-256` HMAC of the raw body, checked while the body streams in (at most devex.github.maxPayloadBytes). A delivery seen before (`X-GitHub-Delivery`) is acknowledged and not applied again; an event older than the stored state of the same deployment or issue (by GitHub's own timestamps) does not replace it.
     */
    post: operations['PostGithubWebhook'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
