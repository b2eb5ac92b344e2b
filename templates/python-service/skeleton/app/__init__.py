"""${{ values.name }}: ${{ values.description }}"""

SERVICE_NAME = "${{ values.name }}"
