package org.opensync.mapping.expression;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.opensync.mapping.model.AttributeType;
import org.opensync.mapping.value.IntegerValue;
import org.opensync.mapping.value.Value;

/**
 * Conversions: ConvertToBase64, ConvertFromBase64, ConvertToUTF8Hex, CStr, BitAnd, StringFromSid, DNComponent, CRef.
 * Binary attribute values travel as base64 text in this engine's value model.
 */
final class EncodingFunctions {
    private EncodingFunctions() {
    }

    static List<FunctionSpec> functions() {
        return List.of(
                FunctionSpec.define("ConvertToBase64").required("source").body((call, ctx) ->
                        convert(call, ctx, s -> Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_16LE)))),
                FunctionSpec.define("ConvertFromBase64").required("source").optional("Encoding")
                        .binder(EncodingFunctions::bindFromBase64),
                FunctionSpec.define("ConvertToUTF8Hex").required("source").body((call, ctx) ->
                        convert(call, ctx, s -> HexFormat.of().withUpperCase().formatHex(s.getBytes(StandardCharsets.UTF_8)))),
                FunctionSpec.define("CStr").required("value").body((call, ctx) -> Value.text(call.text(0, ctx))),
                FunctionSpec.define("BitAnd").required("value1", AttributeType.Integer)
                        .required("value2", AttributeType.Integer)
                        .body((call, ctx) -> new IntegerValue(call.integer(0, ctx) & call.integer(1, ctx))),
                FunctionSpec.define("StringFromSid").required("ObjectSID", AttributeType.Binary)
                        .body((call, ctx) -> convert(call, ctx, EncodingFunctions::sidText)),
                FunctionSpec.define("DNComponent").required("dn", AttributeType.Reference)
                        .required("ComponentNumber", AttributeType.Integer).body(EncodingFunctions::dnComponent),
                FunctionSpec.define("CRef").required("source", AttributeType.Reference)
                        .body((call, ctx) -> call.value(0, ctx)));
    }

    @FunctionalInterface
    private interface Conversion {
        String apply(String text);
    }

    private static Value convert(CallNode call, EvaluationContext ctx, Conversion conversion) throws EvaluationSignal {
        String source = call.text(0, ctx);
        if (source == null) {
            return Value.NULL;
        }
        try {
            return Value.text(conversion.apply(source));
        } catch (IllegalArgumentException e) {
            throw call.error(e.getMessage());
        }
    }

    private static FunctionBody bindFromBase64(List<Expr> arguments) {
        PreparedArgument<Charset> encoding = PreparedArgument.of(arguments, 1, EncodingFunctions::encoding);
        return (call, ctx) -> {
            Charset charset = encoding.get(call, ctx);
            return convert(call, ctx, s -> new String(Base64.getMimeDecoder().decode(strictBase64(s)), charset));
        };
    }

    /** Encoding names of CSREF: Unicode (UTF-16LE, the default), ASCII, UTF8. */
    private static Charset encoding(String name) {
        if (name == null || name.isBlank()) {
            return StandardCharsets.UTF_16LE;
        }
        return switch (name.strip().toUpperCase(Locale.ROOT)) {
            case "UNICODE" -> StandardCharsets.UTF_16LE;
            case "ASCII" -> StandardCharsets.US_ASCII;
            case "UTF8", "UTF-8" -> StandardCharsets.UTF_8;
            default -> throw new IllegalArgumentException("'" + name + "' is not an encoding; use Unicode, ASCII or UTF8");
        };
    }

    /** The MIME decoder skips junk silently; .NET rejects it, so check the alphabet first. */
    private static String strictBase64(String text) {
        String compact = text.strip();
        if (!compact.matches("[A-Za-z0-9+/\\s]*={0,2}") || compact.replaceAll("\\s", "").length() % 4 != 0) {
            throw new IllegalArgumentException("'" + text + "' is not valid base64");
        }
        return compact;
    }

    /** Binary SID (base64) to S-R-I-S…; text that already is an S- string passes through. */
    static String sidText(String value) {
        if (value.startsWith("S-1-")) {
            return value;
        }
        byte[] sid = Base64.getDecoder().decode(strictBase64(value).replaceAll("\\s", ""));
        if (sid.length < 8 || sid.length != 8 + 4 * (sid[1] & 0xFF)) {
            throw new IllegalArgumentException("the value is not a binary security identifier");
        }
        long authority = 0;
        for (int i = 2; i < 8; i++) {
            authority = (authority << 8) | (sid[i] & 0xFF);
        }
        StringBuilder text = new StringBuilder("S-").append(sid[0] & 0xFF).append('-').append(authority);
        ByteBuffer subAuthorities = ByteBuffer.wrap(sid, 8, sid.length - 8).order(ByteOrder.LITTLE_ENDIAN);
        while (subAuthorities.hasRemaining()) {
            text.append('-').append(Integer.toUnsignedString(subAuthorities.getInt()));
        }
        return text.toString();
    }

    /** Value of the N-th RDN from the left (1-based), unescaped; beyond the last RDN gives null. */
    private static Value dnComponent(CallNode call, EvaluationContext ctx) throws EvaluationSignal {
        String dn = call.text(0, ctx);
        long number = call.integer(1, ctx);
        if (number < 1) {
            throw call.error("ComponentNumber must be 1 or more, got " + number);
        }
        if (dn == null) {
            return Value.NULL;
        }
        List<String> values = DistinguishedNames.rdnValues(dn);
        return number > values.size() ? Value.NULL : Value.text(values.get((int) number - 1));
    }
}
