/**
 * Change (pull request) size classes by lines changed (additions plus deletions): a class holds
 * the changes up to its `maxLines` that no smaller class holds; the last has no upper bound.
 * Smaller changes are reviewed sooner and more thoroughly, which is why the review flow shows
 * how sizes are spread, not only their median.
 * @public
 */
export const changeSizeClasses = [
  { label: 'XS', maxLines: 10 },
  { label: 'S', maxLines: 50 },
  { label: 'M', maxLines: 250 },
  { label: 'L', maxLines: 1000 },
  { label: 'XL', maxLines: null },
] as const;

/** The review-flow stages of a change, in the order a change goes through them. @public */
export const changeStages = ['coding', 'pickup', 'review', 'deploy'] as const;

/** @public */
export type ChangeStage = (typeof changeStages)[number];

/** What each stage measures, for tooltips and READMEs. @public */
export const changeStageDefinitions: Record<
  ChangeStage,
  { title: string; description: string }
> = {
  coding: {
    title: 'Coding',
    description: "From the change's first commit to when it was opened.",
  },
  pickup: {
    title: 'Pickup',
    description:
      'From opening to the first review by someone other than the author.',
  },
  review: {
    title: 'Review',
    description: 'From the first review to the merge.',
  },
  deploy: {
    title: 'Deploy',
    description:
      'From the merge to the first successful production deployment of the service that ships the merge commit.',
  },
};
