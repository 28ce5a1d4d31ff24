package io.cloudsword.listing.repository;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.cloudsword.listing.scoring.RiskSignal;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** Signals as the jsonb column holds them: [{"code","weight","explanation","details":{...}}]. */
public final class SignalsJson {

    private SignalsJson() {
    }

    public static String write(List<RiskSignal> signals) {
        JsonArray out = new JsonArray();
        for (RiskSignal s : signals) {
            out.add(new JsonObject().put("code", s.code()).put("weight", s.weight()).put("explanation", s.explanation())
                    .put("details", new JsonObject(new LinkedHashMap<>(s.details()))));
        }
        return out.encode();
    }

    public static List<RiskSignal> read(String json) {
        if (json == null || json.isEmpty()) {
            return List.of();
        }
        JsonArray in = new JsonArray(json);
        List<RiskSignal> out = new ArrayList<>(in.size());
        for (int i = 0; i < in.size(); i++) {
            JsonObject o = in.getJsonObject(i);
            Map<String, String> details = new LinkedHashMap<>();
            JsonObject d = o.getJsonObject("details", new JsonObject());
            d.fieldNames().forEach(k -> details.put(k, String.valueOf(d.getValue(k))));
            out.add(new RiskSignal(o.getString("code"), o.getInteger("weight", 0), o.getString("explanation", ""),
                    details));
        }
        return out;
    }
}
