package org.opensync.connectors.scim;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/**
  * Group membership PATCHes, at most {@code chunkSize} members each:
  * <pre>
  * legacy add      {"op":"Add","path":"members","value":[{"$ref":null,"value":"id1"},…]}
  * compliant add   {"op":"add","path":"members","value":[{"value":"id1"},…]}
  * legacy remove   {"op":"Remove","path":"members","value":[{"value":"id1"},…]}
  * compliant remove {"op":"remove","path":"members[value eq \"id1\"]"} one op per member
  * </pre>
  * The legacy add keeps the {@code "$ref":null} the live service sends, as targets built against Entra see it.
  */
final class MemberPatches {

    private MemberPatches() {
    }

    static List<PatchRequest> add(PatchMode mode, List<String> memberIds, int chunkSize) {
        List<PatchRequest> requests = new ArrayList<>();
        for (List<String> chunk : chunks(memberIds, chunkSize)) {
            ArrayNode members = ScimValues.JSON.createArrayNode();
            for (String id : chunk) {
                ObjectNode member = members.addObject();
                if (mode == PatchMode.LEGACY) {
                    member.putNull("$ref");
                }
                member.put("value", id);
            }
            requests.add(new PatchRequest(List.of(
                    PatchBuilder.operation(mode == PatchMode.LEGACY ? "Add" : "add", "members", members))));
        }
        return requests;
    }

    static List<PatchRequest> remove(PatchMode mode, List<String> memberIds, int chunkSize) {
        List<PatchRequest> requests = new ArrayList<>();
        for (List<String> chunk : chunks(memberIds, chunkSize)) {
            if (mode == PatchMode.LEGACY) {
                ArrayNode members = ScimValues.JSON.createArrayNode();
                chunk.forEach(id -> members.addObject().put("value", id));
                requests.add(new PatchRequest(List.of(PatchBuilder.operation("Remove", "members", members))));
            } else {
                requests.add(new PatchRequest(chunk.stream()
                        .map(id -> PatchBuilder.operation("remove", "members[value eq " + ScimFilters.quote(id) + "]", null))
                        .toList()));
            }
        }
        return requests;
    }

    private static List<List<String>> chunks(List<String> ids, int size) {
        List<List<String>> chunks = new ArrayList<>();
        for (int start = 0; start < ids.size(); start += size) {
            chunks.add(ids.subList(start, Math.min(ids.size(), start + size)));
        }
        return chunks;
    }
}
