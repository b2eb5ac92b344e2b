import { identityApiRef, useApi } from '@backstage/frontend-plugin-api';
import useAsync from 'react-use/esm/useAsync';

/** The signed-in user's entity ref and the groups they belong to. */
export function useCurrentUser() {
  const identityApi = useApi(identityApiRef);
  const { value, loading, error } = useAsync(
    () => identityApi.getBackstageIdentity(),
    [identityApi],
  );
  return {
    loading,
    error,
    userEntityRef: value?.userEntityRef,
    groupRefs: (value?.ownershipEntityRefs ?? []).filter(ref =>
      ref.startsWith('group:'),
    ),
  };
}
