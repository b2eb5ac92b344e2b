import TextField from '@material-ui/core/TextField';
import type { ApiHolder } from '@backstage/core-plugin-api';
import type {
  CustomFieldValidator,
  FieldExtensionComponentProps,
} from '@backstage/plugin-scaffolder-react';
import { goldenPathsApiRef } from '../../api';

/**
 * `ui:field: ServiceName`: the name of a new golden-path service. Besides the template's
 * `pattern`, the form asks the backend whether the name is free (no component of that name in
 * the catalog, no repository on the git host), so a taken name is refused before "Create";
 * `paved:service:validate` checks again on the server.
 */
export const ServiceNameField = (
  props: FieldExtensionComponentProps<string>,
) => {
  const {
    onChange,
    required,
    disabled,
    rawErrors,
    formData,
    schema: { title = 'Name', description },
    uiSchema,
    idSchema,
  } = props;
  return (
    <TextField
      id={idSchema?.$id}
      label={title}
      placeholder="orders-api"
      // The form's field template shows ui:help and the errors below the field.
      helperText={uiSchema?.['ui:help'] ? undefined : description}
      required={required}
      disabled={disabled}
      value={formData ?? ''}
      onChange={event => onChange(event.target.value)}
      error={(rawErrors?.length ?? 0) > 0}
      // The template asks for it (ui:autofocus): the name is the form's first question.
      // eslint-disable-next-line jsx-a11y/no-autofocus
      autoFocus={Boolean(uiSchema?.['ui:autofocus'])}
      margin="normal"
      fullWidth
      inputProps={{ autoComplete: 'off', spellCheck: false }}
    />
  );
};

/** Asks `GET /api/golden-paths/service-names/:name` (the same check `paved:service:validate` runs), as the signed-in user. */
export const validateServiceName: CustomFieldValidator<string> = async (
  name,
  validation,
  { apiHolder }: { apiHolder: ApiHolder },
) => {
  if (!name) return;
  const goldenPaths = apiHolder.get(goldenPathsApiRef);
  if (!goldenPaths) return;
  try {
    const answer = await goldenPaths.getServiceName(name);
    if (!answer.available && answer.problem) {
      validation.addError(answer.problem);
    }
  } catch (error) {
    validation.addError(
      `Could not check the name: ${
        error instanceof Error ? error.message : String(error)
      }`,
    );
  }
};
