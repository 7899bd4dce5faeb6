{{- define "opensync.labels" -}}
app.kubernetes.io/part-of: opensync
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ .Chart.Name }}-{{ .Chart.Version }}
{{- end -}}

{{- define "opensync.postgresSecret" -}}
{{- default (printf "%s-postgres" .Release.Name) .Values.postgres.existingSecret -}}
{{- end -}}

{{- define "opensync.sealingKeysSecret" -}}
{{- default (printf "%s-secret-keys" .Release.Name) .Values.secrets.existingSecret -}}
{{- end -}}

{{- define "opensync.selectorLabels" -}}
app.kubernetes.io/name: {{ .name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
{{- end -}}
