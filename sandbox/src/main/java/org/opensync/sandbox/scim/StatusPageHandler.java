package org.opensync.sandbox.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import java.io.IOException;
import java.util.List;

/**
  * {@code /}: a self-refreshing page showing what has been provisioned, for people watching a demo. No token (it is
  * meant for a browser on loopback); it shows at most {@link #MAX_ROWS} rows per table so 100k users stay cheap.
  */
final class StatusPageHandler implements HttpHandler {

    private static final int MAX_ROWS = 500;
    private static final int REFRESH_SECONDS = 2;

    private final ResourceStore users;
    private final ResourceStore groups;
    private final ServerQuirks quirks;

    StatusPageHandler(ResourceStore users, ResourceStore groups, ServerQuirks quirks) {
        this.users = users;
        this.groups = groups;
        this.quirks = quirks;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        exchange.getRequestBody().close();
        if (!exchange.getRequestURI().getPath().equals("/")) {
            ScimResponse.text(404, "text/plain; charset=utf-8", "not found\n").send(exchange);
            return;
        }
        ScimResponse.text(200, "text/html; charset=utf-8", render()).send(exchange);
    }

    private String render() {
        StringBuilder html = new StringBuilder(16_384)
                .append("<!DOCTYPE html><html><head><meta charset=\"utf-8\">")
                .append("<meta http-equiv=\"refresh\" content=\"").append(REFRESH_SECONDS).append("\">")
                .append("<title>OpenSync sandbox SCIM app</title>")
                .append("<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse;margin-bottom:2em}")
                .append("td,th{border:1px solid #ccc;padding:2px 8px;text-align:left}.inactive{color:#999}</style>")
                .append("</head><body><h1>OpenSync sandbox SCIM app</h1>");
        String activeQuirks = quirks.settings().describe();
        if (!activeQuirks.isEmpty()) {
            html.append("<p id=\"quirks\">Quirks: ").append(escape(activeQuirks)).append("</p>");
        }

        List<ObjectNode> userPage = users.search(null, 1, MAX_ROWS).resources();
        html.append("<h2>Users (").append(users.size()).append(")</h2><table id=\"users\">")
                .append("<tr><th>userName</th><th>displayName</th><th>active</th></tr>");
        for (ObjectNode user : userPage) {
            boolean active = user.path("active").asBoolean(true);
            html.append("<tr").append(active ? "" : " class=\"inactive\"").append("><td>")
                    .append(escape(user.path("userName").asText())).append("</td><td>")
                    .append(escape(user.path("displayName").asText())).append("</td><td>")
                    .append(active).append("</td></tr>");
        }
        html.append("</table>");

        List<ObjectNode> groupPage = groups.search(null, 1, MAX_ROWS).resources();
        html.append("<h2>Groups (").append(groups.size()).append(")</h2><table id=\"groups\">")
                .append("<tr><th>displayName</th><th>members</th></tr>");
        for (ObjectNode group : groupPage) {
            JsonNode members = group.path("members");
            html.append("<tr><td>").append(escape(group.path("displayName").asText())).append("</td><td>")
                    .append(members.isArray() ? members.size() : 0).append("</td></tr>");
        }
        return html.append("</table></body></html>").toString();
    }

    private static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
