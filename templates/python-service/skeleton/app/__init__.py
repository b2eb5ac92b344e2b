# Values from the form are rendered as JSON string literals (valid Python, escaped), never spliced
# into code, so a description can only ever be text.
${{ (values.name + ": " + values.description) | dump }}

SERVICE_NAME = ${{ values.name | dump }}
